import type { Outbound } from '../../outbound.ts';
import { serializeReplies } from '../conversation/storedReplies.ts';

/**
 * `serializeReplies([message])` for a whole fan-out, which writes the same
 * buttons and picture under 100,000 texts. The renderer hands every reader
 * of one language the same buttons (core/campaigns/renderCampaignMessage.ts),
 * so the JSON around the text is made once per language and only the text
 * is written per member. A message that shares nothing is serialized whole.
 */
export function campaignMessageSerializer(): (message: Outbound) => string {
  const shells = new WeakMap<object, Shell>();
  return (message) => {
    if (!message.buttons) return serializeReplies([message]);
    let shell = shells.get(message.buttons);
    if (!shell || !shell.fits(message)) shells.set(message.buttons, (shell = shellOf(message)));
    return shell.before + JSON.stringify(message.text) + shell.after;
  };
}

interface Shell {
  before: string;
  after: string;
  /** Whether the message has nothing but its text that differs from the one the shell was made from. */
  fits(message: Outbound): boolean;
}

const MARK = JSON.stringify('\u0000text\u0000');

function shellOf(model: Outbound): Shell {
  // The text keeps its place among the keys, so the JSON is byte for byte what serializeReplies writes.
  const json = serializeReplies([{ ...model, text: JSON.parse(MARK) as string }]);
  const at = json.indexOf(MARK);
  const keys = Object.keys(model);
  return {
    before: json.slice(0, at),
    after: json.slice(at + MARK.length),
    fits: (message) =>
      Object.keys(message).length === keys.length &&
      keys.every((key) => key === 'text' || message[key as keyof Outbound] === model[key as keyof Outbound]),
  };
}
