// Arbitraries for fuzzing the web chat's posts: bodies that are nearly what
// the page sends, nearly JSON, or anything at all, under odd content types.
import fc from 'fast-check';

const messageId = fc.oneof(
  fc.stringMatching(/^[\w-]{8,64}$/),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.constant(null),
);

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 200 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
  fc.constantFrom(
    '/start',
    '/menu',
    '/balance',
    '/card',
    '/cancel',
    '/',
    '/ ',
    '/x y',
    '  /START  now',
    '\u0000',
    '💳',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.constant('x'.repeat(4001)),
);

const payload = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('consent:yes:en', 'consent:no:ru', 'menu:balance', 'menu:card', 'menu:human', 'lang:ro', 'lang:zz'),
  fc
    .tuple(fc.constantFrom('consent', 'menu', 'lang', 'desk', 'rate', 'quiz'), fc.string({ maxLength: 20 }))
    .map(([kind, rest]) => `${kind}:${rest}`),
);

const wellFormedEvents = [
  fc.record({ kind: fc.constant('text'), text }),
  fc.record({ kind: fc.constant('button'), payload }),
  fc.record(
    {
      kind: fc.constant('command'),
      command: fc.stringMatching(/^[a-z_]{1,32}$/),
      payload: fc.string({ maxLength: 64 }),
    },
    { requiredKeys: ['kind', 'command'] },
  ),
] as const;

const event = fc.oneof(
  ...wellFormedEvents,
  fc.record(
    { kind: fc.constant('command'), command: fc.string({ maxLength: 40 }), payload: fc.string({ maxLength: 80 }) },
    { requiredKeys: ['kind', 'command'] },
  ),
  fc.record({ kind: fc.string({ maxLength: 10 }), text: fc.anything() }, { requiredKeys: [] }),
  fc.anything(),
);

/** A message body as the page might send it, or nearly. */
const messageBody = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ id: fc.stringMatching(/^[\w-]{8,64}$/), event: fc.oneof(...wellFormedEvents) })
      .map((body) => JSON.stringify(body)),
  },
  fc.record({ id: messageId, event }, { requiredKeys: [] }).map((body) => JSON.stringify(body)),
  fc.record({ id: messageId, event, extra: fc.anything() }).map((body) => JSON.stringify(body)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', 'null', '[]', '"text"', '{"id":', '{"__proto__":{"kind":"text"}}', '\u0000\u0001'),
);

const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    'image/png',
    '',
    undefined,
  ),
);

/** Header values a browser may send, and ones only a script would. */
const languageHint = fc.option(
  fc.oneof(
    fc.constantFrom('en', 'ru-RU,ru;q=0.9', 'ro', 'de', '*', 'en;q=abc', ',,,', 'x'.repeat(300)),
    fc.string({ maxLength: 40 }).filter((value) => /^[\x20-\x7e]*$/.test(value)),
  ),
  { nil: undefined },
);
/** Mostly none or the page's own (`own`), as a browser sends; now and then a foreign one, refused with 403. */
const origin = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(undefined, 'own') },
  fc.constantFrom('null', 'https://evil.example', 'not a url', 'http://127.0.0.1'),
);
/** Whose cookie: one of the test's visitors (see `Visitor`), none, or one the server never issued. */
const cookie = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('visitor:consented', 'visitor:member', 'visitor:inTicket') },
  fc.constant(undefined),
  fc.stringMatching(/^[\w-]{0,80}$/),
);

export interface FuzzedPost {
  contentType: string | undefined;
  body: string | Uint8Array;
  /** A query string for photos. */
  query?: string;
  languageHint: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
}

export const fuzzedMessagePost: fc.Arbitrary<FuzzedPost> = fc.record({
  contentType,
  body: messageBody,
  languageHint,
  origin,
  cookie,
});

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const photoBytes = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.uint8Array({ maxLength: 512 }).map((rest) => Uint8Array.from([...PNG, ...rest])),
  fc.uint8Array({ maxLength: 512 }).map((rest) => Uint8Array.from([...JPEG, ...rest])),
  fc.string({ maxLength: 100 }).map((value) => new TextEncoder().encode(value)),
);

const photoQuery = fc.oneof(
  fc.stringMatching(/^[\w-]{8,64}$/).map((id) => `id=${id}`),
  fc.string({ maxLength: 40 }).map((id) => `id=${encodeURIComponent(id)}`),
  fc.constantFrom('', 'id=', 'id=a&id=b', 'id[]=abcdefgh', 'other=1', 'id=%00%00%00%00%00%00%00%00'),
);

export const fuzzedPhotoPost: fc.Arbitrary<FuzzedPost> = fc.record({
  contentType: fc.oneof(fc.constantFrom('image/jpeg', 'image/png', 'image/webp'), contentType),
  body: photoBytes,
  query: photoQuery,
  languageHint,
  origin,
  cookie,
});
