// Mirrors libxl__domain_config_setdefault (tools/libs/light/libxl_create.c, Xen 4.17) with
// libxl__arch_passthrough_mode_setdefault (libxl_x86.c): security labels, cpupool, create info,
// passthrough mode, PoD restrictions, paging/IOMMU memory, build info, nested/altp2m/vPMU checks.
import type { HostPhysinfo } from '../host/host-model';
import { buildInfoSetDefault } from './build-info';
import type { DefaultsEnv } from './context';
import { createInfoSetDefault } from './create-info';
import { passthroughModes, podPassthroughRule } from './versions';
import { child, type Json } from './json';
import { defboolVal, guestTypeOf, int, list, memkb, str, type BuildInfo, type CreateInfo } from '../model/domain-view';

const FN = 'libxl__domain_config_setdefault';
const ARCH_PT_FN = 'libxl__arch_passthrough_mode_setdefault';
/** LIBXL_MEMKB_DEFAULT (~0ULL): what an unset memkb field holds; it takes part in arithmetic. */
const MEMKB_DEFAULT = 2n ** 64n - 1n;

export function domainConfigSetDefault(config: Json, type: 'hvm' | 'pv' | 'pvh', env: DefaultsEnv): boolean {
  const cInfo: CreateInfo = child(config, 'c_info');
  const bInfo: BuildInfo = child(config, 'b_info');
  const physinfo = env.physinfo();

  // XSM/FLASK labels: the reference host runs without XSM, so libxl only warns.
  for (const [label, what, key] of [
    // xl stores init_seclabel (or, alone, seclabel) in c_info and seclabel in b_info.
    [str(cInfo, 'ssid_label'), 'init_seclabel', 'init_seclabel'],
    [str(bInfo, 'exec_ssid_label'), 'seclabel', 'seclabel'],
    [str(bInfo, 'device_model_ssid_label'), 'device_model_stubdomain_seclabel', 'device_model_stubdomain_seclabel'],
  ] as const) {
    if (label === undefined) continue;
    if (env.host.profile === 'local' && env.host.physinfo === 'unknown') {
      env.assume({ reason: 'xsm', text: `${key} needs XSM (FLASK) enabled in the hypervisor to take effect` });
    }
    env.log.warn('xsm-disabled', FN, `XSM Disabled: ${what} not supported`, key === 'init_seclabel' ? ['init_seclabel', 'seclabel'] : [key]);
  }

  const pool = str(cInfo, 'pool_name');
  if (pool !== undefined) {
    // Pool-0 has id 0, the IDL default, which libxl's JSON leaves out.
    if (pool === 'Pool-0' || pool === '0') delete cInfo.poolid;
    else if (env.host.profile === 'local') env.assume({ reason: 'cpupool', pool, text: `the cpupool "${pool}" must exist on the dom0` });
    else {
      env.log.error('pool-unknown', FN, `Illegal pool specified: ${pool}`, ['pool']);
      return false;
    }
  }

  if (!createInfoSetDefault(cInfo, physinfo, env)) {
    env.log.secondary('create-info-failed', FN, 'Unable to set domain create info defaults');
    return false;
  }
  if (passthroughModes(env) && !passthroughSetDefault(config, cInfo, physinfo, env)) return false;

  // A target below the maximum makes libxc populate-on-demand the HVM/PVH guest's memory.
  const maxKb = memkbBig(bInfo, 'max_memkb');
  const targetKb = memkbBig(bInfo, 'target_memkb');
  const pod = type !== 'pv' && targetKb < maxKb;
  const podRule = podPassthroughRule(env);
  const iommu = podRule.whenModeEnabled ? cInfo.passthrough !== 'disabled' : list(config, 'pcidevs').length > 0;
  if (type !== 'pv' && iommu && pod) {
    env.log.error('pod-with-passthrough', FN, podRule.message, ['maxmem', 'memory', 'pci']);
    return false;
  }
  const vnuma = list(bInfo, 'vnuma_nodes').length > 0;
  if (pod && vnuma) {
    env.log.error('pod-with-vnuma', FN, 'Cannot enable PoD and vNUMA at the same time', ['maxmem', 'memory', 'vnuma']);
    return false;
  }
  if (type === 'pv' && vnuma) {
    env.log.error('pv-vnuma', FN, 'PV vNUMA is not yet supported', ['vnuma']);
    return false;
  }

  if (memkb(bInfo, 'shadow_memkb') === undefined) {
    const hap = type !== 'pv' && defboolVal(cInfo, 'hap');
    bInfo.shadow_memkb = requiredPagingMemoryKb(maxKb, int(bInfo, 'max_vcpus'), type, hap);
  }
  if (memkb(bInfo, 'iommu_memkb') === undefined) {
    bInfo.iommu_memkb = cInfo.passthrough === 'sync_pt' ? requiredIommuMemoryKb(maxKb) : 0;
  }

  if (!buildInfoSetDefault(type, bInfo, env)) {
    env.log.secondary('build-info-failed', FN, 'Unable to set domain build info defaults');
    return false;
  }

  const hvm = type === 'hvm' ? child(bInfo, 'type.hvm') : {};
  const altp2m = (type === 'hvm' && defboolVal(hvm, 'altp2m')) ||
    (type !== 'pv' && (str(bInfo, 'altp2m') ?? 'disabled') !== 'disabled');
  if (type !== 'pv' && defboolVal(bInfo, 'nested_hvm') && altp2m) {
    env.log.error('nestedhvm-with-altp2m', FN, 'nestedhvm and altp2mhvm cannot be used together', ['nestedhvm', 'altp2m', 'altp2mhvm']);
    return false;
  }
  if (altp2m && pod) {
    env.log.error('pod-with-altp2m', FN, 'Cannot enable PoD and ALTP2M at the same time', ['altp2m', 'altp2mhvm', 'maxmem', 'memory']);
    return false;
  }
  if (defboolVal(bInfo, 'vpmu') && env.physinfoUnknown) {
    env.assume({ reason: 'vpmu', text: 'vpmu=1 needs a hypervisor with vPMU enabled (Xen boot option vpmu), otherwise libxl refuses it' });
  }
  if (defboolVal(bInfo, 'vpmu') && !physinfo.capVpmu) {
    env.log.error('vpmu-unsupported', FN, 'vPMU not supported on this platform', ['vpmu']);
    return false;
  }
  return true;
}

