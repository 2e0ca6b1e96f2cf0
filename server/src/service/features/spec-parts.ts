// Which part of a spec string stands at a position: a field name, its value, a flag, a positional
// parameter, or a piece of the numeric lists (cpus, iomem, ioports, ...). Cut the way xl's parsers
// cut them (commas for most kinds, the disk scanner for disks), but tolerant: this is for hover and
// completion on text that may be half written.
import { versionNumber, type XenVersion } from '../options';
import { nextDiskToken, type DiskRuleName } from '../model/specs/disk-lexer';

export type SpecPartRole =
  | 'field' // the name in `name=value`
  | 'value' // the value in `name=value`
  | 'flag' // a bare word the kind knows (disk `cdrom`, vif `trusted`, ...)
  | 'positional' // disk: a positional parameter
  | 'prefix' // disk: `phy:`, `qcow2:`, ...
  | 'level' // vsnd: CARD / PCM / STREAM
  | 'bdf' // pci: the device address before the options
  | 'vslot' // pci: `@VSLOT` after the address
  | 'cpus' // one comma item of a cpus= string
  | 'iomem-start' | 'iomem-number' | 'iomem-gfn'
  | 'ioport' | 'irq' | 'dtdev' | 'serial'
  | 'word'; // a bare word the kind does not know

export interface SpecPart {
  role: SpecPartRole;
  /** The field the part belongs to (field, value, flag, positional). */
  field?: string;
  text: string;
  /** Offsets in the spec string. */
  start: number;
  end: number;
}

const KV_KINDS = new Set(['vif', 'pci', 'vfb', 'channel', 'usbdev', 'usbctrl', 'p9', 'vtpm', 'vkb', 'vdispl', 'pvcalls',
  'virtio', 'rdm', 'vsnd', 'arm_sci', 'vnuma']);
const FLAGS: Record<string, readonly string[]> = { vif: ['trusted', 'untrusted'] };

/** Keys whose strings this module can cut. */
export function isSpecKey(key: string): boolean {
  return key === 'disk' || KV_KINDS.has(key) || ['cpus', 'cpus_soft', 'iomem', 'ioports', 'irqs', 'dtdev', 'serial'].includes(key);
}

interface Item { text: string; start: number; end: number }

/** Comma items with their offsets (empty ones kept), leading blanks skipped. */
function commaItems(spec: string, sep = ','): Item[] {
  const out: Item[] = [];
  let s = 0;
  for (;;) {
    const j = spec.indexOf(sep, s);
    const e = j < 0 ? spec.length : j;
    let k = s;
    while (k < e && (spec[k] === ' ' || spec[k] === '\t')) k++;
    out.push({ text: spec.slice(k, e), start: k, end: e });
    if (j < 0) return out;
    s = j + 1;
  }
}

function itemAt(items: Item[], pos: number): { item: Item; index: number } | null {
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (pos >= it.start && pos <= it.end) return { item: it, index: i };
  }
  return null;
}

function kvPart(it: Item, pos: number, flags: readonly string[] = []): SpecPart {
  const eq = it.text.indexOf('=');
  if (eq < 0) return { role: flags.includes(it.text) ? 'flag' : 'word', field: it.text, text: it.text, start: it.start, end: it.end };
  const field = it.text.slice(0, eq);
  if (pos <= it.start + eq) return { role: 'field', field, text: field, start: it.start, end: it.start + eq };
  return { role: 'value', field, text: it.text.slice(eq + 1), start: it.start + eq + 1, end: it.end };
}

function diskField(rule: DiskRuleName, text: string): string | undefined {
  switch (rule) {
    case 'devtype-cdrom': case 'devtype-disk': case 'devtype-other': return 'devtype';
    case 'grant-usage-0': case 'grant-usage-1': return 'grant_usage';
    case 'unknown-parameter': return text.slice(0, text.indexOf('='));
    case 'whitespace': case 'positional': case 'bad-syntax': case 'prefix-format': case 'prefix-script':
    case 'prefix-ignored': case 'prefix-unknown': return undefined;
    default: return rule;
  }
}

function diskPart(spec: string, pos: number, version: XenVersion): SpecPart | null {
  const v = versionNumber(version);
  let p = 0;
  const seen = { target: false, format: false, vdev: false, access: false, prefix: false };
  for (let tok = nextDiskToken(spec, p, v); tok; tok = nextDiskToken(spec, p, v)) {
    // A prefix's token ends where its own text ends; the rest of the line is scanned again.
    const end = tok.end;
    const text = tok.text.endsWith(',') && tok.rule !== 'target' ? tok.text.slice(0, -1) : tok.text;
    const textEnd = tok.start + text.length;
    const field = diskField(tok.rule, tok.text);
    let part: SpecPart | null = null;
    if (tok.rule === 'positional') {
      const name = !seen.target ? 'target' : !seen.prefix && !seen.format ? 'format' : !seen.vdev ? 'vdev' : !seen.access ? 'access' : undefined;
      if (name) seen[name] = true;
      part = { role: 'positional', ...(name ? { field: name } : {}), text, start: tok.start, end: textEnd };
    } else if (tok.rule.startsWith('prefix-')) {
      seen.prefix = true;
      if (tok.rule === 'prefix-format') seen.format = true;
      part = { role: 'prefix', text, start: tok.start, end: textEnd };
    } else if (field) {
      if (field in seen) seen[field as keyof typeof seen] = true;
      const eq = text.indexOf('=');
      if (eq < 0) part = { role: 'flag', field, text, start: tok.start, end: textEnd };
      else if (pos <= tok.start + eq) part = { role: 'field', field, text: text.slice(0, eq), start: tok.start, end: tok.start + eq };
      else part = { role: 'value', field, text: text.slice(eq + 1), start: tok.start + eq + 1, end: textEnd };
    }
    if (part && pos >= tok.start && pos <= textEnd) return part;
    if (pos < end && pos >= tok.start) return null;
    p = end > p ? end : p + 1;
  }
  return null;
}

