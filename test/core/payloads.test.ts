import { describe, expect, it } from 'vitest';
import { locales } from '../../core/i18n/locale.ts';
import { assistantMenu } from '../../app/assistantMenu.ts';
import { menuPayload, parsePayload, payload } from '../../core/payloads.ts';

const menuItems = assistantMenu().entries.map((entry) => entry.id);

function everyPayload(): string[] {
  return [
    ...locales.flatMap((l) => [payload.consentAccept(l), payload.consentDecline(l), payload.language(l)]),
    ...menuItems.map(menuPayload),
    payload.useProfileName,
    payload.skipBirthday,
  ];
}

describe('button payloads', () => {
  it.each(locales)('read back a consent given in %s', (locale) => {
    expect(parsePayload(payload.consentAccept(locale))).toEqual({ kind: 'consent', accepted: true, locale });
  });

  it.each(locales)('read back a consent declined in %s', (locale) => {
    expect(parsePayload(payload.consentDecline(locale))).toEqual({ kind: 'consent', accepted: false, locale });
  });

  it.each(locales)('read back the choice of %s', (locale) => {
    expect(parsePayload(payload.language(locale))).toEqual({ kind: 'language', locale });
  });

  it.each(menuItems)('read back the menu item %s', (item) => {
    expect(parsePayload(menuPayload(item))).toEqual({ kind: 'menu', item });
  });

  it('read back "use my profile name"', () => {
    expect(parsePayload(payload.useProfileName)).toEqual({ kind: 'useProfileName' });
  });

  it('read back "skip birthday"', () => {
    expect(parsePayload(payload.skipBirthday)).toEqual({ kind: 'skipBirthday' });
  });

  it("fit in Telegram's 64 bytes of callback data", () => {
    expect(everyPayload().filter((raw) => Buffer.byteLength(raw) > 64)).toEqual([]);
  });

  it.each([
    [''],
    ['garbage'],
    ['lang:de'],
    ['lang:'],
    ['consent:maybe:ru'],
    ['consent:yes:de'],
    ['consent:yes'],
    ['menu:'],
    ['menu:Balance'],
    ['menu:balance:extra'],
    ['reg:unknown'],
  ])('are unknown when garbled (%j)', (raw) => {
    expect(parsePayload(raw)).toEqual({ kind: 'unknown' });
  });

  it.each([['menu:nope'], ['menu:toString'], ['menu:constructor'], ['menu:__proto__'], ['menu:hasOwnProperty']])(
    'open no menu entry when they name one nobody registered, or a property every object inherits (%j)',
    (raw) => {
      const parsed = parsePayload(raw);
      const entry = parsed.kind === 'menu' ? assistantMenu().byId(parsed.item) : undefined;
      expect(entry).toBeUndefined();
    },
  );
});
