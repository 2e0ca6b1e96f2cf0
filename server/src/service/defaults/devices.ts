// Mirrors the per-device defaults libxl applies while creating a domain (Xen 4.17):
// libxl__device_disk_setdefault + libxl__device_disk_set_backend (libxl_disk.c, libxl_device.c),
// libxl__device_nic_set_devids + libxl__device_nic_setdefault (libxl_nic.c) and
// libxl__device_vfb_setdefault (libxl_console.c).
import type { DefaultsEnv } from './context';
import { strerror } from './context';
import { channelConsoleChecks, diskBackends419 } from './versions';
import { child, defboolDefault, type Json } from './json';
import { defboolVal, int, num, str, type Disk, type Nic, type Sdl, type Vfb, type Vnc } from '../model/domain-view';

const DISK_FN = 'libxl__device_disk_setdefault';
const BACKEND_FN = 'libxl__device_disk_set_backend';
const NIC_FN = 'libxl__device_nic_setdefault';

/**
 * libxl__resolve_domid: a backend given by name (backend=) must be a running domain; a number is
 * taken as a domid. libxl fails silently here (only the caller's follow-up line is printed), so
 * the reason is stated in our words.
 */
function resolveBackend(dev: Json, what: 'disk' | 'nic' | 'vfb', env: DefaultsEnv): boolean {
  const name = str(dev, 'backend_domname');
  if (!name) return true;
  if (/^\d+$/.test(name)) { setDomid(dev, Number(name)); return true; }
  const domid = name === env.guestName ? env.domid : env.host.lookupDomain(name);
  if (domid === 'unknown') {
    env.assume({ reason: 'backend-domain', text: `the backend domain "${name}" must be running when the guest starts` });
    return true;
  }
  if (domid === null) {
    env.failSilently(`no domain named "${name}" is running on the host, so libxl cannot use it as the ${what} backend`);
    return false;
  }
  setDomid(dev, domid);
  return true;
}

/** backend_domid: 0 is the IDL default and stays out of the JSON. */
function setDomid(dev: Json, domid: number): void {
  if (domid === 0) delete dev.backend_domid;
  else dev.backend_domid = domid;
}

export function diskSetDefault(disk: Disk, type: 'hvm' | 'pv' | 'pvh', env: DefaultsEnv): boolean {
  defboolDefault(disk, 'discard_enable', int(disk, 'readwrite') !== 0);
  defboolDefault(disk, 'colo_enable', false);
  defboolDefault(disk, 'colo_restore_enable', false);
  defboolDefault(disk, 'trusted', true);
  if (!resolveBackend(disk, 'disk', env)) return false;

  const spec = str(disk, 'specification');
  if (spec === undefined || spec === 'unknown') disk.specification = 'xen';
  const transport = str(disk, 'transport');
  const transportSet = transport !== undefined && transport !== 'unknown';
  if (disk.specification === 'xen' && transportSet) {
    env.log.error('disk-transport-not-virtio', DISK_FN, 'Transport is only supported for specification virtio', ['disk']);
    return false;
  }
  if (disk.specification === 'virtio') {
    if (transportSet && transport !== 'mmio') {
      env.log.error('disk-transport-unsupported', DISK_FN, 'Unsupported transport for specification virtio', ['disk']);
      return false;
    }
    disk.transport = 'mmio';
  }
  const backend = str(disk, 'backend');
  const cdrom = int(disk, 'is_cdrom') !== 0;
  if (diskBackends419(env)) {
    if (cdrom && type === 'hvm') {
      if (backend === undefined || backend === 'unknown') disk.backend = 'qdisk';
      else if (backend !== 'qdisk' && backend !== 'phy') {
        env.log.error('cdrom-backend', DISK_FN, 'Backend for CD devices on HVM guests must be Qdisk or Phy', ['disk']);
        return false;
      }
    }
    // An empty CD-ROM on a dom0 phy backend gets a placeholder file (created by libxl).
    if (cdrom && str(disk, 'format') === 'empty' && disk.backend === 'phy' && int(disk, 'backend_domid') === 0) {
      disk.pdev_path = `${env.paths.runDir}/empty-cdrom.${env.domid}`;
    }
  } else if (cdrom && type === 'hvm') {
    if (backend !== undefined && backend !== 'unknown' && backend !== 'qdisk') {
      env.log.error('cdrom-backend', DISK_FN, 'Backend for CD devices on HVM guests must be Qdisk', ['disk']);
      return false;
    }
    disk.backend = 'qdisk';
  }
  return diskSetBackend(disk, env);
}

