// Mirrors libxl__domain_build_info_setdefault (tools/libs/light/libxl_create.c, Xen 4.17) with
// libxl__arch_domain_build_info_setdefault (libxl_x86.c) and libxl__rdm_setdefault. Version
// differences: the device_model_version default (device-model.ts), qemu-xen-traditional gone from
// 4.21, and the release rules of versions.ts (Linux stubdomains, pirq, bootloader_restrict, ...).
import { absPath } from '../host/paths';
import type { HostPhysinfo } from '../host/host-model';
import type { DefaultsEnv } from './context';
import { copyDeprecatedFields } from './deprecated';
import { deviceModelVersion, resolveDeviceModelVersion, stubdomainIsLinux } from './device-model';
import { bootloaderRestrict, defaultsHvmAltp2m, hvmPirq, linuxStubdomains } from './versions';
import { child, defboolDefault, type Json } from './json';
import { defboolVal, int, isObject, memkb, num, str, type BuildInfo, type HvmInfo, type PvInfo, type PvhInfo, type Sdl, type Spice, type Vga, type Vnc } from '../model/domain-view';

const FN = 'libxl__domain_build_info_setdefault';
const SECINITSID_DOMDM = 13;
const LIBXL_LINUX_STUBDOM_MEM_KB = 128 * 1024;
const MINIOS_STUBDOM_MEM_KB = 28 * 1024;
const RDM_MEM_BOUNDARY_MEMKB_DEFAULT = 2048 * 1024;
const PVSHIM_BASENAME = 'xen-shim';
const PVSHIM_CMDLINE = 'pv-shim console=xen,pv';
/** XEN_DOMCTL_GRANT_version_mask */
const GRANT_VERSION_MASK = 0xf;

/** HVM_MAX_VCPUS (xen/include/public/hvm/hvm_info_table.h). */
const HVM_MAX_VCPUS = 128;

/**
 * The size in bytes of a bitmap libxl reads from JSON (libxl__bitmap_parse_json): as many bits as
 * the highest index listed, plus one.
 */
function bitmapBytes(setBits: readonly unknown[]): number {
  const last = Number(setBits[setBits.length - 1]);
  return Number.isFinite(last) ? Math.ceil((last + 1) / 8) : 0;
}

