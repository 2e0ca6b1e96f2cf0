// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data and parse_vnuma_config: memory, maxmem,
// vcpus, maxvcpus, vnuma, the cpus/cpus_soft affinity and the grant table limits.
import { listItem, spanOf } from './accessors';
import type { ByteSpan } from '../finding';
import { issueSpan } from './xl-parse-spec-glue';
import type { Value } from '../syntax/settings';
import { Bitmap, MAX_BITS, cpuRangeError, parseRange, type CpuTopology } from './cpumap';
import { defboolJson, MEMKB_DEFAULT, setInt, setMemkb, VUART_TYPE, enumFromString } from './libxl-json';
import type { Json } from './libxl-json';
import type { ParseState } from './parse-state';
import { strtoul, toInt32, toUint32 } from './strtol';
import { XlExit } from './xl-report';
import { splitPair, splitPairAtFirst, trimSpace } from './xl-strings';

export function topologyOf(st: ParseState): CpuTopology {
  return {
    nrCpus: st.host.nrCpus,
    cpusOfNode: (n) => (n < BigInt(st.host.nrNodes) ? Array.from({ length: st.host.nrCpus }, (_, i) => i) : []),
  };
}

/** memory, maxmem, vcpus, maxvcpus, vuart, vnuma, then xl's max_* fallbacks. */
export function parseMemoryAndVcpus(st: ParseState): void {
  const { cfg, b } = st;
  const mem = cfg.getLong('memory');
  if (mem.ok) st.targetMemkb = BigInt.asUintN(64, mem.value * 1024n);
  const maxmem = cfg.getLong('maxmem');
  if (maxmem.ok) st.maxMemkb = BigInt.asUintN(64, maxmem.value * 1024n);

  const vcpus = cfg.getLong('vcpus');
  if (vcpus.ok) {
    st.vcpus = Number(vcpus.value);
    const n = toInt32(vcpus.value);
    if (n < 0) {
      st.report.print(`libxl: error: libxl_utils.c:${st.release.cpuBitmapAllocLine}:libxl_cpu_bitmap_alloc: invalid number of cpus provided\n`);
      st.fail('vcpus', 'Unable to allocate cpumap', 1, 'xl-vcpus-invalid');
    }
    const map = new Bitmap(n === 0 ? st.host.nrCpus : n);
    for (let i = 0; i < vcpus.value && i < map.capacity; i++) map.set(i);
    if (!map.isEmpty()) b.avail_vcpus = map.toJson();
  }

  const maxv = cfg.getLong('maxvcpus');
  if (maxv.ok) st.maxVcpus = toInt32(maxv.value);

  const vuart = cfg.getString('vuart');
  if (vuart.ok) {
    const v = enumFromString(VUART_TYPE, vuart.value);
    if (v === null) st.fail('vuart', `ERROR: invalid value "${vuart.value}" for "vuart"`, 1, 'xl-invalid-value');
    if (v) (b.arch_arm as Json).vuart = VUART_TYPE[v as 1];
  }

  parseVnuma(st);

  if (st.maxMemkb === MEMKB_DEFAULT) st.maxMemkb = st.targetMemkb;
  if (st.maxVcpus === 0) st.maxVcpus = toInt32(BigInt(st.vcpus));
  if (st.maxVcpus < st.vcpus) st.fail('maxvcpus', 'xl: maxvcpus < vcpus', 1, 'xl-maxvcpus-below-vcpus', ['vcpus']);
}

/** xl: parse_ulong, which exits on a value it cannot read. */
function parseUlong(st: ParseState, str: string, at?: ByteSpan): bigint {
  const r = strtoul(str, 10);
  if (r.end === 0 || r.value === (1n << 64n) - 1n) {
    failItem(st, `xl: failed to convert "${str}" to number`, at);
  }
  return r.value;
}

/** A vnuma refusal on the nested item that caused it (else on the whole vnuma value). */
function failItem(st: ParseState, text: string, at?: ByteSpan): never {
  const d = st.at('vnuma', 'xl-vnuma-invalid');
  return st.report.fail(text, at ? { ...d, span: { start: at.start, end: at.end } } : d, 1);
}

