// Findings across several guest configs (`xlcfg check DIR`, or several files): what no single-file
// check can see. Two configs that xl would start as guests with the same `name` or `uuid` (the second
// `xl create` is refused, or two guests claim one identity), the same vif MAC address (two NICs on one
// bridge with one address), or the same writable disk target (both guests write one block device or
// image: data loss when both run). Each config gets its own finding, on its own value, with the other
// configs' places as related locations; a config's severities and `# xlcfg-disable-next-line` apply
// to its own findings. Pure: the caller analyses the files and names them.
import type { Analysis } from '../analyze';
import type { ByteSpan, Severity } from '../finding';
import type { Value } from '../syntax/settings';

export interface ConfigInput {
  /** How the caller names the config (a path, a URI); findings refer to configs by it. */
  readonly id: string;
  readonly analysis: Analysis;
}

export interface RelatedElsewhere extends ByteSpan {
  /** The config the related place is in. */
  readonly id: string;
  readonly message: string;
}

export interface AcrossFinding extends ByteSpan {
  /** The config the finding is in. */
  readonly id: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedElsewhere[];
  readonly data: Readonly<Record<string, unknown>>;
}

interface Occurrence extends ByteSpan {
  readonly id: string;
  /** The value as the user wrote it (shown in messages). */
  readonly shown: string;
}

type Kind = 'name' | 'uuid' | 'mac' | 'disk';

const WHAT: Record<Kind, { code: string; noun: string; risk: string }> = {
  name: { code: 'duplicate-guest-name', noun: 'guest name', risk: 'xl refuses to start the second guest while the first runs' },
  uuid: { code: 'duplicate-guest-uuid', noun: 'guest uuid', risk: 'two guests cannot run with one uuid' },
  mac: { code: 'duplicate-mac-address', noun: 'vif MAC address', risk: 'two NICs with one address confuse the bridge and the network when both guests run' },
  disk: { code: 'shared-writable-disk', noun: 'writable disk target', risk: 'both guests write it: the data is lost when both run' },
};

/** The findings across `configs` (in the order of the configs, then of the kinds). */
export function acrossConfigs(configs: readonly ConfigInput[]): AcrossFinding[] {
  const groups: Record<Kind, Map<string, Occurrence[]>> = { name: new Map(), uuid: new Map(), mac: new Map(), disk: new Map() };
  const add = (kind: Kind, key: string, o: Occurrence) => {
    const list = groups[kind].get(key);
    // One occurrence per config and key: the same MAC twice in one guest is a single-file matter.
    if (!list) groups[kind].set(key, [o]);
    else if (!list.some((x) => x.id === o.id)) list.push(o);
  };
  for (const { id, analysis: a } of configs) {
    const config = a.xl?.config as GuestJson | undefined;
    if (!config) continue; // refused by libxlutil or xl: it does not start at all
    const name = config.c_info?.name;
    if (typeof name === 'string' && name) add('name', name, place(id, a, 'name', undefined, name));
    const uuid = config.c_info?.uuid;
    // Without a `uuid` line xl makes a random one (the model writes a placeholder): only a written one counts.
    if (typeof uuid === 'string' && uuid && a.effective.has('uuid')) add('uuid', uuid.toLowerCase(), place(id, a, 'uuid', undefined, uuid));
    (config.nics ?? []).forEach((nic, i) => {
      if (typeof nic?.mac === 'string' && nic.mac) add('mac', nic.mac.toLowerCase(), place(id, a, 'vif', i, nic.mac));
    });
    (config.disks ?? []).forEach((disk, i) => {
      const target = disk?.pdev_path;
      if (typeof target !== 'string' || !target || disk.readwrite !== 1 || disk.is_cdrom === 1) return;
      add('disk', normalizeTarget(target), place(id, a, 'disk', i, target));
    });
  }
  const out: AcrossFinding[] = [];
  for (const kind of ['name', 'uuid', 'mac', 'disk'] as const) {
    const w = WHAT[kind];
    for (const [key, list] of groups[kind]) {
      if (list.length < 2) continue;
      for (const o of list) {
        const others = list.filter((x) => x !== o);
        const names = others.map((x) => x.id);
        out.push({
          id: o.id, start: o.start, end: o.end, code: w.code, severity: 'warning',
          message: `the ${w.noun} ${JSON.stringify(o.shown)} is also in ${names.length === 1 ? names[0] : `${names.length} other configs (${names.join(', ')})`}: ${w.risk}`,
          related: others.map((x) => ({ id: x.id, start: x.start, end: x.end, message: `the same ${w.noun} here` })),
          data: { kind, value: key, others: names },
        });
      }
    }
  }
  const order = new Map(configs.map((c, i) => [c.id, i]));
  const analysisOf = new Map(configs.map((c) => [c.id, c.analysis]));
  return out.flatMap((f) => settle(f, analysisOf.get(f.id)!)).sort((x, y) => order.get(x.id)! - order.get(y.id)! || x.start - y.start);
}

/**
 * The config's own say, as for its other findings: `# xlcfg-disable-next-line CODE` above the value
 * silences it, and the severities the analysis was given (`xlcfg.severity`, `.xlcfg.json`) apply.
 */
function settle(f: AcrossFinding, a: Analysis): AcrossFinding[] {
  const silenced = a.directives.disabled.size ? a.directives.disabled.get(a.lines.lineOf(f.start)) : undefined;
  if (silenced && (silenced.has('*') || silenced.has(f.code))) return [];
  const s = a.request.severities?.[f.code];
  if (s === 'off') return [];
  return [s ? { ...f, severity: s } : f];
}

/** `/dev/vg//a/./b` and `/dev/vg/a/b` are one target (no file-system access: symlinks stay apart). */
export function normalizeTarget(path: string): string {
  const abs = path.startsWith('/');
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  return (abs ? '/' : '') + parts.join('/');
}

interface GuestJson {
  c_info?: { name?: unknown; uuid?: unknown };
  nics?: { mac?: unknown }[];
  disks?: { pdev_path?: unknown; readwrite?: unknown; is_cdrom?: unknown }[];
}

/** Where `key` (its `index`th list item) is written: the value xl reads, else the whole setting. */
function place(id: string, a: Analysis, key: string, index: number | undefined, shown: string): Occurrence {
  const s = a.effective.get(key);
  if (!s) return { id, start: 0, end: 0, shown };
  let v: Value = s.value;
  if (index !== undefined && v.type === 'list') {
    const item = v.items[index];
    if (item) v = item;
  }
  return { id, start: v.start, end: v.end, shown };
}
