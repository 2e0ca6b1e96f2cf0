// Mirrors libxl's device-model choice (Xen 4.17, with the 4.10-4.22 differences documented in
// dm_restrict.md section 6): the device_model_version default in
// libxl__domain_build_info_setdefault (tools/libs/light/libxl_create.c), libxl__domain_device_model
// and libxl__need_xenpv_qemu (libxl_dm.c), libxl__stubdomain_is_linux (libxl_internal.h).
import type { XenPaths } from '../host/paths';
import type { DefaultsEnv } from './context';
import { strerror } from './context';
import { defboolVal, domainView, int, list, str, type BuildInfo, type Json } from '../model/domain-view';
import { DEFAULT_XEN_VERSION, versionNumber, type XenVersion } from '../options';
import { p9NeedsQemuOnlyWhenTyped } from './versions';

export type DeviceModelVersion = 'qemu_xen' | 'qemu_xen_traditional';

const BUILD_INFO_SETDEFAULT = 'libxl__domain_build_info_setdefault';

export function deviceModelVersion(bInfo: BuildInfo): DeviceModelVersion | undefined {
  const v = str(bInfo, 'device_model_version');
  return v === 'qemu_xen' || v === 'qemu_xen_traditional' ? v : undefined;
}

/** libxl__stubdomain_is_linux: a stubdomain running qemu-xen is Linux, traditional is MiniOS. */
export function stubdomainIsLinux(bInfo: BuildInfo): boolean {
  return defboolVal(bInfo, 'device_model_stubdomain') && deviceModelVersion(bInfo) === 'qemu_xen';
}

/**
 * libxl__domain_device_model: the dom0 binary libxl runs (null for a stubdomain, whose device
 * model runs inside the stub domain, or when the version is unknown).
 */
export function deviceModelPath(bInfo: BuildInfo, paths: XenPaths): string | null {
  if (defboolVal(bInfo, 'device_model_stubdomain')) return null;
  const override = str(bInfo, 'device_model');
  if (override) return override;
  switch (deviceModelVersion(bInfo)) {
    case 'qemu_xen_traditional': return paths.qemuTraditional;
    case 'qemu_xen': return paths.qemuXen;
    default: return null;
  }
}

/**
 * Resolves b_info.device_model_version when xl left it unset. Returns false when libxl refuses
 * (the message is logged).
 */
export function resolveDeviceModelVersion(type: 'hvm' | 'pv' | 'pvh', bInfo: BuildInfo, env: DefaultsEnv): boolean {
  if (bInfo.device_model_version !== undefined && bInfo.device_model_version !== 'unknown') return true;
  const stubdomain = defboolVal(bInfo, 'device_model_stubdomain');

  if (env.atLeast('4.21')) {
    // 4.21+: always qemu-xen, and UNKNOWN when its binary is not executable. For a stubdomain the
    // dom0 path is NULL, so access() fails (EFAULT) and the version becomes UNKNOWN too.
    bInfo.device_model_version = 'qemu_xen';
    const dm = deviceModelPath(bInfo, env.paths);
    const access = dm === null ? 'efault' : env.binaryAccess(dm);
    if (access === 'unknown') env.assume({ reason: 'dm-binary-checked', path: dm ?? '', text: `libxl will check that ${dm} is executable on the dom0` });
    if (access !== 'ok' && access !== 'unknown') {
      const why = access === 'efault' ? 'Bad address' : strerror(access);
      env.log.info('qemu-xen-unavailable', BUILD_INFO_SETDEFAULT, `qemu-xen is unavailable: ${why}`, ['device_model_version', 'device_model_override']);
      delete bInfo.device_model_version;
    }
    return true;
  }

  // 4.10-4.20: an HVM stubdomain gets qemu-xen-traditional (MiniOS), everything else qemu-xen.
  const chosen: DeviceModelVersion = type === 'hvm' && stubdomain ? 'qemu_xen_traditional' : 'qemu_xen';
  bInfo.device_model_version = chosen;
  if (chosen !== 'qemu_xen') return true;
  if (!env.paths.fallbackToTraditional) {
    // Debian's libxl dropped this check: a missing qemu-xen is only reported when spawning it.
    return true;
  }
  const dm = deviceModelPath(bInfo, env.paths);
  const access = dm === null ? 'ok' : env.binaryAccess(dm);
  if (access === 'unknown') {
    env.assume({ reason: 'qemu-xen-probe', text: `libxl will use qemu-xen only if ${dm} exists on the dom0 (otherwise qemu-xen-traditional)` });
    return true;
  }
  if (access === 'enoent') {
    env.log.info('qemu-xen-unavailable-traditional', BUILD_INFO_SETDEFAULT,
      `qemu-xen is unavailable, using qemu-xen-traditional instead: ${strerror(access)}`,
      ['device_model_version', 'device_model_override']);
    bInfo.device_model_version = 'qemu_xen_traditional';
  } else if (access === 'eacces') {
    env.log.error('qemu-xen-access-error', BUILD_INFO_SETDEFAULT, `qemu-xen access error: ${strerror(access)}`, ['device_model_override']);
    return false;
  }
  return true;
}