/** parse_vnuma_config. */
function parseVnuma(st: ParseState): void {
  const list = st.cfg.getList('vnuma', true);
  if (!list.ok || list.value.items.length === 0) return;
  const nodes = list.value.items;
  const n = nodes.length;
  const bitsPerNode = st.maxVcpus === 0 ? st.host.nrCpus : st.maxVcpus;
  const parsed = nodes.map(() => new Bitmap(bitsPerNode));
  const out: Json[] = nodes.map(() => ({ distances: new Array<number>(n).fill(0) }));
  let maxVcpus = 0n;
  let maxMemkb = 0n;
  for (let i = 0; i < n; i++) {
    const node = st.cfg.valueGetList(nodes[i]!);
    if (!node) failItem(st, 'xl: cannot get vnode config option list', nodes[i]);
    const p = out[i]!;
    for (const opt of node.items) {
      if (opt.type !== 'string') continue;
      const buf = opt.value;
      const pair = st.release.pairAtFirstDelimiter ? splitPairAtFirst(buf, '=') : splitPair(buf, '=');
      if (!pair) failItem(st, `xl: failed to split "${buf}" into pair`, opt);
      const option = trimSpace(pair[0]);
      const value = trimSpace(pair[1]);
      // Where the value (or a word of it) is in the string, for the messages' ranges.
      const valueAt = value === '' ? -1 : buf.indexOf(value, buf.indexOf('=') + 1);
      const within = (from: number, len: number): ByteSpan =>
        valueAt < 0 || from < 0 ? spanOf(opt) : issueSpan(opt, valueAt + from, valueAt + from + len);
      if (option === 'pnode') {
        const val = parseUlong(st, value, within(0, value.length));
        if (val >= BigInt(st.host.nrNodes)) failItem(st, `xl: invalid pnode number: ${val}`, within(0, value.length));
        setInt(p, 'pnode', toUint32(val));
        st.b.numa_placement = defboolJson(false);
      } else if (option === 'size') {
        const val = parseUlong(st, value, within(0, value.length));
        const kb = BigInt.asUintN(64, val << 10n);
        setMemkb(p, 'memkb', kb);
        maxMemkb = BigInt.asUintN(64, maxMemkb + kb);
      } else if (option === 'vcpus') {
        for (const spec of st.splitWords('vnuma', value, ',', opt)) {
          const r = parseRange(spec);
          const last = r.b - r.a > 100000n ? r.a + 100000n : r.b;
          for (let s = r.a; s <= last; s++) {
            parsed[i]!.set(s);
            maxVcpus++;
          }
        }
      } else if (option === 'vdistances') {
        const d = p.distances as number[];
        let from = 0;
        st.splitWords('vnuma', value, ',', opt).forEach((v, j) => {
          const w = value.indexOf(v, from);
          from = w < 0 ? from : w + v.length;
          const val = parseUlong(st, v, within(w, v.length));
          if (j < n) d[j] = toUint32(val);
        });
      }
    }
  }
  if (st.maxVcpus !== 0) {
    if (BigInt(st.maxVcpus) !== maxVcpus) st.fail('vnuma', 'xl: vnuma vcpus and maxvcpus= mismatch', 1, 'xl-vnuma-vcpus-mismatch', ['maxvcpus']);
  } else {
    if (BigInt(st.host.nrCpus) < maxVcpus) {
      st.fail('vnuma', 'xl: vnuma specifies more vcpus than pcpus, use maxvcpus= to override this check.', 1, 'xl-vnuma-too-many-vcpus');
    }
    st.maxVcpus = toInt32(maxVcpus);
  }
  if (st.maxMemkb !== MEMKB_DEFAULT && st.maxMemkb !== maxMemkb) {
    st.fail('maxmem', 'xl: maxmem and vnuma memory size mismatch', 1, 'xl-vnuma-memory-mismatch', ['vnuma']);
  }
  st.maxMemkb = maxMemkb;
  out.forEach((p, i) => {
    if (!parsed[i]!.isEmpty()) p.vcpus = parsed[i]!.toJson();
  });
  st.b.vnuma_nodes = out;
}

