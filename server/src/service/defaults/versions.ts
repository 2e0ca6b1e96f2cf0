// What differs in libxl's defaulting between Xen 4.10 and 4.22, for what this stage models
// (libxl_types.idl field history and libxl_create.c at each RELEASE tag). The stage runs the 4.17
// logic, asks these rules where behaviour differs, and finally drops the fields the target's IDL
// does not have, so that the resolved config has the target's shape.
import type { DefaultsEnv } from './context';
import { isObject, type Json } from '../model/domain-view';

/** Fields this stage may add, with the first release whose IDL has them. */
const FIELD_SINCE: readonly (readonly [path: readonly string[], since: string])[] = [
  [['c_info', 'passthrough'], '4.13'],
  [['b_info', 'iommu_memkb'], '4.13'],
  [['b_info', 'type.hvm', 'vkb_device'], '4.13'],
  [['c_info', 'xend_suspend_evtchn_compat'], '4.14'],
  [['b_info', 'stubdomain_kernel'], '4.14'],
  [['b_info', 'stubdomain_ramdisk'], '4.14'],
  [['b_info', 'stubdomain_memkb'], '4.14'],
  [['b_info', 'arch_x86', 'msr_relaxed'], '4.15'],
  [['b_info', 'vpmu'], '4.16'],
  [['b_info', 'max_grant_version'], '4.16'],
  [['disks', '*', 'specification'], '4.17'],
  [['disks', '*', 'trusted'], '4.17'],
  [['nics', '*', 'trusted'], '4.17'],
];

/** Linux device-model stubdomains (qemu-xen in a stubdomain) exist from 4.14. */
export function linuxStubdomains(env: DefaultsEnv): boolean {
  return env.atLeast('4.14');
}

/** The passthrough= mode and its checks exist from 4.13. */
export function passthroughModes(env: DefaultsEnv): boolean {
  return env.atLeast('4.13');
}

/** 4.19 added u.hvm.pirq (defaulted to false for HVM guests). */
export function hvmPirq(env: DefaultsEnv): boolean {
  return env.atLeast('4.19');
}

/** 4.18 added bootloader_restrict, on by default when bootloader_user is set. */
export function bootloaderRestrict(env: DefaultsEnv): boolean {
  return env.atLeast('4.18');
}

/** Up to 4.19 libxl defaults the legacy u.hvm.altp2m boolean to false. */
export function defaultsHvmAltp2m(env: DefaultsEnv): boolean {
  return !env.atLeast('4.20');
}

/**
 * PoD with PCI passthrough: up to 4.16 refused only when PCI devices are given, with an older
 * message; from 4.17 whenever an IOMMU is set up for the guest.
 */
export function podPassthroughRule(env: DefaultsEnv): { message: string; whenModeEnabled: boolean } {
  return env.atLeast('4.17')
    ? { message: 'IOMMU required for device passthrough but not supported together with PoD', whenModeEnabled: true }
    : { message: 'PCI device assignment for HVM guest failed due to PoD enabled', whenModeEnabled: false };
}

/**
 * 4.19 reworked disk backends: blktap (tap) is usable again for raw and vhd images, a CD-ROM of an
 * HVM guest may use the phy backend as well as qdisk (an empty one then gets a placeholder file in
 * the run dir), and a phy backend accepts an empty CD-ROM.
 */
export function diskBackends419(env: DefaultsEnv): boolean {
  return env.atLeast('4.19');
}

/**
 * 4.19 gave 9pfs shares a `type` (qemu or xen_9pfsd): only a share whose type is qemu asks for a
 * dom0 qemu, and libxl asks before the share's own defaults have set the type, so a share without
 * `type=qemu` in its spec never starts one.
 */
export function p9NeedsQemuOnlyWhenTyped(env: Pick<DefaultsEnv, 'atLeast'>): boolean {
  return env.atLeast('4.19');
}

/**
 * libxl__init_console_from_channel's checks, as the oracles run them: from 4.18, where xl leaves
 * channel devids to libxl and the oracle runs this step (libxl 4.17 has the same check at domain
 * creation, a step its oracle does not reach).
 */
export function channelConsoleChecks(env: DefaultsEnv): boolean {
  return env.atLeast('4.18');
}

/** Drops the fields the target release's IDL does not have. */
export function pruneForVersion(config: Json, env: DefaultsEnv): void {
  for (const [path, since] of FIELD_SINCE) {
    if (env.atLeast(since)) continue;
    remove(config, path);
  }
}

function remove(node: unknown, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === '*') {
    if (Array.isArray(node)) for (const e of node) remove(e, rest);
    return;
  }
  if (!isObject(node)) return;
  if (rest.length === 0) delete node[head];
  else remove(node[head], rest);
}
