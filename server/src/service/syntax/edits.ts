// Small text surgery for quick fixes, on byte offsets of the analysed source: removing a whole
// statement (its line when it stands alone), replacing a value, inserting a line.
import type { Setting } from './settings';
import { latin1 } from '../text/bytes';

/** The source the edits apply to. */
export interface EditSource {
  readonly bytes: Uint8Array;
}

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

const NL = 0x0a;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;

/** Removes `key = value` (and a trailing comment on its line); the whole line when nothing else is on it. */
export function removeStatement(a: EditSource, s: Setting): Edit {
  const src = a.bytes;
  let lineStart = s.keyStart;
  while (lineStart > 0 && src[lineStart - 1] !== NL) lineStart--;
  let lineEnd = s.end;
  while (lineEnd < src.length && src[lineEnd] !== NL) lineEnd++;
  const before = src.subarray(lineStart, s.keyStart);
  let after = s.end;
  while (after < lineEnd && (isBlank(src[after]) || src[after] === 0x3b)) after++;
  const restIsComment = after === lineEnd || src[after] === 0x23;
  if (before.every((c) => isBlank(c)) && restIsComment) {
    return { start: lineStart, end: Math.min(src.length, lineEnd + 1), newText: '' };
  }
  // Shares the line with other statements: remove it and the `;` that follows.
  let end = s.end;
  while (end < lineEnd && isBlank(src[end])) end++;
  if (src[end] === 0x3b) end++;
  return { start: s.keyStart, end, newText: '' };
}

/** Replaces the whole statement by another one (e.g. `builder="hvm"` by `type = "hvm"`). */
export function replaceStatement(s: Setting, text: string): Edit {
  return { start: s.keyStart, end: s.end, newText: text };
}

/** Replaces the value as written on the line. */
export function replaceValue(s: Setting, text: string): Edit {
  return { start: s.written.start, end: s.written.end, newText: text };
}

/** Inserts a line after the statement's line. */
export function insertLineAfter(a: EditSource, s: Setting, line: string): Edit {
  let at = s.end;
  while (at < a.bytes.length && a.bytes[at] !== NL) at++;
  if (at >= a.bytes.length) return { start: a.bytes.length, end: a.bytes.length, newText: `\n${line}\n` };
  return { start: at + 1, end: at + 1, newText: `${line}\n` };
}

/** A quoted xl.cfg string for text (escapes the few characters libxlutil decodes). */
export function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function textOf(a: EditSource, start: number, end: number): string {
  return latin1(a.bytes.subarray(start, end));
}
