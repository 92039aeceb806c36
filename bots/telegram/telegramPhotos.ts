import type { Api } from 'grammy';
import type { PhotoSource } from '../../core/desk/deskPorts.ts';

/**
 * A photo a customer sent in Telegram, as bytes: `getFile` gives its path,
 * then the file is downloaded from the Bot API's file root. The URL holds
 * the bot's token, which is why the bytes are passed on, never the link.
 */
export function telegramPhotoSource(api: Api, token: string, apiRoot: string): PhotoSource {
  return async (fileId) => {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error(`Telegram gave no download path for file ${fileId}`);
    const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
    if (!response.ok) throw new Error(`Telegram answered ${response.status} to the download of file ${fileId}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
