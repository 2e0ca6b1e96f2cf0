// The file's keys split by the catalogue, once per parse, for the checks that go over every key (key
// use, release, unknown keys). A generated file can hold 100k distinct keys and the catalogue a few
// hundred: asking the file for each catalogue key costs a few hundred probes, where asking the
// catalogue for each of the file's keys costs a name string and a map lookup per key, in every check.
import type { ParsedConfig } from '../syntax/parsed-config';
import { ALL_KEYS, lookupKey, type KeyEntry } from '../catalogue';

export interface KnownKey {
  readonly name: string;
  /** The stored setting xl reads (ParsedConfig.settingAt). */
  readonly setting: number;
  readonly entry: KeyEntry;
}

export interface FileKeys {
  /** The keys the catalogue knows, in the order they first appear (as forEachEffective). */
  readonly known: readonly KnownKey[];
  /**
   * The other keys in the same order: the id of each (ParsedConfig.effectiveKeys) and the
   * stored setting xl reads for it, in typed arrays (no object per key).
   */
  readonly unknownIds: Int32Array;
  readonly unknownSettings: Int32Array;
}

const memo = new WeakMap<ParsedConfig, FileKeys>();

export function fileKeys(p: ParsedConfig): FileKeys {
  let keys = memo.get(p);
  if (!keys) {
    const entries = new Map<number, KeyEntry>();
    const isKnown = new Uint8Array(p.keyIdCount);
    for (const k of ALL_KEYS) {
      const id = p.keyIdOfName(k.name);
      // The catalogue's own lookup decides, should two of its entries share a name.
      if (id >= 0) { entries.set(id, lookupKey(k.name)!); isKnown[id] = 1; }
    }
    const known: KnownKey[] = [];
    const { ids, settings } = p.effectiveKeys();
    const unknownIds = new Int32Array(ids.length), unknownSettings = new Int32Array(ids.length);
    let n = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (isKnown[id]) {
        const entry = entries.get(id)!;
        known.push({ name: entry.name, setting: settings[k]!, entry });
      } else {
        unknownIds[n] = id; unknownSettings[n] = settings[k]!; n++;
      }
    }
    memo.set(p, (keys = { known, unknownIds: unknownIds.subarray(0, n), unknownSettings: unknownSettings.subarray(0, n) }));
  }
  return keys;
}
