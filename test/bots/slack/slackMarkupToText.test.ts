import { describe, expect, it } from 'vitest';
import { mentionedUsers, slackMarkupToText } from '../../../bots/slack/slackMarkupToText.ts';

const names: Record<string, string> = { U0ION0001: 'Ion Rusu' };
const plain = (text: string) => slackMarkupToText(text, (id) => names[id]);

describe('slackMarkupToText', () => {
  it('turns a mention into the person’s name', () => {
    expect(plain('<@U0ION0001> will call you')).toBe('@Ion Rusu will call you');
  });

  it('shows a mention Slack labelled with its label, and an unknown one by its id', () => {
    expect(plain('ask <@U0MARIA01|maria>')).toBe('ask @maria');
    expect(plain('ask <@U0NOBODY1>')).toBe('ask @U0NOBODY1');
  });

  it('decodes the entities Slack encodes, once', () => {
    expect(plain('I &lt;3 you &amp; your &gt; cat')).toBe('I <3 you & your > cat');
    expect(plain('write &amp;lt; literally')).toBe('write &lt; literally');
  });

  it('writes a labelled link as its label with the address after it', () => {
    expect(plain('see <https://shop.example/returns?a=1&amp;b=2|our returns page>')).toBe(
      'see our returns page (https://shop.example/returns?a=1&b=2)',
    );
  });

  it('writes a bare link as its address, and a link whose label is its address once', () => {
    expect(plain('<https://shop.example/>')).toBe('https://shop.example/');
    expect(plain('<https://shop.example|shop.example>')).toBe('shop.example');
    expect(plain('<mailto:help@shop.example|help@shop.example>')).toBe('help@shop.example');
  });

  it('writes a channel as #name and a special mention as people write it', () => {
    expect(plain('in <#C0STAFF001|staff-desk>')).toBe('in #staff-desk');
    expect(plain('<!here> <!channel> <!subteam^S012|@support>')).toBe('@here @channel @support');
    expect(plain('<!date^1392734382^{date_short}|Feb 18, 2014>')).toBe('Feb 18, 2014');
  });

  it('leaves plain words and Slack’s *bold* or _italics_ as they are', () => {
    expect(plain('Спасибо, *очень* _приятно_')).toBe('Спасибо, *очень* _приятно_');
  });
});

describe('mentionedUsers', () => {
  it('lists each unlabelled mention once', () => {
    expect(mentionedUsers('<@U01> and <@U02|two> and <@U01>')).toEqual(['U01']);
  });
});
