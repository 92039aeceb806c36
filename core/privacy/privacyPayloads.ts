/** The "My data" screen's own buttons, answered by this capability (scope `privacy`). */
export const PRIVACY_SCOPE = 'privacy';

export const privacyPayload = {
  /** Asks for erasure: shows what it means, with Yes and Cancel. */
  askErase: `${PRIVACY_SCOPE}:erase`,
  confirmErase: `${PRIVACY_SCOPE}:erase:yes`,
  cancelErase: `${PRIVACY_SCOPE}:erase:no`,
} as const;
