// Mirrors tools/libs/light/libxl_device.c and libxl_disk.c (Xen 4.17): how a vdev name becomes a
// disk index and device number, which format string qemu gets, and whether dom0 can open the image.
import type { Disk } from '../model/domain-view';
import { enumOf, str } from '../model/domain-view';

export interface DiskNumber {
  /** Linux-style device number (e.g. 768 for hda, 5632 for hdc, 51712 for xvda). */
  readonly devNumber: number;
  /** Disk index decoded from the name: xvda/hda/sda = 0. */
  readonly disk: number;
  readonly partition: number;
}

/** Decodes `<prefix><letters>[<partition>]` with letters as a base-26 number, like libxl. */
function matchVirtDisk(vdev: string, prefix: string, maxIndex: number, maxPartition: number): { disk: number; partition: number } | undefined {
  if (!vdev.startsWith(prefix)) return undefined;
  let index = -1;
  let p = prefix.length;
  while (p < vdev.length) {
    const c = vdev.charCodeAt(p);
    if (c < 97 || c > 122) break;
    index = (index + 1) * 26 + (c - 97);
    if (index > maxIndex) return undefined;
    p++;
  }
  const rest = vdev.slice(p);
  if (rest === '') return { disk: index, partition: 0 };
  if (rest.startsWith('0') || !/^\d+$/.test(rest)) return undefined;
  const partition = Number.parseInt(rest, 10);
  if (partition > maxPartition) return undefined;
  return { disk: index, partition };
}

/**
 * libxl__device_disk_dev_number with a disk index wanted: `d<N>p<M>`, xvd*, hd* (4 disks), sd*
 * (16 disks). A bare number is a device number libxl cannot turn into an index: undefined here.
 */
export function diskNumber(vdev: string): DiskNumber | undefined {
  const dp = /^d(\d+)p(\d+)$/.exec(vdev);
  let m: { disk: number; partition: number } | undefined;
  if (dp) {
    const disk = Number.parseInt(dp[1]!, 10);
    const partition = Number.parseInt(dp[2]!, 10);
    if (disk < (1 << 20) && partition < 256) m = { disk, partition };
  }
  m ??= matchVirtDisk(vdev, 'xvd', (1 << 20) - 1, 255);
  if (m) {
    const devNumber = m.disk <= 15 && m.partition <= 15
      ? (202 << 8) | (m.disk << 4) | m.partition
      : (1 << 28) | (m.disk << 8) | m.partition;
    return { devNumber, ...m };
  }
  const hd = matchVirtDisk(vdev, 'hd', 3, 63);
  if (hd) return { devNumber: ((hd.disk < 2 ? 3 : 22) << 8) | ((hd.disk & 1) << 6) | hd.partition, ...hd };
  const sd = matchVirtDisk(vdev, 'sd', 15, 15);
  if (sd) return { devNumber: (8 << 8) | (sd.disk << 4) | sd.partition, ...sd };
  return undefined;
}

/** libxl__qemu_disk_format_string: qemu's name for an image format (none for empty/unknown). */
export function qemuDiskFormat(format: string): string | undefined {
  switch (format) {
    case 'qcow': return 'qcow';
    case 'qcow2': return 'qcow2';
    case 'vhd': return 'vpc';
    case 'raw': return 'raw';
    case 'qed': return 'qed';
    default: return undefined;
  }
}

/**
 * libxl__device_disk_find_local_path for qemu (qdisk_direct): raw images without a hotplug script,
 * and anything served by qdisk, are opened by path; driver-domain and script-made disks are not
 * reachable from dom0 at this point (the script's result is only known at create time).
 */
export function diskLocalPath(disk: Readonly<Disk>): string | undefined {
  if (str(disk, 'backend_domname') !== undefined) return undefined;
  const format = enumOf(disk, 'format', 'unknown');
  if (format === 'raw' && str(disk, 'script') === undefined) return str(disk, 'pdev_path');
  if (enumOf(disk, 'backend', 'unknown') === 'qdisk') return str(disk, 'pdev_path');
  return undefined;
}
