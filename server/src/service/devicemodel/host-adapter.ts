// Answers the device-model spawn path's questions about the dom0 (access(2) on the binary and the
// stub-domain images, getpwnam_r/getpwuid_r) from the host model and libxl's compiled-in paths.
import type { HostModel, PathAccess } from '../host/host-model';
import { absPath, type XenPaths } from '../host/paths';
import type { DeviceModelHost, DeviceModelUser } from './types';

export interface AccessAnswer {
  readonly ok: boolean | 'unknown';
  /** strerror text when not ok. */
  readonly reason: string;
}

function fromAccess(a: PathAccess): AccessAnswer {
  switch (a) {
    case 'ok': return { ok: true, reason: '' };
    case 'enoent': return { ok: false, reason: 'No such file or directory' };
    case 'eacces': return { ok: false, reason: 'Permission denied' };
    default: return { ok: 'unknown', reason: '' };
  }
}

function fromInstalled(v: boolean | 'unknown'): AccessAnswer {
  return v === 'unknown' ? { ok: 'unknown', reason: '' } : v ? { ok: true, reason: '' } : { ok: false, reason: 'No such file or directory' };
}

export interface SpawnHost extends DeviceModelHost {
  execAccess(path: string): AccessAnswer;
  readAccess(path: string): AccessAnswer;
}

export function spawnHost(host: HostModel, paths: XenPaths): SpawnHost {
  const execAccess = (path: string): AccessAnswer => {
    if (path === paths.qemuXen) return fromInstalled(host.installed('qemu-xen'));
    if (path === paths.qemuTraditional) return fromInstalled(host.installed('qemu-traditional'));
    return fromAccess(host.access(path, 'x'));
  };
  const readAccess = (path: string): AccessAnswer => {
    if (path === absPath(paths.firmwareDir, 'ioemu-stubdom.gz')) return fromInstalled(host.installed('stubdom-minios'));
    if (path === absPath(paths.firmwareDir, 'qemu-stubdom-linux-kernel') || path === absPath(paths.firmwareDir, 'qemu-stubdom-linux-rootfs')) {
      return fromInstalled(host.installed('stubdom-linux'));
    }
    return fromAccess(host.access(path, 'r'));
  };
  const byUid = (host as HostModel & { lookupUid?: (uid: number) => DeviceModelUser | null | 'unknown' }).lookupUid;
  return {
    execAccess,
    readAccess,
    userByName: (name) => host.lookupUser(name),
    // The host model has no uid lookup yet: a clash with another user cannot be seen.
    userByUid: (uid) => (byUid ? byUid.call(host, uid) : 'unknown'),
  };
}
