// Quick fixes for libxlutil's parse errors, from the `fix` the parse finding carries
// (syntax/parse-explain.ts): quote a bare word, lower-case a key, Python booleans, numbers xl.cfg
// cannot write, the missing final newline, CRLF line endings and the BOM; and, with the edits the
// finding carries (syntax/recovery.ts), close a list or a string, insert a missing `=` or comma,
// comment out a line that holds a lone word.
import type { Analysis } from '../analyze';
import type { CheckFinding } from '../checks';
import { lookupKey } from '../catalogue';
import { EDITOR_COMMANDS as COMMANDS } from './editor-commands';
import { quoted, textOf, type Edit } from '../syntax/edits';
import type { Action } from './code-actions';

const isWordEnd = (c: number | undefined) =>
  c === undefined || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3b || c === 0x2c || c === 0x5d || c === 0x23;

/** The bare run of characters from `start` up to a blank, `;`, `,`, `]`, `#` or the line's end. */
function bareRun(a: Analysis, start: number): { start: number; end: number } {
  let end = start;
  while (end < a.bytes.length && !isWordEnd(a.bytes[end]) && a.bytes[end] !== 0x22 && a.bytes[end] !== 0x27) end++;
  return { start, end };
}

/** The key of the statement whose value starts at `valueStart` (`key = value`), if any. */
function keyBefore(a: Analysis, valueStart: number): string | undefined {
  let i = valueStart - 1;
  while (i >= 0 && (a.bytes[i] === 0x20 || a.bytes[i] === 0x09)) i--;
  if (a.bytes[i] !== 0x3d) return undefined;
  i--;
  if (a.bytes[i] === 0x2b) i--;
  while (i >= 0 && (a.bytes[i] === 0x20 || a.bytes[i] === 0x09)) i--;
  const end = i + 1;
  while (i >= 0 && /[A-Za-z0-9_.]/.test(String.fromCharCode(a.bytes[i]!))) i--;
  return end > i + 1 ? textOf(a, i + 1, end) : undefined;
}

/** A number libxlutil cannot lex (`-1`, `1.5`): the whole number as written. */
function numberRun(a: Analysis, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && a.bytes[start - 1]! >= 0x30 && a.bytes[start - 1]! <= 0x39) start--;
  return { start, end: bareRun(a, at).end };
}

/** What to write for a negative or fractional number, given the key it belongs to. */
export function numberFix(key: string | undefined, written: string): { title: string; newText: string } | null {
  const entry = key ? lookupKey(key) : undefined;
  if (!entry) return null;
  if (entry.kind === 'string' || entry.kind === 'string-or-list' || entry.kind === 'enum-or-path' || entry.kind === 'spec-string') {
    return { title: `Quote the value: ${quoted(written)}`, newText: quoted(written) };
  }
  const n = Number(written);
  if (entry.kind !== 'integer' || !Number.isFinite(n) || n < 0) return null; // negative integers are refused by xl too
  if (entry.unit === 'MiB' && n < 64 && !Number.isInteger(n)) {
    const mib = Math.round(n * 1024);
    return { title: `Write ${mib} (${written} GiB in MiB)`, newText: String(mib) };
  }
  const whole = Math.round(n);
  return { title: `Write the whole number ${whole}${entry.unit ? ` (${entry.unit})` : ''}`, newText: String(whole) };
}

export function parseFixes(a: Analysis, f: CheckFinding<'parse-error' | 'parse-error-later'>, uri?: string): Action[] {
  const fix = f.data.fix;
  const codes = [f.code];
  const one = (title: string, edits: Edit[], safe = true): Action[] =>
    [{ title, kind: 'quickfix', isPreferred: true, findingCodes: codes, edits, ...(safe ? { safe } : {}) }];
  switch (fix) {
    case 'quote-value': {
      const run = bareRun(a, f.start);
      const word = textOf(a, run.start, run.end);
      return one(`Quote the value: ${quoted(word)}`, [{ ...run, newText: quoted(word) }]);
    }
    case 'lowercase-key': {
      const word = textOf(a, f.start, f.end);
      return one(`Write the key in lower case: ${word.toLowerCase()}`, [{ start: f.start, end: f.end, newText: word.toLowerCase() }]);
    }
    case 'python-bool': {
      const word = textOf(a, f.start, f.end);
      const n = word === 'True' ? '1' : '0';
      return one(`Write ${n} instead of ${word}`, [{ start: f.start, end: f.end, newText: n }]);
    }
    case 'quote-number': {
      const run = numberRun(a, f.start);
      const written = textOf(a, run.start, run.end);
      const r = numberFix(keyBefore(a, run.start), written);
      return r ? one(r.title, [{ ...run, newText: r.newText }], false) : [];
    }
    case 'final-newline':
      return one('Add a newline at the end of the file', [{ start: a.bytes.length, end: a.bytes.length, newText: '\n' }]);
    case 'close-list': case 'close-string': case 'insert-equals': case 'insert-comma': case 'comment-out': {
      const edits = f.data.edits;
      if (!edits?.length) return [];
      const e0 = edits[0]!;
      const title = fix === 'close-list' ? `Close the list: insert \`${e0.newText.trim()}\``
        : fix === 'close-string' ? `Close the string: insert ${e0.newText}`
        : fix === 'insert-equals' ? 'Insert the missing `=`'
        : fix === 'insert-comma' ? 'Insert the missing comma'
        : 'Comment out the line';
      return one(title, edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })), false);
    }
    case 'crlf': return crlfFixes(a, codes, uri);
    case 'bom':
      return [{ title: 'Save the file as UTF-8 without BOM', kind: 'quickfix', isPreferred: true, findingCodes: codes, command: { command: COMMANDS.saveWithoutBom, arguments: uri ? [uri] : [] } }];
    default: return [];
  }
}

/** CRLF: VS Code normalises line endings in text edits, so it gets a command; other editors the edits. */
function crlfFixes(a: Analysis, codes: string[], uri?: string): Action[] {
  const edits: Edit[] = [];
  for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] === 0x0d && a.bytes[i + 1] === 0x0a) edits.push({ start: i, end: i + 1, newText: '' });
  return [
    { title: 'Convert line endings to LF', kind: 'quickfix', isPreferred: true, findingCodes: codes, command: { command: COMMANDS.convertToLf, arguments: uri ? [uri] : [] } },
    { title: 'Remove the carriage returns (CRLF to LF, as text edits)', kind: 'quickfix', findingCodes: codes, edits },
  ];
}
