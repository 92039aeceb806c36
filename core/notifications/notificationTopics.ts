/**
 * The kinds of message a member can switch off, each on its own. Switching
 * one off stops only its messages: the bonus behind a birthday greeting is
 * still credited, a purchase is still recorded.
 */
export const notificationTopics = ['purchases', 'reminders', 'birthday', 'games', 'surveys'] as const;

export type NotificationTopic = (typeof notificationTopics)[number];

export function isNotificationTopic(value: unknown): value is NotificationTopic {
  return typeof value === 'string' && (notificationTopics as readonly string[]).includes(value);
}