/** Returns false when libxl refuses the build info (the reason is logged). */
export function buildInfoSetDefault(type: 'hvm' | 'pv' | 'pvh', bInfo: BuildInfo, env: DefaultsEnv): boolean {
  if (!copyDeprecatedFields(type, bInfo, env)) return false;

  defboolDefault(bInfo, 'device_model_stubdomain', false);
  defboolDefault(bInfo, 'vpmu', false);
  const stubdomain = defboolVal(bInfo, 'device_model_stubdomain');
  if (stubdomain && !int(bInfo, 'device_model_ssidref')) bInfo.device_model_ssidref = SECINITSID_DOMDM;

  if (!resolveDeviceModelVersion(type, bInfo, env)) return false;

  if (bInfo.blkdev_start === undefined) bInfo.blkdev_start = 'xvda';

  const hvm = type === 'hvm' ? child(bInfo, 'type.hvm') : undefined;
  if (hvm && !hvmFirmwareSetDefault(bInfo, hvm, env)) return false;
  if (hvm && stubdomain && !linuxStubdomains(env) && deviceModelVersion(bInfo) !== 'qemu_xen_traditional') {
    env.log.error('stubdomain-needs-traditional', FN, 'device model stubdomains require "qemu-xen-traditional"',
      ['device_model_stubdomain_override', 'device_model_version']);
    return false;
  }
  if (hvm && stubdomain) stubdomainImagesSetDefault(bInfo, env);

  if (!int(bInfo, 'max_vcpus')) bInfo.max_vcpus = 1;
  if (!Array.isArray(bInfo.avail_vcpus) || bInfo.avail_vcpus.length === 0) bInfo.avail_vcpus = [0];
  else if (bitmapBytes(bInfo.avail_vcpus) > HVM_MAX_VCPUS) {
    // libxl compares the bitmap's size in bytes with a vCPU count: more than 1024 vCPUs fail.
    env.log.error('avail-vcpus-too-many', FN, 'avail_vcpus bitmap contains too many VCPUS', ['vcpus', 'maxvcpus']);
    return false;
  }
  // libxl works with vcpu_hard_affinity only: the legacy cpumap is copied to every vcpu.
  if (Array.isArray(bInfo.cpumap) && bInfo.cpumap.length > 0 &&
      !(Array.isArray(bInfo.vcpu_hard_affinity) && bInfo.vcpu_hard_affinity.length > 0)) {
    bInfo.vcpu_hard_affinity = Array.from({ length: int(bInfo, 'max_vcpus') }, () => [...(bInfo.cpumap as unknown[])]);
  }
  defboolDefault(bInfo, 'numa_placement', true);

  if (memkb(bInfo, 'max_memkb') === undefined) bInfo.max_memkb = 32 * 1024;
  if (memkb(bInfo, 'target_memkb') === undefined) bInfo.target_memkb = bInfo.max_memkb;

  if (memkb(bInfo, 'stubdomain_memkb') === undefined) {
    bInfo.stubdomain_memkb = !stubdomain ? 0
      : stubdomainIsLinux(bInfo) ? LIBXL_LINUX_STUBDOM_MEM_KB : MINIOS_STUBDOM_MEM_KB;
  }
  defboolDefault(bInfo, 'claim_mode', false);
  defboolDefault(bInfo, 'localtime', false);
  defboolDefault(bInfo, 'disable_migrate', false);
  if (Array.isArray(bInfo.iomem)) {
    for (const range of bInfo.iomem) {
      if (isObject(range) && range.gfn === undefined && range.start !== undefined) range.gfn = range.start;
    }
  }
  if (!int(bInfo, 'event_channels')) bInfo.event_channels = 1023;

  const physinfo = env.physinfo();
  // libxl__arch_domain_build_info_setdefault (x86)
  defboolDefault(bInfo, 'acpi', true);
  defboolDefault(child(bInfo, 'arch_x86'), 'msr_relaxed', false);

  defboolDefault(bInfo, 'dm_restrict', false);
  if (memkb(bInfo, 'iommu_memkb') === undefined) bInfo.iommu_memkb = 0;

  switch (type) {
    case 'hvm':
      if (!hvmSetDefault(bInfo, hvm!, env)) return false;
      break;
    case 'pv': {
      const pv: PvInfo = child(bInfo, 'type.pv');
      defboolDefault(pv, 'e820_host', false);
      if (memkb(bInfo, 'video_memkb') === undefined) bInfo.video_memkb = 0;
      if (memkb(bInfo, 'shadow_memkb') === undefined) bInfo.shadow_memkb = 0;
      if (memkb(pv, 'slack_memkb') === undefined) pv.slack_memkb = 0;
      break;
    }
    case 'pvh': {
      const pvh: PvhInfo = child(bInfo, 'type.pvh');
      defboolDefault(pvh, 'pvshim', false);
      if (memkb(bInfo, 'video_memkb') === undefined) bInfo.video_memkb = 0;
      if (defboolVal(pvh, 'pvshim')) {
        if (str(pvh, 'pvshim_path') === undefined) pvh.pvshim_path = `${env.paths.firmwareDir}/${PVSHIM_BASENAME}`;
        if (str(pvh, 'pvshim_cmdline') === undefined) pvh.pvshim_cmdline = PVSHIM_CMDLINE;
      }
      break;
    }
  }

  if (type !== 'pv') {
    const timer = str(bInfo, 'timer_mode');
    if (timer === undefined || timer === 'unknown') bInfo.timer_mode = 'no_delay_for_missed_ticks';
    defboolDefault(bInfo, 'apic', true);
    defboolDefault(bInfo, 'nested_hvm', false);
  }

  if (bootloaderRestrict(env)) defboolDefault(bInfo, 'bootloader_restrict', Boolean(str(bInfo, 'bootloader_user')));

  if (!env.atLeast('4.16')) return true; // no max_grant_version before 4.16
  return grantVersionSetDefault(bInfo, physinfo, env);
}

