/**
 * Splits a SQLite script into single statements, because the better-sqlite3
 * driver adapter prepares one statement at a time. Semicolons inside quotes,
 * comments and trigger bodies (`CREATE TRIGGER … BEGIN …; END;`) do not end a
 * statement; the trigger rule is SQLite's own (`sqlite3_complete`): the body
 * ends at `; END ;`.
 */
export function splitSqliteScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let tokens: string[] = [];
  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    if (c === '-' && script[i + 1] === '-') {
      i = endOf(script, '\n', i + 2);
    } else if (c === '/' && script[i + 1] === '*') {
      i = endOf(script, '*/', i + 2);
    } else if (c === "'" || c === '"' || c === '`') {
      i = endOfQuoted(script, c, i + 1);
      tokens.push('quoted');
    } else if (c === '[') {
      i = endOf(script, ']', i + 1);
      tokens.push('quoted');
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_0-9$]+/.exec(script.slice(i, i + 64))![0];
      tokens.push(word.toUpperCase());
      i += word.length;
    } else if (c === ';') {
      const insideTrigger = isCreateTrigger(tokens) && !(tokens.at(-1) === 'END' && tokens.at(-2) === ';');
      tokens.push(';');
      i += 1;
      if (insideTrigger) continue;
      if (tokens.length > 1) statements.push(script.slice(start, i).trim());
      start = i;
      tokens = [];
    } else {
      if (!/\s/.test(c)) tokens.push(c);
      i += 1;
    }
  }
  if (tokens.length > 0) statements.push(script.slice(start).trim());
  return statements;
}

function isCreateTrigger(tokens: string[]): boolean {
  if (tokens[0] !== 'CREATE') return false;
  return tokens[1] === 'TRIGGER' || ((tokens[1] === 'TEMP' || tokens[1] === 'TEMPORARY') && tokens[2] === 'TRIGGER');
}

/** Index just past the next `terminator`, or the end of the script. */
function endOf(script: string, terminator: string, from: number): number {
  const at = script.indexOf(terminator, from);
  return at < 0 ? script.length : at + terminator.length;
}

/** Index just past the closing quote; a doubled quote is an escaped one. */
function endOfQuoted(script: string, quote: string, from: number): number {
  let at = script.indexOf(quote, from);
  while (at >= 0 && script[at + 1] === quote) at = script.indexOf(quote, at + 2);
  return at < 0 ? script.length : at + 1;
}
