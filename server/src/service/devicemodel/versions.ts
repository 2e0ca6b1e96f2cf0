// Mirrors the release-to-release differences of tools/libs/light/libxl_dm.c between Xen 4.10 and
// 4.22 (the builders themselves follow 4.17.7). The one place where the device-model command line
// depends on the targeted Xen version.
import { versionNumber, type XenVersion } from '../options';

export interface DeviceModelRules {
  readonly xenVersion: XenVersion;
  /** Suffix of listening chardevs: `server=on,wait=off` from 4.16, `server,nowait` before. */
  readonly chardevListen: string;
  /** `,suppress-vmdesc=on` in `-machine` (4.15+). */
  readonly suppressVmdesc: boolean;
  /** qemu-xen: `soundhw` as `-device <card>` with libxl's own check (4.17+), else `-soundhw <value>`. */
  readonly soundhwAsDevice: boolean;
  /** dm_restrict: pre-opened QMP fd + `-S` and `-chroot` (4.12+). */
  readonly restrictChrootAndQmpFd: boolean;
  /** `XEN_QEMU_CONSOLE_LIMIT` in qemu's environment (dropped in 4.20). */
  readonly consoleLimitEnv: boolean;
  /** `-run-with chroot=`/`user=` instead of `-chroot`/`-runas` (4.20+, when QEMU offers them). */
  readonly runWith: boolean;
  /** qemu-xen-traditional still exists (removed in 4.21). */
  readonly traditionalAvailable: boolean;
  /** A stub domain's serial ports become its consoles /dev/hvc3... (4.14+, with Linux stub domains). */
  readonly stubdomSerialConsoles: boolean;
  /** The label the preview shows. */
  readonly label: string;
}

const MODELLED_EXACTLY: readonly string[] = ['4.17', '4.18', '4.19'];

export function deviceModelRules(version: XenVersion): DeviceModelRules {
  const n = versionNumber(version);
  const runWith = n >= versionNumber('4.20');
  let label: string;
  if (MODELLED_EXACTLY.includes(version)) {
    label = `as Xen ${version} builds it`;
  } else if (runWith) {
    label = `as Xen ${version} builds it, assuming a QEMU (9.1 or later) that offers -run-with`;
  } else if (n < versionNumber('4.12')) {
    label = `as Xen 4.17 builds it, with the ${version} differences known here (not the ${version} dm_restrict user lookup)`;
  } else {
    label = `as Xen 4.17 builds it, with the ${version} differences known here`;
  }
  return {
    xenVersion: version,
    chardevListen: n >= versionNumber('4.16') ? 'server=on,wait=off' : 'server,nowait',
    suppressVmdesc: n >= versionNumber('4.15'),
    soundhwAsDevice: n >= versionNumber('4.17'),
    restrictChrootAndQmpFd: n >= versionNumber('4.12'),
    consoleLimitEnv: n < versionNumber('4.20'),
    runWith,
    traditionalAvailable: n < versionNumber('4.21'),
    stubdomSerialConsoles: n >= versionNumber('4.14'),
    label,
  };
}

/**
 * libxl 4.20+ asks the dom0's QEMU whether it takes `-run-with` (chroot= and user=, QEMU 9.1 on);
 * when the host's QEMU release is known to lack it (Debian 12's 7.2), libxl falls back to `-chroot`
 * and `-runas`. `qemuVersion`: a release ('7.2') or a Debian package version ('1:10.0.13+ds-0+deb13u1').
 */
export function withQemuProbe(rules: DeviceModelRules, qemuVersion: string | undefined): DeviceModelRules {
  if (!rules.runWith || qemuVersion === undefined) return rules;
  const [major = 0, minor = 0] = qemuVersion.replace(/^\d+:/, '').split(/[.+~-]/).map((x) => Number.parseInt(x, 10));
  if (major > 9 || (major === 9 && minor >= 1)) return rules;
  return { ...rules, runWith: false, label: `as Xen ${rules.xenVersion} builds it for QEMU ${major}.${minor}, which has no -run-with (libxl falls back to -chroot and -runas)` };
}
