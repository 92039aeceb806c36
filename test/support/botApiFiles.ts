// Files the fake Bot API can hand out: `getFile` names a path and the download
// route serves bytes for it, as api.telegram.org/file/bot<token>/<path> does.
import { createHash } from 'node:crypto';

export interface TelegramFileResult {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
}

/** Size of the stand-in bytes for a file nobody registered. */
const GENERATED_FILE_SIZE = 1024;

/**
 * Like Telegram, a path can only be downloaded after `getFile` named it; a
 * file a test registered keeps its bytes, any other gets deterministic ones.
 */
export class BotApiFiles {
  private readonly registered = new Map<string, Buffer>();
  private readonly fileIdByPath = new Map<string, string>();

  set(fileId: string, bytes: Buffer): void {
    this.registered.set(fileId, Buffer.from(bytes));
  }

  /** The `getFile` result; from now on its `file_path` can be downloaded. */
  describe(fileId: string): TelegramFileResult {
    const filePath = `photos/${safePathPart(fileId)}.jpg`;
    this.fileIdByPath.set(filePath, fileId);
    return {
      file_id: fileId,
      file_unique_id: `AQAD${fileId.slice(-6)}`,
      file_size: this.bytesOf(fileId).length,
      file_path: filePath,
    };
  }

  /** The bytes behind a path `getFile` returned, or undefined (Telegram answers 404). */
  download(filePath: string): Buffer | undefined {
    const fileId = this.fileIdByPath.get(filePath);
    return fileId === undefined ? undefined : this.bytesOf(fileId);
  }

  bytesOf(fileId: string): Buffer {
    return this.registered.get(fileId) ?? generatedBytes(fileId);
  }
}

/** A JPEG start-of-image marker followed by a hash stream of the file id. */
export function generatedBytes(fileId: string): Buffer {
  const chunks = [Buffer.from([0xff, 0xd8, 0xff, 0xe0])];
  for (let block = 0; Buffer.concat(chunks).length < GENERATED_FILE_SIZE; block += 1) {
    chunks.push(createHash('sha256').update(`${fileId}:${block}`).digest());
  }
  return Buffer.concat(chunks).subarray(0, GENERATED_FILE_SIZE);
}

function safePathPart(fileId: string): string {
  return fileId.replace(/[^A-Za-z0-9_-]/g, '_');
}
