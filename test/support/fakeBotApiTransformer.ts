// The fake Bot API without HTTP: a grammY transformer that answers every call
// in-process with the same results as the server. The benchmark uses it to
// measure the bot's own throughput with the network taken out of the picture.
import { InputFile, type Transformer } from 'grammy';
import type { CallRecorder, RecordedFile } from './botApiCallRecorder.ts';
import { BotApiEngine } from './botApiEngine.ts';
import type { BotApiFaults } from './botApiFaults.ts';
import type { ApiPayload, BotIdentityOptions } from './botApiResults.ts';
import type { BotApiUpdateQueue } from './botApiUpdateQueue.ts';

export interface FakeTransformerOptions {
  identity?: BotIdentityOptions;
  /** Share to inject failures from the test or benchmark. */
  faults?: BotApiFaults;
  /** Share to feed `bot.start()`; without it polls wait out their timeout empty. */
  updates?: BotApiUpdateQueue;
}

/**
 * Never calls `prev`, so nothing leaves the process. Without a recorder the
 * payload is not inspected at all, which keeps the per-call cost minimal.
 */
export function fakeBotApiTransformer(recorder?: CallRecorder, options: FakeTransformerOptions = {}): Transformer {
  const engine = new BotApiEngine({ ...options, ...(recorder ? { recorder } : {}) });
  const transformer = async (_prev: unknown, method: string, payload: unknown, signal?: AbortSignal) => {
    const incoming = recorder
      ? { method, ...(await extractUploads(payload)) }
      : { method, payload: (payload ?? {}) as ApiPayload };
    return (await engine.call(incoming, signal)).body;
  };
  // The engine answers any method with its result JSON, which is what grammY expects back.
  return transformer as unknown as Transformer;
}

interface Extracted {
  payload: ApiPayload;
  files: Record<string, RecordedFile>;
}

/**
 * Mirrors what the HTTP fake records: InputFiles become `attach://<field>`
 * strings in a copy of the payload and their bytes go to `files[<field>]`.
 */
async function extractUploads(payload: unknown): Promise<Extracted> {
  const files: Record<string, RecordedFile> = {};
  const copy = await replaceInputFiles(payload ?? {}, '', files);
  return { payload: copy as ApiPayload, files };
}

async function replaceInputFiles(value: unknown, path: string, files: Record<string, RecordedFile>): Promise<unknown> {
  if (value instanceof InputFile) {
    files[path] = { bytes: await readInputFile(value), ...(value.filename ? { filename: value.filename } : {}) };
    return `attach://${path}`;
  }
  if (Array.isArray(value)) {
    return Promise.all(value.map((item, index) => replaceInputFiles(item, joinPath(path, String(index)), files)));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(
        async ([key, inner]) => [key, await replaceInputFiles(inner, joinPath(path, key), files)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

async function readInputFile(file: InputFile): Promise<Buffer> {
  const raw = await file.toRaw();
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  const chunks: Uint8Array[] = [];
  for await (const chunk of raw) chunks.push(chunk);
  return Buffer.concat(chunks);
}
