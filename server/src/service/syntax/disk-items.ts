// Which item of a `disk = [...]` list names a disk (`hda`, `xvde`): a question about the user's
// text, asked by checks that point at the disk a libxl line is about.
import type { ByteSpan } from '../finding';
import type { Setting } from './settings';

/** The first string item of the `disk` list that names one of the disk names in `vdev`. */
export function diskItemNaming(disk: Setting | undefined, vdev: string): ByteSpan | undefined {
  if (!disk || disk.value.type !== 'list') return undefined;
  const names = [...vdev.matchAll(/\b((?:xvd|hd|sd)[a-z]+)\b/g)].map((m) => m[1]!);
  for (const name of names) {
    const re = new RegExp(`(^|[,:=\\s])${name}([,:\\s]|$)`);
    for (const item of disk.value.items) {
      if (item.type === 'string' && re.test(item.value)) return { start: item.start, end: item.end };
    }
  }
  return undefined;
}
