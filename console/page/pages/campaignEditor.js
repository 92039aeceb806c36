// A campaign's editor, for a new one, a draft or a scheduled campaign (once
// it started, what members got stays as it was). Beside the form, the live
// preview of the message in each language. Save draft sends the form to
// POST (new) or PUT (saved) /api/v1/campaigns; Start saves it, then starts
// it and opens its report. The API judges every value; its problems are
// shown at the fields they name.
import { api, ApiError } from '../api.js';
import { el, heading, notice } from '../dom.js';
import { t } from '../i18n.js';
import { campaignForm } from './campaignForm.js';
import { tieToPreview } from './previewedForm.js';
import { markCampaignProblems, refusal } from './campaignProblems.js';
import { EDITABLE, statusText } from './campaignWords.js';

/** `id` is null for a new campaign. */
export async function render(context, id) {
  const root = el('section', { class: 'campaign' });
  const page = { context, root };
  page.redraw = async (campaignId, after = {}) => {
    root.replaceChildren(...(await contents(page, campaignId, after)).filter(Boolean));
  };
  await page.redraw(id);
  return root;
}

async function contents(page, id, after) {
  const [rules, segments, quizzes, campaign] = await Promise.all([
    api('GET', '/program'),
    api('GET', '/segments').then((body) => body.segments),
    api('GET', '/quizzes').then((body) => body.quizzes.filter((quiz) => quiz.state !== 'closed')),
    id ? savedCampaign(id) : null,
  ]);
  if (id && !campaign)
    return [backLink(), heading(t('campaigns.heading')), notice(t('campaigns.refused.campaign-not-found'), 'error')];
  if (campaign && (campaign.segmentId === null || !EDITABLE.includes(campaign.status))) return notHere(campaign);
  const editor = editorFor(page, campaign, { rules, segments, quizzes });
  return [
    backLink(),
    heading(campaign ? t('campaigns.editor.editHeading', { name: campaign.name }) : t('campaigns.editor.newHeading')),
    campaign
      ? el('p', { class: 'campaign__facts', text: t('campaigns.statusIs', { status: statusText(campaign.status) }) })
      : null,
    after.done ? doneNotice(after.done) : null,
    el('div', { class: 'split campaign__layout' }, editorForm(editor), editor.preview.node),
  ];
}

/**
 * The form and its preview, tied together: every edit asks for a new
 * preview, and the preview's findings are marked at the fields they name
 * (and kept, to word the API's own refusal of the same text).
 */
function editorFor(page, campaign, { rules, segments, quizzes }) {
  const editor = { page, campaign, found: [] };
  return tieToPreview(editor, {
    form: campaignForm({
      campaign,
      segments,
      quizzes,
      quietHours: rules.quietHours,
      onChange: () => editor.preview.soon(),
    }),
    markAll: markCampaignProblems,
    previewed: PREVIEWED,
    failed: page.context.failed,
  });
}

/** What the preview checks: the fields its findings and refusals may name. */
const PREVIEWED = ['/messages', '/buttons', '/imageUrl', '/category', '/segmentId'];

async function savedCampaign(id) {
  try {
    return await api('GET', `/campaigns/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** A campaign that started keeps what members got; an automatic message is not written here. */
function notHere(campaign) {
  const why =
    campaign.segmentId === null
      ? t('campaigns.editor.automatic')
      : t('campaigns.editor.notEditable', { status: statusText(campaign.status) });
  return [
    backLink(),
    heading(campaign.name),
    notice(why),
    el('p', {}, el('a', { href: `#/campaigns/${encodeURIComponent(campaign.id)}`, text: t('campaigns.toReport') })),
  ];
}

function editorForm(editor) {
  const message = el('div', { class: 'form__message' });
  const scheduled = editor.campaign?.status === 'scheduled';
  const button = (action, primary) =>
    el('button', {
      type: 'submit',
      name: 'action',
      value: action,
      class: primary ? 'primary' : undefined,
      text: t(`campaigns.editor.actions.${action}`),
    });
  const actions = scheduled ? [button('save', true)] : [button('draft', false), button('start', true)];
  const node = el(
    'form',
    { class: 'campaign__editor', novalidate: true, 'aria-label': t('campaigns.editor.formLabel') },
    editor.form.node,
    message,
    el('p', {
      class: 'field__help',
      text: t(scheduled ? 'campaigns.editor.scheduledNote' : 'campaigns.editor.startNote'),
    }),
    el('div', { class: 'actions' }, ...actions),
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pressed = [...node.querySelectorAll('button[type="submit"]')];
    pressed.forEach((one) => (one.disabled = true));
    try {
      await save(editor, message, event.submitter?.value ?? 'draft');
    } finally {
      pressed.forEach((one) => (one.disabled = false));
    }
  });
  return node;
}

/** Saves what the form holds and, for Start, starts it; the page is drawn again from what the API kept. */
async function save(editor, message, action) {
  const { page, form } = editor;
  message.replaceChildren();
  editor.mark(editor.found);
  const local = form.check();
  if (local.length > 0) {
    editor.mark(local).first?.focus();
    return message.replaceChildren(notice(t('errors.fields'), 'error'));
  }
  try {
    const saved = await send(editor.campaign, form.read());
    // Saved even if the start is refused: a second try changes this campaign instead of writing another.
    editor.campaign = saved;
    history.replaceState(null, '', `#/campaigns/${encodeURIComponent(saved.id)}/edit`);
    if (action === 'start') {
      await api('POST', `/campaigns/${encodeURIComponent(saved.id)}/start`);
      location.hash = `#/campaigns/${encodeURIComponent(saved.id)}?started=1`;
      return;
    }
    await page.redraw(saved.id, { done: action });
    // Focused, so a screen reader says what was done, on the page drawn anew.
    page.root.querySelector('.campaign__done')?.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return page.context.failed(error);
    message.replaceChildren(refusal(error, { mark: editor.mark, found: editor.found }));
  }
}

function send(campaign, body) {
  if (!campaign) return api('POST', '/campaigns', body);
  return api('PUT', `/campaigns/${encodeURIComponent(campaign.id)}`, body);
}

function doneNotice(action) {
  const node = notice(t(`campaigns.editor.done.${action}`));
  node.classList.add('campaign__done');
  node.tabIndex = -1;
  return node;
}

function backLink() {
  return el('p', {}, el('a', { href: '#/campaigns', text: t('campaigns.back') }));
}