function passthroughSetDefault(config: Json, cInfo: CreateInfo, physinfo: HostPhysinfo, env: DefaultsEnv): boolean {
  const needPt = list(config, 'pcidevs').length > 0 || list(config, 'dtdevs').length > 0;
  const mode = str(cInfo, 'passthrough');
  if (mode === undefined || mode === 'default') cInfo.passthrough = needPt ? 'enabled' : 'disabled';
  if (cInfo.passthrough !== 'disabled' && env.physinfoUnknown) {
    env.assume({ reason: 'iommu', text: 'PCI/device passthrough needs an IOMMU on the dom0, otherwise libxl refuses it' });
  }
  if (cInfo.passthrough !== 'disabled' && !physinfo.capHvmDirectio) {
    env.log.error('passthrough-unsupported', FN, 'passthrough not supported on this platform\n', ['passthrough', 'pci']);
    return false;
  }
  if (cInfo.passthrough === 'disabled' && needPt) {
    env.log.error('passthrough-disabled-with-devices', FN, 'passthrough disabled but devices are specified', ['passthrough', 'pci']);
    return false;
  }
  // x86
  const type = guestTypeOf(cInfo);
  if (cInfo.passthrough !== 'disabled' && type === 'pvh') {
    env.log.error('passthrough-pvh', ARCH_PT_FN, 'passthrough not yet supported for x86 PVH guests\n', ['pci', 'passthrough']);
    return false;
  }
  const whyNotShare = type === 'pv' ? 'not valid for PV domain'
    : !physinfo.capIommuHapPtShare ? 'not supported on this platform'
    : !defboolVal(cInfo, 'hap') ? 'only valid for HAP guests'
    : undefined;
  if (cInfo.passthrough === 'enabled') cInfo.passthrough = whyNotShare ? 'sync_pt' : 'share_pt';
  if (cInfo.passthrough === 'share_pt' && whyNotShare) {
    env.log.error('passthrough-share-pt', ARCH_PT_FN, `passthrough="share_pt" ${whyNotShare}\n`, ['passthrough']);
    return false;
  }
  return true;
}

/** libxl__get_required_paging_memory (x86: no extra paging memory). */
export function requiredPagingMemoryKb(maxMemKb: number | bigint, vcpus: number, type: 'hvm' | 'pv' | 'pvh', hap: boolean): number {
  const perMib = BigInt((type !== 'pv' ? 1 : 0) + (hap ? 0 : 1));
  const kb = 4n * (256n * big(vcpus) + perMib * (big(maxMemKb) / 1024n));
  return Number(kb % 2n ** 64n);
}

/** libxl__get_required_iommu_memory: a 4-level, 512-entry page table over the guest's memory. */
export function requiredIommuMemoryKb(maxMemKb: number | bigint): number {
  let pages = big(maxMemKb) / 4n;
  let total = 0n;
  for (let level = 0; level < 4; level++) {
    pages = (pages + 511n) / 512n;
    total += pages;
  }
  return Number(total * 4n);
}

function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(Number.isFinite(v) ? Math.trunc(v) : 0);
}

function memkbBig(o: Json, key: string): bigint {
  const v = memkb(o, key);
  return v === undefined ? MEMKB_DEFAULT : BigInt(Math.trunc(v));
}
