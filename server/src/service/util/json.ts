// JSON.stringify without recursion: values parsed from a config can nest thousands of lists deep,
// deeper than the engine's own stringify can go.

type Frame = { kind: 'array'; items: unknown[]; i: number } | { kind: 'object'; entries: [string, unknown][]; i: number };

/** Serialises like JSON.stringify(value, null, indent) for plain data (no toJSON, no cycles). */
export function stringifyDeep(value: unknown, indent = 1): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  // Indentation stops growing past 32 levels so deep nesting stays linear in size.
  const pad = (depth: number) => (indent ? '\n' + ' '.repeat(indent * Math.min(depth, 32)) : '');
  const colon = indent ? ': ' : ':';
  const open = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) { out.push('[]'); return; }
      out.push('['); stack.push({ kind: 'array', items: v, i: 0 });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
      if (entries.length === 0) { out.push('{}'); return; }
      out.push('{'); stack.push({ kind: 'object', entries, i: 0 });
    } else {
      out.push(v === undefined ? 'null' : JSON.stringify(v));
    }
  };
  open(value);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const n = top.kind === 'array' ? top.items.length : top.entries.length;
    if (top.i === n) {
      stack.pop();
      out.push(pad(stack.length) + (top.kind === 'array' ? ']' : '}'));
      continue;
    }
    if (top.i > 0) out.push(',');
    out.push(pad(stack.length));
    if (top.kind === 'array') open(top.items[top.i++]);
    else { const [k, v] = top.entries[top.i++]!; out.push(JSON.stringify(k) + colon); open(v); }
  }
  return out.join('');
}