/** Where the guest's device model runs once libxl's defaults are applied. */
export type DeviceModelPlacement = 'dom0' | 'stubdomain' | 'none';

/**
 * libxl__need_xenpv_qemu for PV/PVH (after vfb defaults): why the guest gets a dom0 qemu (a short
 * phrase), or undefined when no device needs one. A framebuffer, a 9pfs share (from 4.19 only one
 * whose spec says type=qemu), a disk served by qemu (qdisk backend in dom0), a qemu USB controller,
 * or any channel served by dom0 (xenconsoled only handles the first console). A vkb with
 * backend-type=qemu does not count: the keyboard device type is missing from libxl's
 * device_type_tbl, so its dm_needed is never asked.
 */
export function xenpvQemuReason(resolved: Json, xenVersion: XenVersion = DEFAULT_XEN_VERSION): string | undefined {
  const toolstackDomid = 0;
  const local = (dev: Json): boolean => int(dev, 'backend_domid') === toolstackDomid;
  if (list(resolved, 'vfbs').length > 0) return 'a vfb (virtual framebuffer) is configured';
  const typedOnly = p9NeedsQemuOnlyWhenTyped({ atLeast: (v) => versionNumber(xenVersion) >= versionNumber(v) });
  if (list(resolved, 'p9s').some((p) => !typedOnly || (str(p, 'type') === 'qemu' && local(p)))) return 'a 9pfs share is served by qemu';
  if (list(resolved, 'disks').some((d) => str(d, 'backend') === 'qdisk' && local(d))) return 'a disk uses the qdisk (qemu) backend';
  if (list(resolved, 'usbctrls').some((u) => str(u, 'type') === 'qusb' && local(u))) return 'a USB controller is emulated by qemu (qusb)';
  if (list(resolved, 'channels').some(local)) return 'a channel is served from dom0 (xenconsoled only handles the first console)';
  return undefined;
}

export const NO_XENPV_QEMU_REASON =
  'no device needs qemu: no vfb, no qdisk-backed disk, no channel, no qemu USB controller, no 9pfs share';

export function needXenpvQemu(resolved: Json, xenVersion: XenVersion = DEFAULT_XEN_VERSION): boolean {
  return xenpvQemuReason(resolved, xenVersion) !== undefined;
}

/** Where the device model runs: HVM in dom0 or in a stubdomain; PV/PVH in dom0 only when needed. */
export function deviceModelPlacement(resolved: Json, xenVersion: XenVersion = DEFAULT_XEN_VERSION): DeviceModelPlacement {
  const { type, bInfo } = domainView(resolved);
  if (type === 'hvm') return defboolVal(bInfo, 'device_model_stubdomain') ? 'stubdomain' : 'dom0';
  if (type === 'pv' || type === 'pvh') return needXenpvQemu(resolved, xenVersion) ? 'dom0' : 'none';
  return 'none';
}

/** True when libxl starts a qemu in dom0 for this guest (libxl__spawn_local_dm). */
export function needsDeviceModel(resolved: Json, xenVersion: XenVersion = DEFAULT_XEN_VERSION): boolean {
  return deviceModelPlacement(resolved, xenVersion) === 'dom0';
}
