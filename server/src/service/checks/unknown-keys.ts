// Keys xl never reads: libxlutil stores any name and xl looks up only the ones it knows, so a typo
// is silently ignored. We say so, with the closest catalogue key ("did you mean"). Generated files
// can hold 100k unknown keys: one small object per key, no spreads.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { didYouMean } from './did-you-mean';
import { fileKeys } from './file-keys';
import type { CheckHandler } from './fix';

declare module './codes' {
  interface FindingData {
    /**
     * Only when there is a rename to offer: the key is the text at the finding's start, and a
     * generated file's 100k unknown keys would each hold an object nobody reads.
     */
    'unknown-key': { readonly key: string; readonly suggestion: string } | undefined;
  }
}

/** Keys from other toolstacks (xm/xend, libvirt habits) that xl ignores, with what to write instead. */
const FOREIGN_KEYS: ReadonlyMap<string, string> = new Map(Object.entries({
  cdrom: 'xl has no `cdrom` key: add the image to `disk` with `devtype=cdrom`, e.g. `"/path/to.iso,hdc:cdrom,r"`.',
  extra_args: 'xl has no `extra_args` key: kernel arguments go in `extra` (or `cmdline`).',
  bootargs: 'xl has no `bootargs` key: kernel arguments go in `extra` (or `cmdline`); bootloader arguments in `bootloader_args`.',
  vcpu: 'xl has no `vcpu` key: the number of virtual CPUs is `vcpus`.',
  mem: 'xl has no `mem` key: the guest\'s memory in MiB is `memory`.',
}));

export function unknownKeyChecks(a: CheckContext): Finding[] {
  // Names and spans straight from the parse: no Setting objects for keys nobody reads.
  const p = a.parsed;
  const { unknownIds, unknownSettings } = fileKeys(p);
  // Each of them is reported: the array is sized once, not grown (and copied) some twenty times.
  const out: Finding[] = new Array(unknownIds.length);
  // The foreign keys by id, as the catalogue's: no hash of each unknown name for a table of five.
  const foreignIds = new Map<number, string>();
  for (const [key, text] of FOREIGN_KEYS) {
    const id = p.keyIdOfName(key);
    if (id >= 0) foreignIds.set(id, text);
  }
  for (let k = 0; k < unknownIds.length; k++) {
    const i = unknownSettings[k]!;
    const name = p.settingKey(i);
    const foreign = foreignIds.size ? foreignIds.get(unknownIds[k]!) : undefined;
    const suggestion = foreign ? undefined : didYouMean(name);
    const base = foreign ?? `xl does not know the key \`${name}\` and ignores it.`;
    const span = p.settingSpan(i);
    out[k] = {
      start: span.start, end: span.end, code: 'unknown-key', severity: 'warning',
      message: suggestion ? `${base} Did you mean \`${suggestion}\`?` : base,
      data: suggestion ? { key: name, suggestion } : undefined,
    };
  }
  return out;
}

export const handler: CheckHandler = {
  kind: 'key', check: unknownKeyChecks,
  fixes: {
    'unknown-key': (a, f) => {
      if (!f.data) return [];
      const s = a.effective.get(f.data.key);
      const to = f.data.suggestion;
      return s ? [{ title: `Rename to \`${to}\``, edits: [{ start: s.keyStart, end: s.keyEnd, newText: to }], preferred: true }] : [];
    },
  },
};
