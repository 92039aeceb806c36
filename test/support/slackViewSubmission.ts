// A modal submitted, as Slack posts it to the app: form-encoded
// `payload=<json>` of type `view_submission`, carrying the view as
// `views.open` returned it and the person's answers in `view.state.values`
// (block id, then action id, then the element's own state shape).
import { randomBytes } from 'node:crypto';
import { SLACK_IDENTITY } from './slackApiIdentity.ts';
import type { SlackBlock, SlackView } from './slackApiViews.ts';

export interface ViewSubmissionOptions {
  user: string;
  view: SlackView;
  /** Per input block id: the chosen option's value, or the typed text; null leaves it empty. */
  answers: Record<string, string | null>;
}

export function viewSubmission({ user, view, answers }: ViewSubmissionOptions): string {
  const team = { id: SLACK_IDENTITY.teamId, domain: SLACK_IDENTITY.teamDomain };
  const payload = {
    type: 'view_submission',
    team,
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team.id },
    api_app_id: SLACK_IDENTITY.appId,
    token: 'FakeVerificationToken0001',
    trigger_id: `${digits(13)}.${digits(13)}.${randomBytes(16).toString('hex')}`,
    view: { ...view, state: { values: stateValues(view.blocks, answers) } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Slack sends every input block's state, answered or not, in the shape of its element. */
function stateValues(blocks: SlackBlock[], answers: Record<string, string | null>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    if (block.type !== 'input' || !block.element?.action_id || !block.block_id) continue;
    const answer = answers[block.block_id] ?? null;
    values[block.block_id] = { [block.element.action_id]: elementState(block.element, answer) };
  }
  return values;
}

function elementState(element: NonNullable<SlackBlock['element']>, answer: string | null) {
  switch (element.type) {
    case 'radio_buttons':
    case 'static_select': {
      const option = element.options?.find((candidate) => candidate.value === answer);
      if (answer !== null && !option) throw new Error(`No option "${answer}" in the ${element.type}`);
      return { type: element.type, selected_option: option ? { text: option.text, value: option.value } : null };
    }
    case 'plain_text_input':
      return { type: 'plain_text_input', value: answer };
    default:
      throw new Error(`The stand-in does not fill ${element.type} elements`);
  }
}

function digits(length: number): string {
  return Array.from(randomBytes(length), (byte) => String(byte % 10)).join('');
}
