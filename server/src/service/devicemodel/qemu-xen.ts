// Mirrors libxl__build_device_model_args_new in tools/libs/light/libxl_dm.c (Xen 4.17): the
// qemu-xen command line, for a dom0 qemu (HVM guest or PV/PVH backends) and for the qemu inside a
// Linux stub domain. Version differences come from versions.ts.
import { dmKeymap, dmSdl, dmVnc, sizekbToMb, type DmView } from './config-view';
import { defboolVal, int, str, strList, obj, type Pci } from '../model/domain-view';
import { ArgvWriter, failure, isFailure, logLine, type Failure } from './argv-writer';
import { vncAddress } from './display';
import { writeHvmDevices } from './qemu-xen-hvm';
import { writeQemuXenDisks } from './qemu-xen-disks';
import { writeQemuXenNics } from './network';
import type { DeviceModelRules } from './versions';
import type { HostModel } from '../host/host-model';
import type { DmLine } from './types';

const FN = 'libxl__build_device_model_args_new';

/** What libxl__spawn_local_dm decided before building (libxl__domain_build_state). */
export interface SpawnState {
  /** The pre-opened QMP socket (dm_restrict), or -1. */
  readonly monitorFd: number;
  /** `-runas` value: a user name or `uid:gid`. */
  readonly runas?: string;
}

export interface BuildInput {
  readonly dm: string;
  readonly d: DmView;
  readonly domid: number;
  readonly runDir: string;
  readonly state: SpawnState;
  readonly rules: DeviceModelRules;
  /** The dom0, for what libxl reads there while building (sysfs PCI ids). */
  readonly host: HostModel;
}

