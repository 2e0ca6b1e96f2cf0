// The `local` host profile: answers from the machine the editor runs on, through an injected
// reader (the node implementation lives in server/src/node/local-host.ts; this file stays pure).
// Only a dom0 knows the hypervisor's answers; elsewhere the model says 'unknown' for everything
// that depends on the dom0, so that checks say what libxl will need rather than guess.
import type { HostComponent, HostModel, HostPhysinfo, HostUser, PathAccess, PathKind } from './host-model';
import type { XenPaths } from './paths';
import { absPath } from './paths';

/** What the local machine can tell; every method must be cheap or cached by the implementation. */
export interface LocalHostReader {
  /** True when this machine is a Xen control domain (e.g. /proc/xen/capabilities says control_d). */
  isDom0(): boolean;
  /** Physinfo as `xl info` would give it, or undefined when it cannot be read. */
  physinfo(): HostPhysinfo | undefined;
  /** getpwnam-like lookup (NSS included): the user, or null when absent. */
  lookupUser(name: string): HostUser | null;
  /** getpwuid-like lookup. */
  lookupUid?(uid: number): HostUser | null;
  /** access(2). */
  access(path: string, mode: 'x' | 'r'): Exclude<PathAccess, 'unknown'>;
  /** stat(2), reduced to what libxl's disk backend choice needs. */
  pathKind(path: string): Exclude<PathKind, 'unknown'>;
  /**
   * The package database's text about the package that installs qemu-xen (dpkg's status file, or
   * just its stanza), or undefined when it cannot be read. Never runs QEMU.
   */
  dpkgStatus?(): string | undefined;
}

/** Debian's package of qemu-xen (QEMU_XEN_PATH /usr/libexec/xen-qemu-system-i386). */
export const QEMU_XEN_PACKAGE = 'qemu-system-xen';

/** The installed version of `pkg` in dpkg's status file (`Status: ... ok installed`), else undefined. */
export function qemuVersionFromDpkgStatus(status: string, pkg: string = QEMU_XEN_PACKAGE): string | undefined {
  for (const stanza of status.split(/\n\s*\n/)) {
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(stanza)?.[1]?.trim();
    if (field('Package') !== pkg) continue;
    if (!/^\S+ ok installed$/.test(field('Status') ?? '')) continue; // `install ok installed`, `hold ok installed`
    return field('Version') || undefined;
  }
  return undefined;
}

export function localHost(reader: LocalHostReader, paths: XenPaths): HostModel {
  const dom0 = safe(() => reader.isDom0(), false);
  const componentPath: Record<HostComponent, { path: string; mode: 'x' | 'r' }> = {
    'qemu-xen': { path: paths.qemuXen, mode: 'x' },
    'qemu-traditional': { path: paths.qemuTraditional, mode: 'x' },
    'stubdom-minios': { path: absPath(paths.firmwareDir, 'ioemu-stubdom.gz'), mode: 'r' },
    'stubdom-linux': { path: absPath(paths.firmwareDir, 'qemu-stubdom-linux-kernel'), mode: 'r' },
  };
  const physinfo = dom0 ? safe(() => reader.physinfo(), undefined) ?? 'unknown' : 'unknown';
  // Debian's qemu-xen comes from its package; an upstream `make install` has no package to ask.
  const status = dom0 && paths.profile === 'debian' && reader.dpkgStatus ? safe(() => reader.dpkgStatus!(), undefined) : undefined;
  const qemuVersion = status === undefined ? undefined : qemuVersionFromDpkgStatus(status);
  return {
    profile: 'local',
    description: dom0
      ? 'this machine (a Xen dom0)'
      : 'this machine, which is not a Xen dom0: host-dependent answers are unknown',
    physinfo,
    installed: (c) => {
      if (!dom0) return 'unknown';
      const { path, mode } = componentPath[c];
      return safe(() => reader.access(path, mode), 'enoent') === 'ok';
    },
    lookupUser: (name) => (dom0 ? safe(() => reader.lookupUser(name), null) : 'unknown'),
    lookupUid: (uid) => (dom0 && reader.lookupUid ? safe(() => reader.lookupUid!(uid), null) : 'unknown'),
    access: (path, mode) => (dom0 ? safe(() => reader.access(path, mode), 'enoent') : 'unknown'),
    pathKind: (path) => (dom0 ? safe(() => reader.pathKind(path), 'missing') : 'unknown'),
    // Driver domains come and go: whether one runs when the guest starts is not knowable now.
    lookupDomain: (name) => (name === 'Domain-0' ? 0 : 'unknown'),
    ...(qemuVersion !== undefined ? { qemuVersion } : {}),
  };
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
