// Modals as Slack keeps them: `views.open` takes a trigger id that Slack
// handed out with an interaction (once, to the person who acted) and a
// modal view, checks what slack.com checks, and answers with the view
// object, which a later `view_submission` carries back to the app.
import { randomBytes } from 'node:crypto';
import type { SlackArgs } from './slackApiCallRecorder.ts';
import type { SlackIdentity } from './slackApiIdentity.ts';

/** A view as `views.open` returns it and `view_submission` carries it (`state` filled in on submission). */
export interface SlackView {
  id: string;
  team_id: string;
  type: 'modal';
  title: PlainText;
  submit?: PlainText | null;
  close?: PlainText | null;
  blocks: SlackBlock[];
  private_metadata: string;
  callback_id: string;
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  previous_view_id: null;
  root_view_id: string;
  app_id: string;
  external_id: string;
  app_installed_team_id: string;
  bot_id: string;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface SlackBlock {
  type: string;
  block_id?: string;
  element?: { type: string; action_id?: string; options?: { text: PlainText; value: string }[] };
  [key: string]: unknown;
}

/** A trigger id handed out with an interaction: valid once, for the view of the person who acted. */
export interface SlackTrigger {
  user: string;
  used: boolean;
}

/** Limits slack.com enforces on a modal (api.slack.com/reference/surfaces/views). */
const TITLE_MAX = 24;
const BUTTON_MAX = 24;
const BLOCKS_MAX = 100;
const METADATA_MAX = 3000;
const CALLBACK_MAX = 255;

export interface ViewsContext {
  identity: SlackIdentity;
  triggers: Map<string, SlackTrigger>;
  views: Map<string, SlackView & { user: string }>;
}

/** `views.open`: an unknown trigger is `invalid_trigger_id`, a used one `exchanged_trigger_id`. */
export function viewsOpen(args: SlackArgs, context: ViewsContext) {
  const triggerId = typeof args.trigger_id === 'string' ? args.trigger_id : '';
  if (!triggerId) return { ok: false as const, error: 'invalid_arguments' };
  const trigger = context.triggers.get(triggerId);
  if (!trigger) return { ok: false as const, error: 'invalid_trigger_id' };
  if (trigger.used) return { ok: false as const, error: 'exchanged_trigger_id' };
  const problems = viewProblems(args.view);
  if (problems.length > 0)
    return { ok: false as const, error: 'invalid_arguments', response_metadata: { messages: problems } };
  trigger.used = true;
  const view = storedView(args.view as Partial<SlackView>, context.identity);
  context.views.set(view.id, { ...view, user: trigger.user });
  return { ok: true as const, view };
}

/** What slack.com says of a view it refuses, in its words (`[ERROR] … [json-pointer:/view/…]`). */
function viewProblems(view: unknown): string[] {
  if (typeof view !== 'object' || view === null) return ['[ERROR] missing required field: view'];
  const candidate = view as Partial<SlackView>;
  const problems: string[] = [];
  const error = (text: string, pointer: string) => problems.push(`[ERROR] ${text} [json-pointer:/view${pointer}]`);
  if (candidate.type !== 'modal') error('must be modal', '/type');
  if (!isPlainText(candidate.title)) error('must provide a plain_text object', '/title');
  else if (candidate.title.text.length > TITLE_MAX) error(`must be at most ${TITLE_MAX} characters`, '/title/text');
  for (const button of ['submit', 'close'] as const) {
    const text = candidate[button];
    if (text !== undefined && text !== null && (!isPlainText(text) || text.text.length > BUTTON_MAX))
      error(`must be a plain_text object of at most ${BUTTON_MAX} characters`, `/${button}`);
  }
  const blocks = Array.isArray(candidate.blocks) ? candidate.blocks : null;
  if (!blocks) error('missing required field: blocks', '/blocks');
  else if (blocks.length > BLOCKS_MAX) error(`must be at most ${BLOCKS_MAX} items`, '/blocks');
  else if (blocks.some((block) => block.type === 'input') && !candidate.submit)
    error('must provide submit when there are input blocks', '/submit');
  if ((candidate.private_metadata ?? '').length > METADATA_MAX)
    error(`must be at most ${METADATA_MAX} characters`, '/private_metadata');
  if ((candidate.callback_id ?? '').length > CALLBACK_MAX)
    error(`must be at most ${CALLBACK_MAX} characters`, '/callback_id');
  return problems;
}

function isPlainText(value: unknown): value is PlainText {
  const text = value as Partial<PlainText> | undefined;
  return text?.type === 'plain_text' && typeof text.text === 'string' && text.text.length > 0;
}

function storedView(view: Partial<SlackView>, identity: SlackIdentity): SlackView {
  const id = `V0${randomBytes(5).toString('hex').toUpperCase().slice(0, 9)}`;
  return {
    id,
    team_id: identity.teamId,
    type: 'modal',
    title: view.title!,
    ...(view.submit ? { submit: view.submit } : { submit: null }),
    ...(view.close ? { close: view.close } : { close: null }),
    blocks: (view.blocks ?? []).map((block, index) => ({ ...block, block_id: block.block_id ?? `b${index}` })),
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    previous_view_id: null,
    root_view_id: id,
    app_id: identity.appId,
    external_id: '',
    app_installed_team_id: identity.teamId,
    bot_id: identity.botId,
  };
}