export function buildQemuXenArgs(input: BuildInput): ArgvWriter | Failure {
  const { dm, d, domid, runDir, state, rules } = input;
  const w = new ArgvWriter();
  const stubdom = d.stubdomain;
  const vnc = dmVnc(d);
  const sdl = dmSdl(d);
  const keymap = dmKeymap(d);
  const listen = rules.chardevListen;

  if (rules.consoleLimitEnv) w.setEnv('XEN_QEMU_CONSOLE_LIMIT', '1048576');

  w.add({ group: 'identity', meaning: stubdom ? 'placeholder: qemu runs inside the stub domain' : 'the qemu-xen binary', keys: ['device_model_override'] }, dm);
  w.add({ group: 'identity', meaning: 'the guest this qemu serves' }, '-xen-domid', `${domid}`);
  w.add({ group: 'identity', meaning: 'keep qemu running when the guest shuts down (libxl decides)' }, '-no-shutdown');

  if (!stubdom) {
    if (state.monitorFd >= 0) {
      w.add({ group: 'monitor', meaning: "libxl's QMP socket, opened by libxl and passed as a file descriptor", keys: ['dm_restrict'] },
        '-chardev', `socket,id=libxl-cmd,fd=${state.monitorFd},${listen}`);
      w.markLastGenerated();
      w.add({ group: 'monitor', meaning: 'start paused until libxl says "cont" over QMP', keys: ['dm_restrict'] }, '-S');
    } else {
      w.add({ group: 'monitor', meaning: "libxl's QMP control socket" }, '-chardev', `socket,id=libxl-cmd,path=${runDir}/qmp-libxl-${domid},${listen}`);
    }
    w.add({ group: 'monitor', meaning: "libxl's QMP monitor" }, '-mon', 'chardev=libxl-cmd,mode=control');
    w.add({ group: 'monitor', meaning: "xenstat's QMP socket" }, '-chardev', `socket,id=libxenstat-cmd,path=${runDir}/qmp-libxenstat-${domid},${listen}`);
    w.add({ group: 'monitor', meaning: "xenstat's QMP monitor" }, '-mon', 'chardev=libxenstat-cmd,mode=control');
  }

  for (const ch of d.channels) {
    const devid = int(ch, 'devid');
    const note = { group: 'monitor' as const, meaning: `channel ${devid}${str(ch, 'name') ? ` (${str(ch, 'name')})` : ''}`, keys: ['channel'] };
    if ('connection.socket' in ch || str(ch, 'connection') === 'socket') {
      const path = str(obj(ch, 'connection.socket'), 'path') ?? str(ch, 'path') ?? '(null)';
      w.add(note, '-chardev', `socket,id=libxl-channel${devid},path=${path},${listen}`);
    } else if ('connection.pty' in ch || str(ch, 'connection') === 'pty') {
      w.add(note, '-chardev', `pty,id=libxl-channel${devid}`);
    } else {
      return failure(logLine('channel-connection-unknown', FN, domid, `${FN}: unknown channel connection 0`));
    }
  }

  w.add({ group: 'identity', meaning: 'no default devices: only what libxl lists here' }, '-nodefaults');
  w.add({ group: 'identity', meaning: "ignore qemu's own configuration files" }, '-no-user-config');
  if (d.type !== 'hvm') w.add({ group: 'identity', meaning: 'attach to an existing PV/PVH guest (backends only)', keys: ['type'] }, '-xen-attach');
  if (d.name !== undefined) w.add({ group: 'identity', meaning: 'guest name', keys: ['name'] }, '-name', d.name);

  const vncKeys = d.type === 'hvm' ? ['vnc', 'vnclisten', 'vncdisplay', 'vncpasswd', 'vncunused'] : ['vfb'];
  if (vnc && !stubdom) {
    const addr = vncAddress(vnc, FN, domid);
    if (isFailure(addr)) return addr;
    let arg = addr;
    if (vnc.passwd !== undefined && vnc.passwd !== '') arg += ',password=on';
    if (vnc.findunused) arg += ',to=99';
    const extra = `${vnc.passwd ? '; the password is set later over QMP' : ''}${vnc.findunused ? '; tries 99 further ports if taken' : ''}`;
    w.add({ group: 'display', meaning: `VNC server on ${addr}${extra}`, keys: vncKeys }, '-vnc', arg);
  } else if (!stubdom) {
    w.add({ group: 'display', meaning: 'no VNC server', keys: vncKeys }, '-vnc', 'none');
  }
  w.add({ group: 'display', meaning: 'no display window by default' }, '-display', 'none');
  if (sdl && !stubdom) {
    w.add({ group: 'display', meaning: 'SDL window on the dom0 display', keys: ['sdl'] }, '-display', 'sdl');
    if (sdl.display !== undefined) w.setEnv('DISPLAY', sdl.display);
    if (sdl.xauthority !== undefined) w.setEnv('XAUTHORITY', sdl.xauthority);
  }
  if (keymap !== undefined) w.add({ group: 'display', meaning: 'keyboard layout', keys: ['keymap'] }, '-k', keymap);

  if (d.type === 'hvm') {
    const err = writeHvmDevices(w, { d, domid, stubdom, vnc, sdl, rules });
    if (err) return err;
    writeQemuXenNics(w, d, domid, listen);
  } else if (!sdl && !vnc) {
    w.add({ group: 'display', meaning: 'no graphical output at all' }, '-nographic');
  }

  if (d.dmRestrict) {
    const chroot = `${runDir}/qemu-root-${domid}`;
    w.add({ group: 'restrictions', meaning: 'qemu may only touch this guest (privcmd/evtchn restricted)', keys: ['dm_restrict'] }, '-xen-domid-restrict');
    if (rules.restrictChrootAndQmpFd) {
      const note = { group: 'restrictions' as const, meaning: 'chroot into an empty directory libxl creates', keys: ['dm_restrict'] };
      // 4.20+ probes the dom0 qemu for -run-with; a stub domain's qemu is never probed.
      if (rules.runWith && !stubdom) w.add(note, '-run-with', `chroot=${chroot}`);
      else w.add(note, '-chroot', chroot);
    }
  }

  for (const extra of strList(d.b, 'extra') ?? []) {
    w.add({ group: 'other', meaning: 'from device_model_args', keys: ['device_model_args'] }, extra);
  }

  if (d.type !== 'hvm') {
    w.add({ group: 'identity', meaning: 'machine type for PV backends', keys: ['type'] }, '-machine', 'xenpv');
    for (const extra of strList(d.b, 'extra_pv') ?? []) {
      w.add({ group: 'other', meaning: 'from device_model_args_pv', keys: ['device_model_args_pv'] }, extra);
    }
  } else {
    const machine = hvmMachine(d, domid, rules, w, input.host);
    if (isFailure(machine)) return machine;
    w.add({ group: 'identity', meaning: machine.meaning, keys: machine.keys }, '-machine', machine.arg);
    for (const extra of strList(d.b, 'extra_hvm') ?? []) {
      w.add({ group: 'other', meaning: 'from device_model_args_hvm', keys: ['device_model_args_hvm'] }, extra);
    }
  }

  const maxKb = int(d.b, 'max_memkb');
  const videoKb = int(d.b, 'video_memkb');
  const ramMb = sizekbToMb(maxKb - videoKb);
  w.add({ group: 'identity', meaning: `guest RAM in MiB (maxmem${videoKb ? ' minus video memory' : ''})`, keys: ['memory', 'maxmem', 'videoram'] }, '-m', `${ramMb}`);

  if (d.type === 'hvm') {
    w.setEnv('XEN_DOMAIN_ID', `${domid}`);
    const err = writeQemuXenDisks(w, d, domid, stubdom);
    if (err) return err;
    if (str(d.hvm, 'vendor_device') === 'xenserver') {
      w.add({ group: 'other', meaning: 'XenServer PV vendor device', keys: ['vendor_device'] }, '-device', 'xen-pvdevice,device-id=0xc000');
    }
    if (state.runas !== undefined) {
      const note = { group: 'restrictions' as const, meaning: 'run qemu as this unprivileged user', keys: ['device_model_user', 'dm_restrict'] };
      if (rules.runWith) w.add(note, '-run-with', `user=${state.runas}`);
      else w.add(note, '-runas', state.runas);
    }
  }
  return w;
}

