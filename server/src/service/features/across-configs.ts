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
import { domainView, int, list, str, type Disk, type Nic } from '../model/domain-view';

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

/** Other configs named in a message, and given as related places, at most. */
const MAX_NAMED = 5;
const MAX_RELATED = 20;

const WHAT: Record<Kind, { code: string; noun: string; risk: string; here: string }> = {
  name: { code: 'duplicate-guest-name', noun: 'guest name', risk: 'xl refuses to start the second guest while the first runs', here: 'the same guest name here' },
  uuid: { code: 'duplicate-guest-uuid', noun: 'guest uuid', risk: 'two guests cannot run with one uuid', here: 'the same guest uuid here' },
  mac: { code: 'duplicate-mac-address', noun: 'vif MAC address', risk: 'two NICs with one address confuse the bridge and the network when both guests run', here: 'the same vif MAC address here' },
  disk: { code: 'shared-writable-disk', noun: 'writable disk target', risk: 'both guests write it: the data is lost when both run', here: 'the same writable disk target here' },
};

/**
 * What one config brings to the findings across configs: its names, uuid, MACs and writable disks,
 * each with its place and its own say on the finding (directives, severities). Plain data, so that a
 * shell can compute it where it analysed the file (a worker thread) and combine it elsewhere.
 */
export interface AcrossFacts {
  readonly id: string;
  readonly items: readonly AcrossItem[];
}

export interface AcrossItem extends ByteSpan {
  readonly kind: Kind;
  /** The value compared (lower-cased MAC and uuid, normalised disk target). */
  readonly key: string;
  /** The value as the user wrote it (shown in messages). */
  readonly shown: string;
  /** `# xlcfg-disable-next-line` above it silences its finding. */
  readonly silenced?: true;
  /** The config's severity for the kind's finding code, when it changes it. */
  readonly severity?: Severity | 'off';
}

/** The facts of one analysed config (none for a config xl refuses: it does not start at all). */
export function acrossFacts(id: string, a: Analysis): AcrossFacts {
  const items: AcrossItem[] = [];
  const config = a.xl?.config;
  const add = (kind: Kind, key: string, o: Occurrence) => {
    const code = WHAT[kind].code;
    const silenced = a.directives.disabled.size ? a.directives.disabled.get(a.lines.lineOf(o.start)) : undefined;
    const severity = a.request.severities?.[code];
    items.push({ kind, key, shown: o.shown, start: o.start, end: o.end,
      ...(silenced && (silenced.has('*') || silenced.has(code)) ? { silenced: true as const } : {}), ...(severity ? { severity } : {}) });
  };
  if (config) {
    const { cInfo } = domainView(config);
    const name = str(cInfo, 'name');
    if (name) add('name', name, place(id, a, 'name', undefined, name));
    const uuid = str(cInfo, 'uuid');
    // Without a `uuid` line xl makes a random one (the model writes a placeholder): only a written one counts.
    if (uuid && a.effective.has('uuid')) add('uuid', uuid.toLowerCase(), place(id, a, 'uuid', undefined, uuid));
    list(config, 'nics').forEach((nic: Nic, i) => {
      const mac = str(nic, 'mac');
      if (mac) add('mac', mac.toLowerCase(), place(id, a, 'vif', i, mac));
    });
    list(config, 'disks').forEach((disk: Disk, i) => {
      const target = str(disk, 'pdev_path');
      if (!target || int(disk, 'readwrite') !== 1 || int(disk, 'is_cdrom') === 1) return;
      add('disk', normalizeTarget(target), place(id, a, 'disk', i, target));
    });
  }
  return { id, items };
}

/** The findings across `configs` (in the order of the configs, then of the kinds). */
export function acrossConfigs(configs: readonly ConfigInput[]): AcrossFinding[] {
  return acrossFromFacts(configs.map((c) => acrossFacts(c.id, c.analysis)));
}

/**
 * The findings across configs from their facts (in the order of the facts, then of the kinds);
 * with `only`, just the findings in the config of that id (an editor shows one document's).
 */
export function acrossFromFacts(facts: readonly AcrossFacts[], only?: string): AcrossFinding[] {
  interface Held { readonly item: AcrossItem; readonly id: string }
  const groups: Record<Kind, Map<string, Held[]>> = { name: new Map(), uuid: new Map(), mac: new Map(), disk: new Map() };
  for (const f of facts) {
    for (const item of f.items) {
      const list = groups[item.kind].get(item.key);
      if (!list) groups[item.kind].set(item.key, [{ item, id: f.id }]);
      // One occurrence per config and key (a config's items come together): the same MAC twice in
      // one guest is a single-file matter.
      else if (list[list.length - 1]!.id !== f.id) list.push({ item, id: f.id });
    }
  }
  const out: AcrossFinding[] = [];
  for (const kind of ['name', 'uuid', 'mac', 'disk'] as const) {
    const w = WHAT[kind];
    for (const [key, list] of groups[kind]) {
      if (list.length < 2) continue;
      for (const o of list) {
        const { item } = o;
        // The config's own say, as for its other findings: a directive silences it, severities apply.
        if (item.silenced || item.severity === 'off' || (only !== undefined && o.id !== only)) continue;
        // A value shared by thousands of configs (a MAC copied into every template) must not make
        // each finding name all the others: the first few are named and related, then a count.
        const others: Held[] = [];
        for (const x of list) {
          if (others.length === MAX_RELATED) break;
          if (x !== o) others.push(x);
        }
        const count = list.length - 1;
        const names = others.map((x) => x.id);
        const named = count <= MAX_NAMED ? names.join(', ') : `${names.slice(0, MAX_NAMED).join(', ')} and ${count - MAX_NAMED} more`;
        out.push({
          id: o.id, start: item.start, end: item.end, code: w.code, severity: item.severity ?? 'warning',
          message: `the ${w.noun} ${JSON.stringify(item.shown)} is also in ${count === 1 ? names[0] : `${count} other configs (${named})`}: ${w.risk}`,
          related: others.map((x) => ({ id: x.id, start: x.item.start, end: x.item.end, message: w.here })),
          data: { kind, value: key, others: names, otherCount: count },
        });
      }
    }
  }
  const order = new Map(facts.map((c, i) => [c.id, i]));
  return out.sort((x, y) => order.get(x.id)! - order.get(y.id)! || x.start - y.start);
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