/** bios default and the bios/device-model pairing, then the direct-boot sanity check. */
function hvmFirmwareSetDefault(bInfo: BuildInfo, hvm: HvmInfo, env: DefaultsEnv): boolean {
  const dmv = deviceModelVersion(bInfo);
  if (str(hvm, 'bios') === undefined) {
    if (dmv === 'qemu_xen_traditional' && !env.atLeast('4.21')) hvm.bios = 'rombios';
    else if (dmv === 'qemu_xen') hvm.bios = 'seabios';
    else {
      env.log.error('unknown-dm-version', FN, 'unknown device model version', ['device_model_version', 'device_model_stubdomain_override']);
      return false;
    }
  }
  const bios = str(hvm, 'bios');
  if (dmv === 'qemu_xen_traditional' && !env.atLeast('4.21')) {
    if (bios !== 'rombios') {
      env.log.error('traditional-needs-rombios', FN, 'qemu-xen-traditional requires bios=rombios.', ['bios', 'device_model_version']);
      return false;
    }
  } else if (dmv === 'qemu_xen') {
    if (bios === 'rombios') {
      env.log.error('qemu-xen-no-rombios', FN, 'qemu-xen does not support bios=rombios.', ['bios', 'device_model_version']);
      return false;
    }
  } else {
    // libxl calls abort() here: the toolstack process dies.
    env.log.ours('no-usable-dm-version', FN, 'libxl aborts: no usable device model version for an HVM guest ' +
      '(set device_model_version="qemu-xen")', ['device_model_version', 'bios']);
    return false;
  }
  if (str(bInfo, 'kernel') === undefined && (str(bInfo, 'ramdisk') !== undefined || str(bInfo, 'cmdline') !== undefined)) {
    env.log.error('direct-boot-without-kernel', FN, 'direct boot parameters specified but kernel missing', ['ramdisk', 'cmdline', 'extra', 'root', 'kernel']);
    return false;
  }
  return true;
}

function stubdomainImagesSetDefault(bInfo: BuildInfo, env: DefaultsEnv): void {
  const linux = deviceModelVersion(bInfo) === 'qemu_xen';
  if (str(bInfo, 'stubdomain_kernel') === undefined) {
    bInfo.stubdomain_kernel = absPath(env.paths.firmwareDir, linux ? 'qemu-stubdom-linux-kernel' : 'ioemu-stubdom.gz');
  }
  if (str(bInfo, 'stubdomain_ramdisk') === undefined && linux) {
    bInfo.stubdomain_ramdisk = absPath(env.paths.firmwareDir, 'qemu-stubdom-linux-rootfs');
  }
}

/** The HVM branch: videoram per graphics card and device model, then displays, USB, boot. */
function hvmSetDefault(bInfo: BuildInfo, hvm: HvmInfo, env: DefaultsEnv): boolean {
  if (memkb(bInfo, 'shadow_memkb') === undefined) bInfo.shadow_memkb = 0;
  if (memkb(hvm, 'mmio_hole_memkb') === undefined) hvm.mmio_hole_memkb = 0;
  const vga: Vga = child(hvm, 'vga');
  const kind = str(vga, 'kind');
  if (kind === undefined || kind === 'unknown') vga.kind = 'cirrus';
  if (!videoRamSetDefault(bInfo, str(vga, 'kind')!, env)) return false;

  for (const [key, value] of [
    ['pae', true], ['acpi', true], ['acpi_s3', true], ['acpi_s4', true], ['acpi_laptop_slate', false],
    ['nx', true], ['viridian', false], ['hpet', true], ['vpt_align', true],
    ...(defaultsHvmAltp2m(env) ? [['altp2m', false] as const] : []),
    ...(hvmPirq(env) ? [['pirq', false] as const] : []),
    ['usb', false], ['vkb_device', true], ['xen_platform_pci', true],
  ] as const) defboolDefault(hvm, key, value);

  const spice: Spice = child(hvm, 'spice');
  defboolDefault(spice, 'enable', false);
  if (!defboolVal(spice, 'enable') && int(spice, 'usbredirection') > 0) {
    delete spice.usbredirection;
    env.log.warn('spice-disabled-usbredirection', FN, 'spice disabled, disabling usbredirection', ['spiceusbredirection', 'spice']);
  }
  if (!int(hvm, 'usbversion') && int(spice, 'usbredirection') > 0) hvm.usbversion = 2;
  const usbdevices = Array.isArray(hvm.usbdevice_list) && hvm.usbdevice_list.length > 0;
  if ((int(hvm, 'usbversion') || int(spice, 'usbredirection')) &&
      (defboolVal(hvm, 'usb') || usbdevices || str(hvm, 'usbdevice'))) {
    env.log.error('usbversion-with-usb', FN, 'usbversion and/or usbredirection cannot be enabled with usb and/or usbdevice parameters.',
      ['usbversion', 'spiceusbredirection', 'usb', 'usbdevice']);
    return false;
  }
  if (str(hvm, 'boot') === undefined) hvm.boot = 'cda';

  const vnc: Vnc = child(hvm, 'vnc');
  defboolDefault(vnc, 'enable', true);
  if (defboolVal(vnc, 'enable')) {
    defboolDefault(vnc, 'findunused', true);
    if (str(vnc, 'listen') === undefined) vnc.listen = '127.0.0.1';
  }
  const sdl: Sdl = child(hvm, 'sdl');
  defboolDefault(sdl, 'enable', false);
  if (defboolVal(sdl, 'enable')) defboolDefault(sdl, 'opengl', false);
  if (defboolVal(spice, 'enable')) {
    defboolDefault(spice, 'disable_ticketing', false);
    defboolDefault(spice, 'agent_mouse', true);
    defboolDefault(spice, 'vdagent', false);
    defboolDefault(spice, 'clipboard_sharing', false);
  }
  defboolDefault(hvm, 'nographic', false);
  defboolDefault(hvm, 'gfx_passthru', false);

  // libxl__rdm_setdefault
  const rdm = child(hvm, 'rdm');
  const policy = str(rdm, 'policy');
  if (policy === undefined || policy === 'invalid') rdm.policy = 'relaxed';
  if (memkb(hvm, 'rdm_mem_boundary_memkb') === undefined) hvm.rdm_mem_boundary_memkb = RDM_MEM_BOUNDARY_MEMKB_DEFAULT;
  return true;
}