/** The HVM `-machine` value: xenfv (or pc without the platform device), MMIO hole, IGD. */
function hvmMachine(d: DmView, domid: number, rules: DeviceModelRules, w: ArgvWriter, host: HostModel): { arg: string; meaning: string; keys: string[] } | Failure {
  const vmdesc = rules.suppressVmdesc ? ',suppress-vmdesc=on' : '';
  const platform = defboolVal(d.hvm, 'xen_platform_pci', true);
  let arg = platform ? `xenfv${vmdesc}` : `pc,accel=xen${vmdesc}`;
  let meaning = platform ? 'Xen HVM machine with the Xen platform device' : 'plain PC machine without the Xen platform device';
  const keys = ['type', 'xen_platform_pci'];
  const holeKb = int(d.hvm, 'mmio_hole_memkb');
  if (holeKb) {
    const below4g = 2 ** 32 - holeKb * 1024;
    const mmioStart = 0xf0000000; // HVM_BELOW_4G_MMIO_START
    if (below4g < 0 || below4g > mmioStart) {
      w.log.push(logLine('mmio-hole-invalid', 'libxl__build_device_model_args_new', domid, `mmio_hole_memkb=${holeKb} invalid ignored.\n`));
    } else {
      arg += `,max-ram-below-4g=${below4g}`;
      meaning += '; RAM below 4 GiB ends where the MMIO hole starts';
      keys.push('mmio_hole');
    }
  }
  if (defboolVal(d.hvm, 'gfx_passthru')) {
    const kind = str(d.hvm, 'gfx_passthru_kind') ?? 'default';
    if (kind === 'igd') {
      arg += ',igd-passthru=on';
      meaning += '; Intel graphics passthrough';
      keys.push('gfx_passthru');
    } else if (kind === 'default') {
      // libxl probes the PCI devices' sysfs ids here; without an Intel VGA device it gives up.
      const probe = findIntelGraphics(d, host);
      if (!probe.found) return failure(logLine('gfx-passthru-kind-undetected', 'libxl__build_device_model_args_new', domid, 'unable to detect required gfx_passthru_kind'), probe.log);
      w.log.push(...probe.log);
      arg += ',igd-passthru=on';
      meaning += '; Intel graphics passthrough (found among the PCI devices)';
      keys.push('gfx_passthru', 'pci');
    } else {
      return failure(logLine('gfx-passthru-kind-invalid', 'libxl__build_device_model_args_new', domid, 'invalid value for gfx_passthru_kind'));
    }
  }
  return { arg, meaning, keys };
}

const PCI_VENDOR_INTEL = 0x8086;
const PCI_CLASS_VGA = 0x030000;

/**
 * libxl__is_igd_vga_passthru: an Intel VGA-class device among the guest's PCI devices, read from
 * the dom0's sysfs; a device sysfs does not list makes libxl log that its vendor and device ids are
 * missing (and go on).
 */
function findIntelGraphics(d: DmView, host: HostModel): { found: boolean; log: DmLine[] } {
  const log: DmLine[] = [];
  for (const p of d.pcidevs) {
    const bdf = `${hex(p, 'domain', 4)}:${hex(p, 'bus', 2)}:${hex(p, 'dev', 2)}.${int(p, 'func')}`;
    const ids = host.pciDevice ? host.pciDevice(bdf) : 'unknown';
    if (ids === null) {
      log.push(logLine('pci-sysfs-no-vendor', 'sysfs_dev_get_vendor', undefined, `pci device ${bdf} does not have vendor attribute: No such file or directory`));
      log.push(logLine('pci-sysfs-no-device', 'sysfs_dev_get_device', undefined, `pci device ${bdf} does not have device attribute: No such file or directory`));
      continue;
    }
    if (ids !== 'unknown' && ids.vendor === PCI_VENDOR_INTEL && ids.class === PCI_CLASS_VGA) return { found: true, log };
  }
  return { found: false, log };
}

function hex(o: Pci, key: 'domain' | 'bus' | 'dev', width: number): string {
  return int(o, key).toString(16).padStart(width, '0');
}
