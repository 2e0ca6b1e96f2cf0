// How xl cuts a spec string into items: strtok(3) (runs of delimiters separate tokens, empty items
// vanish), then the per-item blank skipping its loops do. Offsets stay relative to the spec.

export interface SpecPiece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** strtok over `delims`, then skips leading spaces (only ' ', as xl's `while (*p == ' ')` loops). */
export function strtokItems(spec: string, delims = ',', skipSpaces = true): SpecPiece[] {
  const out: SpecPiece[] = [];
  let i = 0;
  while (i < spec.length) {
    while (i < spec.length && delims.includes(spec[i]!)) i++;
    if (i >= spec.length) break;
    let j = i;
    while (j < spec.length && !delims.includes(spec[j]!)) j++;
    let k = i;
    while (skipSpaces && k < j && spec[k] === ' ') k++;
    out.push({ text: spec.slice(k, j), start: k, end: j });
    i = j;
  }
  return out;
}

/** The part after the first `=` of an item (`key=value`), with its offsets. */
export function valueAfterEquals(item: SpecPiece): SpecPiece {
  const eq = item.text.indexOf('=') + 1;
  return { text: item.text.slice(eq), start: item.start + eq, end: item.end };
}

export function issueAt(piece: SpecPiece, severity: 'error' | 'warning', message: string, code: string) {
  return { severity, message, start: piece.start, end: piece.end, code };
}

const isSpace = (c: string) => c === ' ' || (c >= '\t' && c <= '\r');

export function trimPiece(p: SpecPiece): SpecPiece {
  let s = 0;
  let e = p.text.length;
  while (s < e && isSpace(p.text[s]!)) s++;
  while (e > s && isSpace(p.text[e - 1]!)) e--;
  return { text: p.text.slice(s, e), start: p.start + s, end: p.start + e };
}

/**
 * split_string_into_pair as Xen 4.18+ has it: cut at the first `=`, the rest must not be empty;
 * both halves trimmed of blanks (so `name=a=b` names `a=b`, and `=x` has an empty key).
 */
export function splitPairAtFirst(item: SpecPiece): [SpecPiece, SpecPiece] | null {
  const eq = item.text.indexOf('=');
  if (eq < 0 || eq === item.text.length - 1) return null;
  return [
    trimPiece({ text: item.text.slice(0, eq), start: item.start, end: item.start + eq }),
    trimPiece({ text: item.text.slice(eq + 1), start: item.start + eq + 1, end: item.end }),
  ];
}