function cpusPart(spec: string, pos: number): SpecPart | null {
  const hit = itemAt(commaItems(spec), pos);
  return hit ? { role: 'cpus', text: hit.item.text, start: hit.item.start, end: hit.item.end } : null;
}

function iomemPart(spec: string, pos: number): SpecPart | null {
  const comma = spec.indexOf(',');
  if (comma < 0 || pos <= comma) return { role: 'iomem-start', text: spec.slice(0, comma < 0 ? spec.length : comma), start: 0, end: comma < 0 ? spec.length : comma };
  const at = spec.indexOf('@', comma);
  if (at < 0 || pos <= at) return { role: 'iomem-number', text: spec.slice(comma + 1, at < 0 ? spec.length : at), start: comma + 1, end: at < 0 ? spec.length : at };
  return { role: 'iomem-gfn', text: spec.slice(at + 1), start: at + 1, end: spec.length };
}

/** The part of `spec` (the decoded text of one string of `key`) at `pos`, or null. */
export function specPartAt(key: string, spec: string, pos: number, version: XenVersion): SpecPart | null {
  if (pos < 0 || pos > spec.length) return null;
  switch (key) {
    case 'disk': return diskPart(spec, pos, version);
    case 'cpus': case 'cpus_soft': return cpusPart(spec, pos);
    case 'iomem': return iomemPart(spec, pos);
    case 'ioports': return { role: 'ioport', text: spec, start: 0, end: spec.length };
    case 'irqs': return { role: 'irq', text: spec, start: 0, end: spec.length };
    case 'dtdev': return { role: 'dtdev', text: spec, start: 0, end: spec.length };
    case 'serial': return { role: 'serial', text: spec, start: 0, end: spec.length };
    case 'vnuma': return kvPart({ text: spec, start: 0, end: spec.length }, pos);
    default: break;
  }
  if (!KV_KINDS.has(key)) return null;
  const items = commaItems(spec);
  const hit = itemAt(items, pos);
  if (!hit) return null;
  const { item, index } = hit;
  if (key === 'vsnd' && index === 0 && !item.text.includes('=')) {
    return { role: 'level', text: item.text, start: item.start, end: item.end };
  }
  if (key === 'pci' && index === 0 && !item.text.includes('=')) {
    const at = item.text.indexOf('@');
    if (at >= 0 && pos > item.start + at) return { role: 'vslot', field: 'vslot', text: item.text.slice(at + 1), start: item.start + at + 1, end: item.end };
    return { role: 'bdf', field: 'bdf', text: at >= 0 ? item.text.slice(0, at) : item.text, start: item.start, end: at >= 0 ? item.start + at : item.end };
  }
  return kvPart(item, pos, FLAGS[key]);
}

/** What a position in a half-written spec string expects, for completion. */
export type SpecSlot =
  | { kind: 'field'; prefix: string; start: number; index: number; written: readonly string[] }
  | { kind: 'value'; field: string; prefix: string; start: number }
  | { kind: 'part'; prefix: string; start: number };

/** `before` is the spec's text up to the cursor. */
export function specSlot(key: string, before: string): SpecSlot | null {
  if (['cpus', 'cpus_soft', 'serial', 'iomem', 'ioports', 'irqs', 'dtdev'].includes(key)) {
    const cut = key === 'cpus' || key === 'cpus_soft' ? Math.max(before.lastIndexOf(','), before.lastIndexOf('^')) + 1 : 0;
    return { kind: 'part', prefix: before.slice(cut), start: cut };
  }
  if (key !== 'disk' && !KV_KINDS.has(key)) return null;
  const sep = key === 'vnuma' ? -1 : before.lastIndexOf(',');
  // disk: `target=` takes the rest of the string; nothing to offer after it.
  if (key === 'disk' && /(^|,)\s*target=/.test(before)) return null;
  let start = sep + 1;
  while (before[start] === ' ' || before[start] === '\t') start++;
  const item = before.slice(start);
  const written = before.slice(0, Math.max(sep, 0)).split(',').map((s) => s.trim().split('=')[0]!).filter((s) => s !== '');
  const index = sep < 0 ? 0 : before.slice(0, sep).split(',').length;
  const eq = item.indexOf('=');
  if (eq < 0) return { kind: 'field', prefix: item, start, index, written };
  const field = item.slice(0, eq);
  // Values with their own separators (vdispl connectors, vsnd lists): offer nothing inside.
  const value = item.slice(eq + 1);
  return { kind: 'value', field, prefix: value, start: start + eq + 1 };
}
