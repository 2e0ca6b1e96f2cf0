// Mirrors libxl__need_xenpv_qemu in tools/libs/light/libxl_dm.c (Xen 4.17, with the 4.19 change
// for 9p shares) over the device types of libxl_create.c's device_type_tbl: whether a PV/PVH guest
// gets a dom0 qemu, and which device asks for it.
import { versionNumber, type XenVersion } from '../options';
import { arr, enumOf, int, type Json } from './config-view';
import type { ResolvedConfig } from './types';

/** The toolstack domain: devices whose backend runs there are served by the guest's dom0 qemu. */
const TOOLSTACK_DOMID = 0;

/** Returns why a PV/PVH guest needs qemu (a short phrase), or undefined when it does not. */
export function pvQemuReason(config: ResolvedConfig, xenVersion: XenVersion): string | undefined {
  const vfbs = arr(config.vfbs);
  if (vfbs.length > 0) return 'a vfb (virtual framebuffer) is configured';
  const p9s = arr(config.p9s);
  const qemuP9 = versionNumber(xenVersion) >= versionNumber('4.19')
    ? p9s.filter((p) => enumOf(p.type, 'qemu') === 'qemu')
    : p9s;
  if (qemuP9.length > 0) return 'a 9pfs share is served by qemu';
  const local = (dev: Json): boolean => int(dev.backend_domid) === TOOLSTACK_DOMID;
  if (arr(config.disks).some((disk) => enumOf(disk.backend, 'unknown') === 'qdisk' && local(disk))) {
    return 'a disk uses the qdisk (qemu) backend';
  }
  // A qemu-backed vkb would answer yes too, but libxl's device table (device_type_tbl in
  // libxl_create.c) does not list vkbs, so libxl never asks it: no qemu for a vkb alone.
  if (arr(config.usbctrls).some((c) => enumOf(c.type, 'auto') === 'qusb' && local(c))) {
    return 'a USB controller is emulated by qemu (qusb)';
  }
  if (arr(config.channels).some(local)) return 'a channel is served from dom0 (xenconsoled only handles the first console)';
  return undefined;
}

export const NO_PV_QEMU_REASON =
  'no device needs qemu: no vfb, no qdisk-backed disk, no channel, no qemu USB controller, no 9pfs share';
