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
  /** By key id (ParsedConfig.forEachEffectiveId): 1 when the catalogue knows the key. */
  readonly isKnown: Uint8Array;
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
    if (entries.size) {
      p.forEachEffectiveId((id, i) => {
        const entry = entries.get(id);
        if (entry) known.push({ name: entry.name, setting: i, entry });
      });
    }
    memo.set(p, (keys = { known, isKnown }));
  }
  return keys;
}
