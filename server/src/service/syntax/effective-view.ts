// The settings xl's lookups see, by name, as a read-only Map. Looking a name up finds its newest
// setting directly; only iterating builds every entry.
import type { ParsedConfig } from './parsed-config';
import type { Setting } from './settings';

export class EffectiveView implements ReadonlyMap<string, Setting> {
  private full?: ReadonlyMap<string, Setting>;
  private readonly found = new Map<string, Setting | undefined>();

  constructor(private readonly parsed: ParsedConfig) {}

  get(name: string): Setting | undefined {
    if (this.full) return this.full.get(name);
    if (!this.found.has(name)) this.found.set(name, this.parsed.find(name));
    return this.found.get(name);
  }
  has(name: string): boolean { return this.get(name) !== undefined; }

  private all(): ReadonlyMap<string, Setting> { return (this.full ??= this.parsed.effective); }
  get size(): number { return this.all().size; }
  forEach(fn: (value: Setting, key: string, map: ReadonlyMap<string, Setting>) => void): void { this.all().forEach((v, k) => fn(v, k, this)); }
  entries(): MapIterator<[string, Setting]> { return this.all().entries() as MapIterator<[string, Setting]>; }
  keys(): MapIterator<string> { return this.all().keys() as MapIterator<string>; }
  values(): MapIterator<Setting> { return this.all().values() as MapIterator<Setting>; }
  [Symbol.iterator](): MapIterator<[string, Setting]> { return this.entries(); }
}