/** Video RAM minimums and defaults: they differ between qemu-xen and qemu-xen-traditional. */
function videoRamSetDefault(bInfo: BuildInfo, kind: string, env: DefaultsEnv): boolean {
  const set = memkb(bInfo, 'video_memkb');
  const use = (kb: number) => { if (set === undefined) bInfo.video_memkb = kb; return memkb(bInfo, 'video_memkb')!; };
  const keys = ['videoram', 'vga', 'stdvga'];
  if (deviceModelVersion(bInfo) === 'qemu_xen_traditional' && !env.atLeast('4.21')) {
    switch (kind) {
      case 'none': use(0); return true;
      case 'qxl':
        env.log.error('qxl-needs-qemu-xen', FN, 'qemu upstream required for qxl vga', ['vga', 'device_model_version']);
        return false;
      case 'std':
        if (use(8 * 1024) < 8 * 1024) {
          env.log.error('videoram-too-small', FN, 'videoram must be at least 8 MB for STDVGA on QEMU_XEN_TRADITIONAL', keys);
          return false;
        }
        return true;
      default:
        if (use(4 * 1024) !== 4 * 1024) {
          env.log.warn('videoram-ignored', FN, 'ignoring videoram other than 4 MB for CIRRUS on QEMU_XEN_TRADITIONAL', keys);
        }
        return true;
    }
  }
  switch (kind) {
    case 'none': use(0); return true;
    case 'qxl':
      if (set === undefined) bInfo.video_memkb = 128 * 1024;
      else if (set < 128 * 1024) {
        env.log.error('videoram-too-small', FN, '128 Mib videoram is the minimum for qxl default', keys);
        return false;
      }
      return true;
    case 'std':
      if (use(16 * 1024) < 16 * 1024) {
        env.log.error('videoram-too-small', FN, 'videoram must be at least 16 MB for STDVGA on QEMU_XEN', keys);
        return false;
      }
      return true;
    default:
      if (use(8 * 1024) < 8 * 1024) {
        env.log.error('videoram-too-small', FN, 'videoram must be at least 8 MB for CIRRUS on QEMU_XEN', keys);
        return false;
      }
      return true;
  }
}

function grantVersionSetDefault(bInfo: BuildInfo, physinfo: HostPhysinfo, env: DefaultsEnv): boolean {
  const v = num(bInfo, 'max_grant_version');
  if (v === undefined || v === -1) {
    bInfo.max_grant_version = physinfo.capGnttabV2 ? 2 : physinfo.capGnttabV1 ? 1 : 0;
    return true;
  }
  if (v & ~GRANT_VERSION_MASK) {
    env.log.error('max-grant-version-range', FN, `max grant version ${v} out of range`, ['max_grant_version']);
    return false;
  }
  return true;
}

