// A unified diff of two texts (`xlcfg check --diff`), as `diff -u` writes it: `--- a/FILE`, `+++ b/FILE`,
// hunks with 3 lines of context, `\ No newline at end of file` where a side ends without one. Lines
// are compared whole (a CR stays part of its line). The edit script is a longest common subsequence
// (guest configs are small; above a size the middle is replaced whole, which is still a valid diff).

const CONTEXT = 3;
const LCS_LIMIT = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l, i, all) => (i < all.length - 1 ? l + '\n' : l));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

function editScript(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const mid: Op[] = [];
  if (x.length * y.length > LCS_LIMIT) {
    for (const line of x) mid.push({ kind: '-', line });
    for (const line of y) mid.push({ kind: '+', line });
  } else {
    const n = x.length, m = y.length;
    const t = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) { mid.push({ kind: ' ', line: x[i]! }); i++; j++; }
      else if (j < m && (i === n || t[i]![j + 1]! >= t[i + 1]![j]!)) mid.push({ kind: '+', line: y[j++]! });
      else mid.push({ kind: '-', line: x[i++]! });
    }
  }
  return [...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })), ...mid, ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line }))];
}

/** The unified diff from `before` to `after` of `file`; '' when they are equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  // Group changes whose context overlaps into hunks.
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - last[1] <= 2 * CONTEXT) last[1] = i;
    else hunks.push([i, i]);
  }
  let out = `--- a/${file}\n+++ b/${file}\n`;
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - CONTEXT), to = Math.min(ops.length - 1, last + CONTEXT);
    let oldStart = 1, newStart = 1;
    for (let k = 0; k < from; k++) { if (ops[k]!.kind !== '+') oldStart++; if (ops[k]!.kind !== '-') newStart++; }
    const body = ops.slice(from, to + 1);
    const oldLen = body.filter((o) => o.kind !== '+').length, newLen = body.filter((o) => o.kind !== '-').length;
    const range = (start: number, len: number) => (len === 1 ? `${start}` : `${len === 0 ? start - 1 : start},${len}`);
    out += `@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@\n`;
    for (const o of body) out += o.kind + (o.line.endsWith('\n') ? o.line : `${o.line}\n\\ No newline at end of file\n`);
  }
  return out;
}
