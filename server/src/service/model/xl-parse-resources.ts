// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data: ioports=, irqs= and iomem= (raw
// hardware resources handed to the guest).
import { listItem } from './accessors';
import type { Json } from './libxl-json';
import type { ParseState } from './parse-state';
import { isCSpace, strtoul, toUint32, toUint64 } from './strtol';

const UINT32_MAX = 0xffffffffn;
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
    if (first.value >= UINT32_MAX) st.failItem('ioports', at, `xl: ioport ${hex(first.value)} too big`, 1, 'xl-invalid-ioport');
    const start = first.value;
    let end = start;
    if (buf[first.end] === '-') {
      const rest = buf.slice(first.end + 1);
      const second = strtoul(rest, 16);
      if (second.end === 0 || second.end !== rest.length) {
        st.failItem('ioports', at, `xl: Invalid argument parsing ioport: ${buf}`, 1, 'xl-invalid-ioport');
      }
      if (second.value >= UINT32_MAX) st.failItem('ioports', at, `xl: ioport ${hex(second.value)} too big`, 1, 'xl-invalid-ioport');
      end = second.value;
    } else if (first.end !== buf.length) {
      st.report.line(`xl: Invalid argument parsing ioport: ${buf}`, { ...st.at('ioports', 'xl-invalid-ioport'), span: { start: at!.start, end: at!.end }, severity: 'warning' });
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
    if (r.end === 0 || r.end !== buf.length) st.failItem('irqs', at, `xl: Invalid argument parsing irq: ${buf}`, 1, 'xl-invalid-irq');
    if (r.value >= UINT32_MAX) st.failItem('irqs', at, `xl: irq ${hex(r.value)} too big`, 1, 'xl-invalid-irq');
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
    const bad = (): never => st.failItem('iomem', at, `xl: Invalid argument parsing iomem: ${buf}`, 1, 'xl-invalid-iomem');
    const start = scanHex(buf, 0);
    if (!start || buf[start.end] !== ',') return bad();
    const number = scanHex(buf, start.end + 1);
    if (!number) return bad();
    let used = number.end;
    let gfn: bigint | null = null;
    if (buf[used] === '@') {
      const g = scanHex(buf, used + 1);
      if (g) {
        gfn = g.value;
        used = g.end;
      }
    }
    if (used !== buf.length) bad();
    const r: Json = {};
    if (start.value) r.start = toUint64(start.value);
    if (number.value) r.number = toUint64(number.value);
    if (gfn !== null && gfn !== (1n << 64n) - 1n) r.gfn = toUint64(gfn);
    out.push(r);
  }
  if (out.length) st.b.iomem = out;
}
