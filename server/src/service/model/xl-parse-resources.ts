// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data: ioports=, irqs= and iomem= (raw
// hardware resources handed to the guest).
import { listItem, spanOf } from './accessors';
import type { Value } from '../syntax/settings';
import { issueSpan } from './xl-parse-spec-glue';
import type { Json } from './libxl-json';
import type { ParseState } from './parse-state';
import { isCSpace, strtoul, toUint32, toUint64 } from './strtol';

const UINT32_MAX = 0xffffffffn;

/** xl's complaint on the part [s, e) of the item's string (the whole item when it is not verbatim). */
function failPart(st: ParseState, key: string, at: Value | undefined, text: string, code: string, s: number, e: number): never {
  const d = st.at(key, code);
  return st.report.fail(text, at ? { ...d, span: e > s ? issueSpan(at, s, e) : spanOf(at) } : d, 1);
}
const hex = (v: bigint): string => v.toString(16);

export function parseResources(st: ParseState): void {
  parseIoports(st);
  parseIrqs(st);
  parseIomem(st);
}

function parseIoports(st: ParseState): void {
  const list = st.cfg.getList('ioports');
  if (!list.ok) return;
  const out: Json[] = [];
  for (let i = 0; i < list.value.items.length; i++) {
    const buf = listItem(list.value, i);
    const at = list.value.items[i];
    if (buf === null) st.failItem('ioports', at, `xl: Unable to get element #${i} in ioport list`, 1, 'xl-invalid-ioport');
    const first = strtoul(buf, 16);
    if (first.end === 0) st.failItem('ioports', at, `xl: Invalid argument parsing ioport: ${buf}`, 1, 'xl-invalid-ioport');
    if (first.value >= UINT32_MAX) failPart(st, 'ioports', at, `xl: ioport ${hex(first.value)} too big`, 'xl-invalid-ioport', 0, first.end);
    const start = first.value;
    let end = start;
    if (buf[first.end] === '-') {
      const rest = buf.slice(first.end + 1);
      const second = strtoul(rest, 16);
      if (second.end === 0 || second.end !== rest.length) {
        failPart(st, 'ioports', at, `xl: Invalid argument parsing ioport: ${buf}`, 'xl-invalid-ioport', rest.length ? first.end + 1 : first.end, buf.length);
      }
      if (second.value >= UINT32_MAX) failPart(st, 'ioports', at, `xl: ioport ${hex(second.value)} too big`, 'xl-invalid-ioport', first.end + 1, first.end + 1 + second.end);
      end = second.value;
    } else if (first.end !== buf.length) {
      st.report.line(`xl: Invalid argument parsing ioport: ${buf}`, { ...st.at('ioports', 'xl-invalid-ioport'), span: issueSpan(at!, first.end, buf.length), severity: 'warning' });
    }
    const r: Json = {};
    const f = toUint32(start);
    const n = toUint32(end - start + 1n);
    if (f) r.first = f;
    if (n) r.number = n;
    out.push(r);
  }
  if (out.length) st.b.ioports = out;
}

function parseIrqs(st: ParseState): void {
  const list = st.cfg.getList('irqs');
  if (!list.ok) return;
  const out: number[] = [];
  for (let i = 0; i < list.value.items.length; i++) {
    const buf = listItem(list.value, i);
    const at = list.value.items[i];
    if (buf === null) st.failItem('irqs', at, `xl: Unable to get element ${i} in irq list`, 1, 'xl-invalid-irq');
    const r = strtoul(buf, 10);
    if (r.end === 0 || r.end !== buf.length) failPart(st, 'irqs', at, `xl: Invalid argument parsing irq: ${buf}`, 'xl-invalid-irq', r.end, buf.length);
    if (r.value >= UINT32_MAX) failPart(st, 'irqs', at, `xl: irq ${hex(r.value)} too big`, 'xl-invalid-irq', 0, r.end);
    out.push(Number(r.value));
  }
  if (out.length) st.b.irqs = out;
}

/** sscanf's %lx at `pos`: skips blanks, then strtoul base 16; null when nothing matched. */
function scanHex(s: string, pos: number): { value: bigint; end: number } | null {
  let p = pos;
  while (isCSpace(s[p])) p++;
  const r = strtoul(s.slice(p), 16);
  if (r.end === 0) return null;
  return { value: r.value, end: p + r.end };
}

function parseIomem(st: ParseState): void {
  const list = st.cfg.getList('iomem');
  if (!list.ok) return;
  const out: Json[] = [];
  for (let i = 0; i < list.value.items.length; i++) {
    const buf = listItem(list.value, i);
    const at = list.value.items[i];
    if (buf === null) st.failItem('iomem', at, `xl: Unable to get element ${i} in iomem list`, 1, 'xl-invalid-iomem');
    // On the part xl could not read: the start, what follows it, the count, or the junk at the end.
    const bad = (s = 0, e = buf.length): never => failPart(st, 'iomem', at, `xl: Invalid argument parsing iomem: ${buf}`, 'xl-invalid-iomem', s, e);
    const start = scanHex(buf, 0);
    if (!start) return bad();
    if (buf[start.end] !== ',') return bad(start.end < buf.length ? start.end : 0);
    const number = scanHex(buf, start.end + 1);
    if (!number) return bad(start.end + 1 < buf.length ? start.end + 1 : start.end);
    let used = number.end;
    let gfn: bigint | null = null;
    if (buf[used] === '@') {
      const g = scanHex(buf, used + 1);
      if (g) {
        gfn = g.value;
        used = g.end;
      }
    }
    if (used !== buf.length) bad(used);
    const r: Json = {};
    if (start.value) r.start = toUint64(start.value);
    if (number.value) r.number = toUint64(number.value);
    if (gfn !== null && gfn !== (1n << 64n) - 1n) r.gfn = toUint64(gfn);
    out.push(r);
  }
  if (out.length) st.b.iomem = out;
}
