// Plain-language explanations of libxlutil's parse errors, and which quick fix (if any) applies.
// xl's own message says *what* failed; this says *why* and what to write instead. It reads the
// parser's data (the error's kind, tokens and escape rule) and the user's bytes, never xl's message.
import type { ParseError } from './parse-error';
import { latin1 } from '../text/bytes';
import type { RelatedSpan } from '../finding';
import type { ByteEdit, Diagnosis } from './recovery';

/** The repair a quick fix can make for a parse error (read back from Finding.data.fix). */
export type ParseFix =
  | 'bom' | 'crlf' | 'lowercase-key' | 'quote-value' | 'python-bool' | 'quote-number' | 'final-newline'
  // Fixes whose edits the finding carries (data.edits), from syntax/recovery.ts's diagnosis:
  | 'close-list' | 'close-string' | 'insert-equals' | 'insert-comma' | 'comment-out';

export interface Explanation {
  text: string; fix?: ParseFix; start?: number; end?: number;
  edits?: readonly ByteEdit[];
  related?: readonly RelatedSpan[];
}

/** What really happened, when the tokens around the error tell (syntax/recovery.ts), in words. */
export function explainCause(d: Diagnosis): Explanation {
  const c = d.cause;
  switch (c.kind) {
    case 'unclosed-list': {
      const line = c.openLines[0]!;
      return {
        text: `The list opened with \`[\` on line ${line} is not closed, so xl reads on ${c.atEnd ? 'to the end of the file' : 'into the next setting'} and reports the error there. Close the list with \`]\`.`,
        fix: 'close-list', edits: d.edits,
        related: c.opens.map((o, i) => ({ start: o, end: o + 1, message: `this \`[\` (line ${c.openLines[i]}) is never closed` })),
      };
    }
    case 'missing-comma': return { text: 'Two list items follow each other without a comma between them.', fix: 'insert-comma', edits: d.edits };
    case 'missing-equals': return { text: `\`${c.key}\` must be followed by \`=\` (or \`+=\`) and its value on the same line.`, fix: 'insert-equals', edits: d.edits };
    case 'lone-word': return { text: `The line holds only the word \`${c.word}\`: a setting is \`key = value\` (comments start with \`#\`).`, fix: 'comment-out', edits: d.edits };
    case 'unclosed-string': return { text: `This string has no closing ${c.quote} on its line (strings cannot span lines): close it where the value ends.`, fix: 'close-string', edits: d.edits };
    case 'bare-word': return { text: 'Values must be quoted strings, numbers or lists: write the word in quotes.', fix: 'quote-value', start: c.start, end: c.end };
  }
}

const BOM = [0xef, 0xbb, 0xbf];

export function explainParseError(e: ParseError, src: Uint8Array, atKey: boolean): Explanation {
  const first = src[e.start];
  const word = latin1(src.subarray(e.start, e.end));
  switch (e.kind) {
    case 'escape':
      if (e.escape === 'hex') return { text: 'libxlutil never decodes `\\x` escapes (a long-standing bug): write the character itself.' };
      if (e.escape === 'octal') return { text: 'A backslash followed by a digit is not an octal escape in libxlutil: it needs two more digits and then drops them all. Write the character itself.' };
      if (e.escape === 'bad') return { text: 'Only \\" \\\' \\\\ \\a \\b \\f \\n \\r \\t \\v are valid escapes in a quoted string.' };
      return { text: 'This escape sequence is not valid.' };
    case 'concat': return { text: '`+=` can join a list to a list or a string to a string, not one to the other.' };
    case 'exhausted': return { text: 'Lists nested this deep overflow the parser\'s stack: xl accepts at most 4,996 levels.' };
    case 'abort': return { text: 'A NUL byte inside a quoted string makes libxlutil fail an assertion: xl aborts.' };
    case 'syntax': return explainSyntax(e);
    default: break;
  }
  // Lexical errors.
  if (e.start === 0 && BOM.every((b, i) => src[i] === b)) {
    return { text: 'The file starts with a UTF-8 byte-order mark (BOM), which libxlutil reads as an illegal character. Save it as UTF-8 without BOM.', fix: 'bom' };
  }
  if (first === 0x0d) return { text: 'The file has Windows (CRLF) line endings; libxlutil accepts only LF, and reports every CR.', fix: 'crlf' };
  if (first === 0x23) return { text: 'A comment on the last line needs a newline after it.', fix: 'final-newline' };
  if (first === 0x22 || first === 0x27) return { text: 'This string has no closing quote on its line (strings cannot span lines).' };
  if (first === 0x2d && /^-[0-9]/.test(word)) return { text: 'Negative numbers must be quoted, e.g. `"-1"`.', fix: 'quote-number' };
  if (first === 0x2e && e.start > 0 && src[e.start - 1]! >= 0x30 && src[e.start - 1]! <= 0x39) {
    return { text: 'xl.cfg has no fractional numbers: use a whole number in the key\'s unit.', fix: 'quote-number' };
  }
  if (first === 0x28 || first === 0x29) return { text: 'Python tuples are not supported: use a list `[ ... ]`.' };
  if (first === 0x2b) return { text: 'There is no arithmetic in xl.cfg; `+=` (Xen 4.13+) appends to a setting.' };
  if (first !== undefined && first >= 0x41 && first <= 0x5a) {
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(word);
    const token = m ? m[0] : word;
    if (atKey) return { text: 'Keys are lower case only.', fix: 'lowercase-key', start: e.start, end: e.start + token.length };
    if (token === 'True' || token === 'False') return { text: 'xl.cfg has no Python booleans: use 1 or 0.', fix: 'python-bool', start: e.start, end: e.start + token.length };
    return { text: 'Values must be quoted strings, numbers or lists.', fix: 'quote-value', start: e.start, end: e.start + token.length };
  }
  if (first !== undefined && first >= 0x80) return { text: 'Non-ASCII characters are only allowed inside quoted strings.' };
  if (first === 0x3a) return { text: 'A colon is not allowed outside a quoted string.' };
  return { text: 'libxlutil does not accept this character outside a quoted string.' };
}

function explainSyntax(e: ParseError): Explanation {
  const unexpected = e.unexpected;
  const expecting = e.expecting ?? [];
  const first = expecting[0];
  if (unexpected === 'IDENT' && first === 'STRING') return { text: 'Values must be quoted: write the word in quotes.', fix: 'quote-value' };
  if ((unexpected === 'NEWLINE' || unexpected === '$end') && first === 'STRING') return { text: 'The value is missing after `=` (it must be on the same line).' };
  if ((first === '+=' && expecting[1] === "'='") || first === "'='") return { text: 'A key must be followed by `=` (or `+=`) and its value on the same line.' };
  if (unexpected === '$end' && first === "']'") return { text: 'The list is not closed with `]`.' };
  if (first === "']'") return { text: 'List items must be separated by commas; an empty item or `,,` is not allowed.' };
  if (first === '$end') return { text: 'One setting per line: separate settings on the same line with `;`.' };
  if (unexpected === "'['") return { text: 'A list must be the value of a key.' };
  return { text: 'xl cannot parse the file from here on.' };
}
