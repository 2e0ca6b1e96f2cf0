// What Debian's qemu-system-xen refuses of a device-model command line, per QEMU release, as data.
// Every fact was observed with the real binaries (test/oracle-4.20/qemu-accept.sh; goldens in
// test/fixtures/qemu/VERSION/, the binary's lists in test/fixtures/qemu/VERSION/binary.json):
// Debian 12's QEMU 7.2.22 on the host, Debian 13's QEMU 10.0.13 in the trixie root.

/** QEMU releases with a model. */
export const QEMU_VERSIONS = ['7.2', '10.0'] as const;
export type QemuVersion = (typeof QEMU_VERSIONS)[number];

export function isQemuVersion(v: string): v is QemuVersion {
  return (QEMU_VERSIONS as readonly string[]).includes(v);
}

/** Why QEMU refuses an option (stable ids, for data and code actions). */
export type QemuRefusalReason =
  /** The option was removed from QEMU (QEMU: "invalid option"). */
  | 'option-removed'
  /** The option is newer than this QEMU (QEMU: "invalid option"). */
  | 'option-too-new'
  /** A `-display` type this build of QEMU does not have. */
  | 'display-not-built'
  /** A `-drive format=` this build of QEMU does not have (QEMU: "Unknown driver"). */
  | 'block-format-not-built'
  /** A `-device` this build of QEMU does not have. */
  | 'device-not-built'
  /** A parameter of an option that QEMU no longer takes (QEMU: "Invalid parameter"). */
  | 'parameter-removed'
  /** `-global` without the DRIVER.PROPERTY=VALUE form (QEMU: "Invalid parameter"). */
  | 'global-syntax'
  /** An `id=` that is not a QEMU identifier, e.g. libxl's `id=(null)` (QEMU: "expects an identifier"). */
  | 'bad-identifier';

/** An option QEMU does not know at all, and what libxl or the user should write instead. */
export interface UnknownOption {
  readonly reason: 'option-removed' | 'option-too-new';
  /** What to write instead, in our words. */
  readonly instead: string;
}

export interface QemuModel {
  readonly version: QemuVersion;
  /** The Debian package the facts come from. */
  readonly distribution: string;
  readonly package: string;
  /** Options this binary answers "invalid option" to, among those libxl can emit. */
  readonly unknownOptions: Readonly<Record<string, UnknownOption>>;
  /** `-display help`: the display types built in. */
  readonly displayTypes: readonly string[];
  /** `-drive format=help`: the block drivers built in (what a `-drive format=` may name). */
  readonly blockFormats: readonly string[];
  /** Devices libxl can ask for that this build lacks (not in `-device help`). */
  readonly missingDevices: readonly string[];
  /** Parameters of an option this QEMU refuses: option -> parameter -> what to use instead. */
  readonly removedParameters: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Block drivers both builds have, as `-drive format=help` lists them. */
const COMMON_BLOCK_FORMATS = [
  'blkdebug', 'blklogwrites', 'blkverify', 'compress', 'copy-before-write', 'copy-on-read', 'file', 'host_cdrom',
  'host_device', 'luks', 'nbd', 'null-aio', 'null-co', 'nvme', 'preallocate', 'qcow2', 'quorum', 'raw',
  'snapshot-access', 'throttle',
] as const;

/** Debian 12 (bookworm): qemu-system-xen 1:7.2+dfsg-7+deb12u18, QEMU 7.2.22. */
export const QEMU_7_2: QemuModel = {
  version: '7.2',
  distribution: 'Debian 12',
  package: 'qemu-system-xen 1:7.2+dfsg-7+deb12u18+b3',
  unknownOptions: {
    '-run-with': { reason: 'option-too-new', instead: 'libxl 4.20 writes it only when its probe says QEMU takes it; -chroot and -runas are what QEMU 7.2 takes' },
  },
  displayTypes: ['none'],
  blockFormats: [...COMMON_BLOCK_FORMATS, 'vhdx', 'vmdk', 'vpc'],
  missingDevices: ['usb-redir'],
  // 7.2 still takes `-spice password=` (with a deprecation warning).
  removedParameters: {},
};

/** Debian 13 (trixie): qemu-system-xen 1:10.0.13+ds-0+deb13u1, QEMU 10.0.13. */
export const QEMU_10_0: QemuModel = {
  version: '10.0',
  distribution: 'Debian 13',
  package: 'qemu-system-xen 1:10.0.13+ds-0+deb13u1',
  unknownOptions: {
    '-no-acpi': { reason: 'option-removed', instead: 'QEMU wants -machine acpi=off, which libxl does not write: keep ACPI on (acpi = 1)' },
    '-chroot': { reason: 'option-removed', instead: 'QEMU wants -run-with chroot=DIR, which libxl 4.20 writes when its QEMU probe succeeds' },
    '-runas': { reason: 'option-removed', instead: 'QEMU wants -run-with user=USER, which libxl 4.20 writes when its QEMU probe succeeds' },
  },
  displayTypes: ['none'],
  blockFormats: [...COMMON_BLOCK_FORMATS],
  missingDevices: ['usb-redir'],
  removedParameters: {
    '-spice': { password: 'QEMU 10 takes the spice password only as a secret object (password-secret=), which libxl does not write' },
  },
};

export const QEMU_MODELS: Readonly<Record<QemuVersion, QemuModel>> = { '7.2': QEMU_7_2, '10.0': QEMU_10_0 };

/** The model of a QEMU version as a package database gives it (`1:10.0.13+ds-0+deb13u1` -> 10.0). */
export function qemuModelForVersion(version: string): QemuModel | undefined {
  const m = /^(?:\d+:)?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return undefined;
  const v = `${Number(m[1])}.${Number(m[2])}`;
  return isQemuVersion(v) ? QEMU_MODELS[v] : undefined;
}
