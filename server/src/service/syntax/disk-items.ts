// Which item of a `disk = [...]` list names a disk (`hda`, `xvde`): a question about the user's
// text, asked by checks that point at the disk a libxl line is about.
import type { ByteSpan } from '../finding';
import type { Setting } from './settings';

/** The first string item of the `disk` list that names one of the disk names in `vdev`. */
export function diskItemNaming(disk: Setting | undefined, vdev: string): ByteSpan | undefined {
  const index = diskNameIndex(disk);
  if (!index) return undefined;
  for (const m of vdev.matchAll(/\b((?:xvd|hd|sd)[a-z]+)\b/g)) {
    const item = index.get(m[1]!);
    if (item) return item;
  }
  return undefined;
}

/**
 * name -> the first string item of `disk` that names it: preceded by the start or one of `,:=` or a
 * blank, followed by one of `,:` or a blank or the end. Built once per list (libxl's warnings can
 * name every disk of a long list, and a search per warning was quadratic).
 */
const DISK_NAMES = new WeakMap<object, Map<string, ByteSpan> | null>();
function diskNameIndex(disk: Setting | undefined): Map<string, ByteSpan> | null {
  if (!disk || disk.value.type !== 'list') return null;
  let index = DISK_NAMES.get(disk.value);
  if (index !== undefined) return index;
  index = new Map();
  for (const item of disk.value.items) {
    if (item.type !== 'string') continue;
    const v = item.value;
    for (const m of v.matchAll(/[^,:=\s]+/g)) {
      const after = v.charCodeAt(m.index! + m[0].length);
      if (after === 0x3d /* = */ || index.has(m[0])) continue;
      index.set(m[0], { start: item.start, end: item.end });
    }
  }
  DISK_NAMES.set(disk.value, index);
  return index;
}
