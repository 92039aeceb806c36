import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Russian and Romanian letters: a user-facing text in either belongs in locales/.
const foreignLetters = /[а-яА-ЯёЁăâîșțşţĂÂÎȘȚŞŢ]/;

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('production sources', () => {
  it.each(['core', 'bots'])('%s/ holds no Russian or Romanian text outside the catalogues', (folder) => {
    const files = typeScriptFiles(join(root, folder));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ where: `${relative(root, file)}:${index + 1}`, line }))
        .filter(({ line }) => foreignLetters.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
