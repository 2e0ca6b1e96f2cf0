// Mirrors tools/xl/xl_parse.c (Xen 4.17): parse_range, update_cpumap_range and parse_cpurange,
// which turn "0-3,^2,node:0,all" into a libxl CPU bitmap sized for the host.
import { strtoul } from './strtol';

const ULONG_MAX = (1n << 64n) - 1n;
/** Beyond any vcpu count Xen supports; keeps absurd values cheap. */
export const MAX_BITS = 1 << 16;

/** A libxl_bitmap of `size` bytes; JSON prints the indices of its set bits. */
export class Bitmap {
  private readonly bits: boolean[];
  constructor(readonly nBits: number) {
    // Sized in whole bytes like libxl; capped so absurd vcpu counts cannot exhaust memory (xl itself
    // would spend minutes printing such a map).
    this.bits = new Array<boolean>(Math.min(Math.ceil(Math.max(nBits, 0) / 8) * 8, MAX_BITS)).fill(false);
  }
  get capacity(): number {
    return this.bits.length;
  }
  set(i: number | bigint): void {
    const n = Number(i);
    if (n >= 0 && n < this.bits.length) this.bits[n] = true;
  }
  reset(i: number | bigint): void {
    const n = Number(i);
    if (n >= 0 && n < this.bits.length) this.bits[n] = false;
  }
  setAny(): void {
    this.bits.fill(true);
  }
  isEmpty(): boolean {
    return !this.bits.includes(true);
  }
  toJson(): number[] {
    const out: number[] = [];
    this.bits.forEach((b, i) => { if (b) out.push(i); });
    return out;
  }
  copy(): Bitmap {
    const m = new Bitmap(this.nBits);
    this.bits.forEach((b, i) => { if (b) m.set(i); });
    return m;
  }
}

/** parse_range: "N" or "N-M" in decimal; rc 1 on junk, ULONG_MAX, or M < N. a/b as C leaves them. */
export function parseRange(str: string): { rc: number; a: bigint; b: bigint } {
  const first = strtoul(str, 10);
  let a = first.value;
  let b = a;
  if (first.end === 0 || a === ULONG_MAX) return { rc: 1, a, b };
  let end = first.end;
  if (str[end] === '-') {
    const rest = str.slice(end + 1);
    const second = strtoul(rest, 10);
    b = second.value;
    if (second.end === 0 || b === ULONG_MAX || b < a) return { rc: 1, a, b };
    end = end + 1 + second.end;
  }
  if (end !== str.length) return { rc: 1, a, b };
  return { rc: 0, a, b };
}

export interface CpuTopology {
  /** Host CPUs (the size a CPU bitmap is allocated with). */
  readonly nrCpus: number;
  /** CPUs of a NUMA node. */
  cpusOfNode(node: bigint): number[];
}

/** update_cpumap_range; returns xl's message on failure. */
function updateRange(spec: string, map: Bitmap, topo: CpuTopology): string | null {
  let str = spec;
  let isNot = false;
  let isNodes = false;
  if (str.startsWith('^')) { isNot = true; str = str.slice(1); }
  if (str.startsWith('node:')) { isNodes = true; str = str.slice(5); }
  else if (str.startsWith('nodes:')) { isNodes = true; str = str.slice(6); }
  if (str === 'all') {
    if (isNot) return 'Can\'t combine "^" and "all".';
    map.setAny();
    return null;
  }
  const r = parseRange(str);
  if (r.rc) return `Invalid pcpu range: ${str}.`;
  // Bits past the map (and nodes past the host) change nothing, so stop there.
  const limit = BigInt(map.capacity + 64);
  const last = r.b < limit ? r.b : limit;
  for (let i = r.a; i <= last; i++) {
    const cpus = isNodes ? topo.cpusOfNode(i) : [Number(i)];
    for (const c of cpus) (isNot ? map.reset(c) : map.set(c));
  }
  return null;
}

/** parse_cpurange: comma-separated ranges (strtok: empty pieces skipped). */
export function parseCpuRange(cpu: string, map: Bitmap, topo: CpuTopology): string | null {
  return cpuRangeError(cpu, map, topo)?.message ?? null;
}

/** parse_cpurange, with where the piece xl refuses is in `cpu`. */
export function cpuRangeError(cpu: string, map: Bitmap, topo: CpuTopology): { message: string; start: number; end: number } | null {
  let at = 0;
  for (const piece of cpu.split(',')) {
    const start = at;
    at += piece.length + 1;
    if (piece === '') continue;
    const err = updateRange(piece, map, topo);
    if (err) return { message: err, start, end: start + piece.length };
  }
  return null;
}
