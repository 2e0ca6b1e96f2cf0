// Mirrors parse_virtio_config() and parse_virtio_list() in tools/xl/xl_parse.c (Xen 4.18+; the key
// does not exist in 4.17): backend, type, transport, grant_usage. A `type=virtio,...` value keeps
// the comma: xl glues the next item back on (and crashes when there is none).
import { strtoul } from './c-numbers';
import { issueAt, strtokItems, type SpecPiece } from './strtok';
import type { SpecContext, SpecResult, VirtioJson } from './types';

export function parseVirtioSpec(spec: string, ctx: SpecContext): SpecResult<VirtioJson> {
  const items = strtokItems(spec);
  const out: VirtioJson = {};
  let backend: string | undefined;
  let type: string | undefined;
  let transport: string | undefined;
  let grantUsage: boolean | undefined;
  for (let i = 0; i < items.length; i++) {
    let item: SpecPiece = items[i]!;
    if (item.text.startsWith('type=virtio')) {
      const next = items[i + 1];
      if (!next) return { device: null, fatal: true, issues: [issueAt(item, 'error', 'xl crashes on a virtio type with nothing after its comma (segmentation fault)', 'virtio-xl-crash')] };
      // xl glues the raw next token (its leading blanks kept) back on with a comma.
      const raw = spec.slice(spec.lastIndexOf(',', next.start - 1) + 1, next.end);
      item = { text: `${item.text},${raw.replace(/^,+/, '')}`, start: item.start, end: next.end };
      i++;
    }
    const eq = item.text.indexOf('=');
    const key = eq < 0 ? null : item.text.slice(0, eq);
    const value = item.text.slice(eq + 1);
    if (key === 'backend') backend = value;
    else if (key === 'type') type = value;
    else if (key === 'transport') {
      const t = value.toLowerCase();
      // libxl's enum parser fails silently here: xl just exits.
      if (t !== 'mmio' && t !== 'unknown') return { device: null, fatal: true, issues: [issueAt(item, 'error', `xl exits without a message: unknown virtio transport '${value}'`, 'virtio-bad-transport')] };
      transport = t;
    } else if (key === 'grant_usage') grantUsage = strtoul(value, 0).value !== 0n;
    else return { device: null, fatal: true, issues: [issueAt(item, 'error', `Unknown string "${item.text}" in virtio spec`, 'virtio-unknown')] };
  }
  if (backend !== undefined) out.backend_domname = backend;
  if (type !== undefined) out.type = type;
  if (transport !== undefined && transport !== 'unknown') out.transport = transport;
  if (grantUsage !== undefined) out.grant_usage = grantUsage ? 'True' : 'False';
  out.devid = ctx.index;
  return { device: out, issues: [], fatal: false };
}
