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
 * name every disk of a long list, and a search per warning was quadratic). Only words that are disk
 * names (all diskItemNaming looks up) are kept.
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
    // The words of /[^,:=\s]+/g, scanned by character code.
    for (let i = 0; i < v.length;) {
      if (separates(v.charCodeAt(i))) { i++; continue; }
      const from = i;
      while (i < v.length && !separates(v.charCodeAt(i))) i++;
      if (v.charCodeAt(i) === 0x3d /* = */ || !diskName(v, from, i)) continue;
      const word = v.slice(from, i);
      if (!index.has(word)) index.set(word, { start: item.start, end: item.end });
    }
  }
  DISK_NAMES.set(disk.value, index);
  return index;
}

/** v[from, to) is (?:xvd|hd|sd)[a-z]+, as the names diskItemNaming looks up. */
function diskName(v: string, from: number, to: number): boolean {
  const p = v.startsWith('xvd', from) ? from + 3 : v.startsWith('hd', from) || v.startsWith('sd', from) ? from + 2 : -1;
  if (p < 0 || p >= to) return false;
  for (let i = p; i < to; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

/** `,` `:` `=` or what JavaScript's \s matches. */
function separates(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x7f) return c === 0x2c || c === 0x3a || c === 0x3d;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
