// Updates a hostile or broken client could POST to the webhook: shapes close
// to Telegram's, with any field missing, of the wrong type, or odd in value.
import fc from 'fast-check';

/** Something in place of a field: usually plausible, sometimes any JSON at all. */
const or = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: fc.jsonValue() });
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => fc.record(fields, { requiredKeys: [] });

const chatId = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -1e12, max: 1e12 }), fc.double());
const chat = partial({ id: or(chatId), type: or(fc.constantFrom('private', 'group', 'supergroup', 'channel', '')) });
const user = partial({
  id: or(chatId),
  is_bot: or(fc.boolean()),
  first_name: or(fc.string({ maxLength: 80 })),
  language_code: or(fc.constantFrom('ru', 'ro', 'en', 'en-US', 'xx', '', 'ro-MD')),
});
const command = fc.constantFrom(
  '/start',
  '/menu',
  '/balance',
  '/card',
  '/history',
  '/invite',
  '/language',
  '/help',
  '/cancel',
  '/till',
  '/complaint',
  '/human',
  '/x',
);
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  command,
  fc.tuple(command, fc.string({ maxLength: 40 })).map(([c, p]) => `${c} ${p}`),
);
const entity = partial({
  type: or(fc.constantFrom('bot_command', 'bold', 'url')),
  offset: or(fc.integer({ min: -3, max: 5 })),
  length: or(fc.integer({ min: -3, max: 30 })),
});
const photoSize = partial({
  file_id: or(fc.string({ maxLength: 20 })),
  width: or(fc.nat(4000)),
  height: or(fc.nat(4000)),
});
const contact = partial({
  phone_number: or(fc.oneof(fc.string({ maxLength: 20 }), fc.constant('37369123456'))),
  user_id: or(chatId),
});

const message = partial({
  message_id: or(fc.nat()),
  date: or(fc.nat()),
  chat: or(chat),
  from: or(user),
  text: or(text),
  caption: or(fc.string({ maxLength: 100 })),
  entities: or(fc.array(or(entity), { maxLength: 3 })),
  contact: or(contact),
  photo: or(fc.array(or(photoSize), { maxLength: 3 })),
});
const callbackQuery = partial({
  id: or(fc.string({ maxLength: 10 })),
  from: or(user),
  data: or(
    fc.oneof(
      fc.string({ maxLength: 64 }),
      fc.constantFrom('consent:yes:ru', 'consent:no:en', 'lang:ro', 'menu', 'reg:profile-name'),
    ),
  ),
  message: or(partial({ message_id: or(fc.nat()), chat: or(chat) })),
});

/** An update body with an integer update_id (anything else is refused before the adapter sees it). */
export const fuzzedUpdate = fc.record(
  {
    update_id: fc.nat({ max: 2 ** 31 - 1 }),
    message: or(message),
    callback_query: or(callbackQuery),
    edited_message: or(message),
    channel_post: fc.jsonValue(),
  },
  { requiredKeys: ['update_id'] },
);
