import { z } from 'zod';
import { parseStoredJson } from '../../parseStoredJson.ts';

const namesSchema = z.record(z.string(), z.string().optional());

/** A prize's name per language as kept with its win; an unreadable row reads as no name. */
export function parseNames(json: string): Record<string, string | undefined> {
  return parseStoredJson(namesSchema, json) ?? {};
}
