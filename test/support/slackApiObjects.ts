// Slack's user and file objects as the Web API returns them, reduced to the
// fields an app reads but with the real names and nesting.
import type { SlackIdentity } from './slackApiIdentity.ts';
import type { SlackFileObject, SlackUserProfile, UploadedFile } from './slackApiWorkspace.ts';

/** The `user` of `users.info`: names live both at the top and in `profile`. */
export function slackUserObject(user: SlackUserProfile, identity: SlackIdentity) {
  const realName = user.realName ?? [user.firstName, user.lastName].filter(Boolean).join(' ');
  const displayName = user.displayName ?? '';
  return {
    id: user.id,
    team_id: identity.teamId,
    name: user.name ?? user.id.toLowerCase(),
    deleted: false,
    real_name: realName,
    tz: 'Europe/Moscow',
    is_bot: user.isBot ?? false,
    is_app_user: false,
    profile: {
      first_name: user.firstName ?? '',
      last_name: user.lastName ?? '',
      real_name: realName,
      real_name_normalized: realName,
      display_name: displayName,
      display_name_normalized: displayName,
      team: identity.teamId,
    },
  };
}

/**
 * `url_private` points back at the stand-in (as files.slack.com would be
 * reached with the bot token), so an app can download what a message names.
 */
export function slackFileObject(
  file: UploadedFile,
  identity: SlackIdentity,
  origin: string,
  user = identity.botUserId,
): SlackFileObject {
  const name = encodeURIComponent(file.filename);
  const base = `${origin}/files-pri/${identity.teamId}-${file.id}`;
  return {
    id: file.id,
    created: Math.floor(Date.now() / 1000),
    name: file.filename,
    title: file.title,
    mimetype: mimetypeOf(file.filename),
    filetype: extensionOf(file.filename) || 'binary',
    user,
    size: file.bytes?.length ?? file.length,
    url_private: `${base}/${name}`,
    url_private_download: `${base}/download/${name}`,
    permalink: `https://${identity.teamDomain}.slack.com/files/${user}/${file.id}/${name}`,
  };
}

/** The id in a `/files-pri/<team>-<file id>/…` path. */
export function fileIdOfPrivateUrl(pathname: string): string | undefined {
  return /^\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)\//.exec(pathname)?.[1];
}

const MIMETYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

function mimetypeOf(filename: string): string {
  return MIMETYPES[extensionOf(filename)] ?? 'application/octet-stream';
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}