type DiskBackend = 'phy' | 'qdisk' | 'tap' | 'standalone';

function diskSetBackend(disk: Disk, env: DefaultsEnv): boolean {
  const vdev = str(disk, 'vdev') ?? '';
  const format = str(disk, 'format') ?? 'unknown';
  const backend = str(disk, 'backend') ?? 'unknown';
  const path = str(disk, 'pdev_path');
  const local = int(disk, 'backend_domid') === 0;
  const script = str(disk, 'script');
  let kind: 'block' | 'file' | 'other' | 'none' = 'none';

  if (format === 'empty') {
    if (!int(disk, 'is_cdrom')) {
      env.log.diskError('disk-empty-not-cdrom', BACKEND_FN, `Disk vdev=${vdev} is empty but not cdrom`, vdev);
      return false;
    }
    const placeholder = diskBackends419(env) && path?.startsWith(`${env.paths.runDir}/empty-cdrom`);
    if (path && !placeholder) {
      env.log.diskError('disk-empty-with-image', BACKEND_FN, `Disk vdev=${vdev} is empty but an image has been provided: ${path}`, vdev);
      return false;
    }
  } else if ((backend === 'unknown' || backend === 'phy' || backend === 'standalone') && local && !script) {
    const k = env.host.pathKind(path ?? '');
    if (k === 'missing') {
      env.log.diskError('disk-stat-failed', BACKEND_FN, `Disk vdev=${vdev} failed to stat: ${path ?? '(null)'}: ${strerror('enoent')}`, vdev);
      return false;
    }
    if (k === 'unknown') {
      env.assume({ reason: 'disk-image', text: `the disk image ${path} must exist on the dom0 (a block device gets the phy backend, a file qdisk)` });
      kind = path?.startsWith('/dev/') ? 'block' : 'file';
    } else kind = k;
  }

  const spec = str(disk, 'specification');
  const tryBackend = (b: DiskBackend): DiskBackend | undefined => {
    if ((spec === 'virtio') !== (b === 'standalone')) return undefined;
    switch (b) {
      case 'phy':
      case 'standalone':
        if (b === 'phy' && diskBackends419(env) && !defboolVal(disk, 'colo_enable') && int(disk, 'is_cdrom') && format === 'empty') return b;
        if (format !== 'raw') return undefined;
        if (b === 'standalone' && script) return undefined;
        if (defboolVal(disk, 'colo_enable')) return undefined;
        if (!local) return b;
        if (b === 'phy' && script) return b;
        // libxl__try_phy_backend (Linux): block devices and regular files (via loop) both qualify.
        return kind === 'block' || kind === 'file' ? b : undefined;
      case 'tap':
        // Up to 4.18 libxl has no blktap; from 4.19 it takes raw and vhd images (not COLO).
        if (!diskBackends419(env) || (format !== 'raw' && format !== 'vhd') || defboolVal(disk, 'colo_enable')) return undefined;
        return b;
      case 'qdisk':
        return script ? undefined : b;
    }
  };
  const chosen = backend !== 'unknown'
    ? tryBackend(backend as DiskBackend)
    : tryBackend('phy') ?? tryBackend('qdisk') ?? tryBackend('tap') ?? tryBackend('standalone');
  if (!chosen) {
    env.log.diskError('disk-no-backend', BACKEND_FN, `no suitable backend for disk ${vdev}`, vdev);
    return false;
  }
  disk.backend = chosen;
  return true;
}

