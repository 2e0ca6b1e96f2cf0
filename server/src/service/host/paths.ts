// Mirrors the build-time paths libxl is compiled with (config/Paths.mk.in, m4/paths.m4, the
// QEMU_XEN_PATH of tools/configure.ac; Xen 4.17): Debian's packaging and an upstream default
// `./configure && make install` (prefix /usr/local).
import type { PathsProfile, XenVersion } from '../options';

export interface XenPaths {
  readonly profile: PathsProfile;
  /** QEMU_XEN_PATH: the qemu-xen binary libxl runs when device_model_override is unset. */
  readonly qemuXen: string;
  /** LIBEXEC_BIN/qemu-dm: the qemu-xen-traditional binary. */
  readonly qemuTraditional: string;
  /** XENFIRMWAREDIR: hvmloader, stubdomain images, the PV shim. */
  readonly firmwareDir: string;
  /** XEN_RUN_DIR: QMP sockets and dm_restrict chroot directories. */
  readonly runDir: string;
  /** XEN_SCRIPT_DIR: hotplug scripts (vif-bridge, block). */
  readonly scriptDir: string;
  /** XEN_LOG_DIR */
  readonly logDir: string;
  /**
   * Whether libxl falls back to qemu-xen-traditional when it picked qemu-xen itself and the binary
   * is missing. Upstream did until 4.20; Debian patches the fallback out of its 4.17 libxl.
   */
  readonly fallbackToTraditional: boolean;
}

export const DEBIAN_PATHS: XenPaths = {
  profile: 'debian',
  qemuXen: '/usr/libexec/xen-qemu-system-i386',
  qemuTraditional: '/usr/lib/xen-4.17/bin/qemu-dm',
  firmwareDir: '/usr/lib/xen-4.17/boot',
  runDir: '/var/run/xen',
  scriptDir: '/etc/xen/scripts',
  logDir: '/var/log/xen',
  fallbackToTraditional: false,
};

export const UPSTREAM_PATHS: XenPaths = {
  profile: 'upstream',
  qemuXen: '/usr/local/lib/xen/bin/qemu-system-i386',
  qemuTraditional: '/usr/local/lib/xen/bin/qemu-dm',
  firmwareDir: '/usr/local/lib/xen/boot',
  runDir: '/var/run/xen',
  scriptDir: '/etc/xen/scripts',
  logDir: '/var/log/xen',
  fallbackToTraditional: true,
};

/** The paths for a profile. Debian's versioned directory follows the Xen version targeted. */
export function xenPaths(profile: PathsProfile, version?: XenVersion): XenPaths {
  if (profile === 'upstream') return UPSTREAM_PATHS;
  if (!version || version === '4.17') return DEBIAN_PATHS;
  return {
    ...DEBIAN_PATHS,
    qemuTraditional: `/usr/lib/xen-${version}/bin/qemu-dm`,
    firmwareDir: `/usr/lib/xen-${version}/boot`,
  };
}

/** Joins a directory and a file name the way libxl__abs_path does (no doubled slash). */
export function absPath(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
