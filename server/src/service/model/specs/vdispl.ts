// Mirrors parse_vdispl_config() and the vdispl loop in tools/xl/xl_parse.c (Xen 4.17):
// backend, be-alloc and connectors=ID:WxH;ID:WxH;... An unknown item, a bad resolution or no
// connector at all makes xl exit.
import { versionNumber } from '../../options';
import { strtoul, toUint32 } from './c-numbers';
import { issueAt, strtokItems, valueAfterEquals } from './strtok';
import type { SpecContext, SpecResult, VdisplJson } from './types';

/** sscanf("%ux%u"): two unsigned numbers around an `x`. */
function scanResolution(s: string): [number, number] | null {
  const w = strtoul(s, 10);
  if (w.end === 0 || s[w.end] !== 'x') return null;
  const h = strtoul(s, 10, w.end + 1);
  if (h.end === w.end + 1) return null;
  return [toUint32(w.value), toUint32(h.value)];
}

export function parseVdisplSpec(spec: string, ctx: SpecContext): SpecResult<VdisplJson> {
  let backend: string | undefined;
  let beAlloc = false;
  let connectors: { unique_id: string; width: number; height: number }[] = [];
  for (const item of strtokItems(spec)) {
    const key = item.text.includes('=') ? item.text.slice(0, item.text.indexOf('=')) : null;
    const value = valueAfterEquals(item);
    if (key === 'backend') backend = value.text;
    else if (key === 'be-alloc') beAlloc = strtoul(value.text, 0).value !== 0n;
    else if (key === 'connectors') {
      connectors = [];
      for (const c of value.text.split(';').filter((x) => x !== '')) {
        // Up to 4.17 the connector is cut into runs of non-`:` characters; from 4.18 at the first `:`.
        const colon = c.indexOf(':');
        const runs = versionNumber(ctx.options.xenVersion) >= 418
          ? (colon < 0 || colon === c.length - 1 ? [c] : [c.slice(0, colon), c.slice(colon + 1)])
          : c.split(':').filter((x) => x !== '');
        if (runs.length < 2) {
          // xl frees a resolution string it never got: undefined behaviour (glibc usually aborts).
          return {
            device: null, fatal: true, issues: [],
            crash: {
              reason: `the connector "${c}" has no "ID:" before its resolution, and xl then frees memory it never allocated: ` +
                'what happens next is undefined (glibc usually stops xl with "double free or corruption"). Write connectors as ID:WIDTHxHEIGHT',
              start: value.start, end: value.end,
            },
          };
        }
        const res = scanResolution(runs[1]!);
        if (!res) return { device: null, fatal: true, issues: [issueAt(value, 'error', "Can't parse connector resolution", 'vdispl-bad-resolution')] };
        connectors.push({ unique_id: runs[0]!, width: res[0], height: res[1] });
      }
    } else {
      return { device: null, fatal: true, issues: [issueAt(item, 'error', `Unknown string "${item.text}" in vdispl spec`, 'vdispl-unknown')] };
    }
  }
  if (connectors.length === 0) {
    return { device: null, fatal: true, issues: [{ severity: 'error', message: 'At least one connector should be specified.', start: 0, end: spec.length, code: 'vdispl-no-connector' }] };
  }
  const out: VdisplJson = {};
  if (backend !== undefined) out.backend_domname = backend;
  out.devid = ctx.index;
  if (beAlloc) out.be_alloc = true;
  out.connectors = connectors;
  return { device: out, issues: [], fatal: false };
}
