/** A time usable in a file name, sorting as the time does: 2026-12-04T05-30-00Z. */
export function fileStampOf(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** The time a stamp made by `fileStampOf` stands for; null when `text` holds none. */
export function timeOfFileStamp(text: string): Date | null {
  const match = /(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})Z/.exec(text);
  if (!match) return null;
  const time = new Date(`${match[1]}:${match[2]}:${match[3]}Z`);
  return Number.isNaN(time.getTime()) ? null : time;
}
