/**
 * Splitting a command string into argv as Compose does (go-shellwords rules): whitespace separates words, single
 * quotes are literal, double quotes allow `\` escapes of `"`, `\`, `$` and `` ` ``, a backslash outside quotes escapes
 * the next character, no variable expansion. The split stops silently at an unquoted `;`, `&`, `|`, `<` or `>`, and
 * an unquoted `(` or `)` is an error, exactly as in Compose, so `sh -c` is what users need for shell syntax.
 */
import { fail, ok, type Parsed } from './result.js';

/** A command line's words, and the text after an unquoted `;`, `&`, `|`, `<` or `>`, which Compose drops. */
export interface CommandWords {
  words: string[];
  /** From the operator to the end, when the split stopped at one. */
  dropped?: string;
}

/** Splits a command line into words. */
export function splitCommand(line: string): Parsed<string[]> {
  const split = splitCommandLine(line);
  return split.ok ? ok(split.value.words) : split;
}

/** Splits a command line into words, saying what Compose's split leaves out. */
export function splitCommandLine(line: string): Parsed<CommandWords> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (';&|<>'.includes(c)) {
      if (inWord) words.push(word);
      return ok({ words, dropped: line.slice(i).trim() });
    }
    if (c === '(' || c === ')') return fail(`invalid command line string: unquoted "${c}" (wrap the command in sh -c '...')`);
    word += c;
    inWord = true;
  }
  if (quote) return fail(`invalid command line string: unterminated ${quote === '"' ? 'double' : 'single'} quote`);
  if (inWord) words.push(word);
  return ok({ words });
}