/** libxl__device_nic_set_devids: defaults for every nic, then devids for those without one. */
export function nicsSetDefault(nics: Json[], type: 'hvm' | 'pv' | 'pvh', env: DefaultsEnv): boolean {
  for (let i = 0; i < nics.length; i++) {
    if (!nicSetDefault(nics[i]!, i, type, env)) {
      env.log.followUp('nic-defaults-failed', 'libxl__device_nic_set_devids', `Unable to set nic defaults for nic ${i}`, ['vif'], env.takeSilentFailure());
      return false;
    }
  }
  // libxl compares with an unsigned "last devid" that starts at SIZE_MAX, so explicit devids
  // never raise it: nics without a devid are numbered from 0 regardless.
  let last = -1;
  for (const nic of nics) {
    const devid = num(nic, 'devid');
    if (devid === undefined || devid < 0) nic.devid = ++last;
  }
  return true;
}

function nicSetDefault(nic: Nic, index: number, type: 'hvm' | 'pv' | 'pvh', env: DefaultsEnv): boolean {
  if (!int(nic, 'mtu')) nic.mtu = 1500;
  if (str(nic, 'model') === undefined) nic.model = 'rtl8139';
  const mac = str(nic, 'mac');
  if (!mac || mac === '00:00:00:00:00:00') {
    const [r0, r1, r2] = env.nextUuidBytes();
    nic.mac = ['00', '16', '3e', r0 & 0x7f, r1, r2]
      .map((b) => (typeof b === 'string' ? b : b.toString(16).padStart(2, '0'))).join(':');
    env.generated.push({ pointer: `/nics/${index}/mac`, what: 'random MAC address (00:16:3e:xx:xx:xx)' });
  }
  if (str(nic, 'bridge') === undefined) nic.bridge = 'xenbr0';
  if (str(nic, 'script') === undefined) nic.script = `${env.paths.scriptDir}/vif-bridge`;
  if (!resolveBackend(nic, 'nic', env)) return false;
  const nictype = str(nic, 'nictype');
  if (type === 'hvm') {
    if (!nictype || nictype === 'unknown') nic.nictype = 'vif_ioemu';
  } else {
    if (nictype === 'vif_ioemu') {
      env.log.error('nic-emulated-on-pv', NIC_FN, 'trying to create PV or PVH guest with an emulated interface', ['vif']);
      return false;
    }
    nic.nictype = 'vif';
  }
  defboolDefault(nic, 'trusted', true);
  return true;
}

/**
 * libxl__init_console_from_channel, as domcreate_launch_dm calls it: channel i becomes console i+1,
 * and a channel whose devid the application left unset (xl from 4.18 on) takes that number.
 */
export function channelsSetDevids(channels: Json[], env: DefaultsEnv): boolean {
  for (let i = 0; i < channels.length; i++) {
    const ch = channels[i]!;
    const devid = num(ch, 'devid');
    if (devid === undefined || devid === -1) ch.devid = i + 1;
    // libxl checks each channel's name here (xl has checked its connection and path). The 4.17
    // oracle does not run this step (its xl numbers the channels itself), so neither do we there.
    if (channelConsoleChecks(env) && str(ch, 'name') === undefined) {
      env.log.error('channel-no-name', 'libxl__init_console_from_channel', `channel ${num(ch, 'devid')} has no name`, ['channel']);
      return false;
    }
  }
  return true;
}

/** libxl__device_vfb_setdefault (PV/PVH framebuffers). */
export function vfbSetDefault(vfb: Vfb, env: DefaultsEnv): boolean {
  const vnc: Vnc = child(vfb, 'vnc');
  defboolDefault(vnc, 'enable', true);
  if (defboolVal(vnc, 'enable')) {
    if (str(vnc, 'listen') === undefined) vnc.listen = '127.0.0.1';
    defboolDefault(vnc, 'findunused', true);
  } else {
    defboolDefault(vnc, 'findunused', false);
  }
  const sdl: Sdl = child(vfb, 'sdl');
  defboolDefault(sdl, 'enable', false);
  defboolDefault(sdl, 'opengl', false);
  return resolveBackend(vfb, 'vfb', env);
}