/** cpus= / cpus_soft= (a list of per-vcpu ranges, or one range for every vcpu). */
export function parseAffinity(st: ParseState, key: 'cpus' | 'cpus_soft'): void {
  const hard = key === 'cpus';
  const list = st.cfg.getList(key, true);
  let str: string | null = null;
  if (!list.ok) {
    const s = st.cfg.getString(key);
    if (!s.ok) return;
    str = s.value;
  }
  const topo = topologyOf(st);
  const field = hard ? 'vcpu_hard_affinity' : 'vcpu_soft_affinity';
  let num = list.ok ? list.value.items.length : 0;
  if (str !== null || num > st.maxVcpus) num = st.maxVcpus;
  if (num > MAX_BITS) {
    // xl would try to build one map per vcpu; the model stops at a count no Xen host supports.
    st.report.note(`affinity maps are modelled for at most ${MAX_BITS} vcpus`, { ...st.at(key, 'model-limit'), severity: 'information' });
    num = MAX_BITS;
  }
  const maps: Bitmap[] = [];
  if (str === null && list.ok) {
    for (let j = 0; j < num; j++) {
      const item = listItem(list.value, j);
      if (item === null) break;
      const m = new Bitmap(st.host.nrCpus);
      const err = cpuRangeError(item, m, topo);
      if (err) failOnPiece(st, key, list.value.items[j]!, err);
      maps.push(m);
    }
    // A nested item stops the walk; xl leaves the remaining maps as uninitialised memory, which
    // usually crashes it after parsing (a hard map may instead read as empty and be refused).
    if (maps.length < num) st.pendingCrash = { name: key, item: list.value.items[maps.length] };
    while (maps.length < num) maps.push(new Bitmap(st.host.nrCpus));
    st.b.numa_placement = defboolJson(false);
  } else if (str !== null) {
    const m = new Bitmap(st.host.nrCpus);
    const err = cpuRangeError(str, m, topo);
    const written = st.cfg.find(key)?.written;
    if (err && written) failOnPiece(st, key, written, err);
    if (err) st.fail(key, err.message, 1, 'xl-invalid-cpu-range');
    for (let i = 0; i < Math.max(num, 0); i++) maps.push(m.copy());
    if (!hard) st.b.numa_placement = defboolJson(false);
  }
  if (num > 0) st.b[field] = maps.map((m) => m.toJson());
}

/** xl's complaint about a cpus= piece, on that piece of the string. */
function failOnPiece(st: ParseState, key: string, item: Value, err: { message: string; start: number; end: number }): never {
  const d = st.at(key, 'xl-invalid-cpu-range');
  return st.report.fail(err.message, { ...d, span: issueSpan(item, err.start, err.end) }, 1);
}

/** max_grant_frames, max_maptrack_frames, max_grant_version: 0..INT_MAX, exit silently otherwise. */
export function parseGrantLimits(st: ParseState): void {
  const g = st.globals;
  const fallback: Record<string, number | undefined> = { max_grant_frames: g.maxGrantFrames, max_maptrack_frames: g.maxMaptrackFrames, max_grant_version: g.maxGrantVersion };
  for (const key of ['max_grant_frames', 'max_maptrack_frames', 'max_grant_version']) {
    const r = st.cfg.getBoundedLong(key, 0n, 0x7fffffffn, true);
    if (r.ok) st.b[key] = Number(r.value);
    else if (r.errno === 'ESRCH') {
      // xl.conf's value (xl's own default, -1 / LIBXL_MAX_GRANT_DEFAULT, is not printed).
      if (fallback[key] !== undefined) st.b[key] = fallback[key];
    } else {
      st.report.note(`xl exits without a message: \`${key}' must be a number from 0 to 2147483647`, {
        ...st.at(key, 'xl-rejects-silently'), severity: 'error',
      });
      throw new XlExit(1);
    }
  }
  st.b.claim_mode = defboolJson(g.claimMode ?? true);
}

/** Writes the typed fields kept in the state to b_info. */
export function finishMemoryAndVcpus(st: ParseState): void {
  setInt(st.b, 'max_vcpus', st.maxVcpus);
  setMemkb(st.b, 'max_memkb', st.maxMemkb);
  setMemkb(st.b, 'target_memkb', st.targetMemkb);
}
