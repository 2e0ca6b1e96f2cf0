// What Debian's qemu-system-xen refuses of a device-model command line, per QEMU release, as data.
// Every fact was observed with the real binaries (test/oracle-4.20/qemu-accept.sh; goldens in
// test/fixtures/qemu/VERSION/, the binary's lists in test/fixtures/qemu/VERSION/binary.json):
// Debian 12's QEMU 7.2.22 on the host, Debian 13's QEMU 10.0.13 in the trixie root. What QEMU
// checks after Xen's initialisation (devices, VNC, audio) was observed with the same options on
// `-machine pc` under qtest, since no hypervisor runs there (the goldens' `late_refusals`).

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
  | 'bad-identifier'
  /** `-vnc ...,password=on` without the DES cipher VNC authentication needs (QEMU: "Cipher backend does not support DES algorithm"). */
  | 'vnc-password-not-built'
  /** A sound device when no audio driver this build has can be the default (QEMU: "no default audio driver available"). */
  | 'no-audio-driver'
  /** A device property value the device refuses when QEMU creates it (e.g. cirrus-vga's vgamem_mb). */
  | 'device-property-value'
  /** Two IDE disks or CD-ROMs on the same bus and unit (QEMU: "IDE unit N is in use"). */
  | 'ide-slot-in-use'
  /** `-usbdevice KIND:PARAMS` (QEMU: "usbdevice parameters are not supported anymore"). */
  | 'usbdevice-parameters'
  /** A keyboard layout (`-k`) with no keymap file (QEMU: "could not read keymap file"). */
  | 'unknown-keymap'
  /** More vCPUs than the xenfv machine takes (QEMU: "Invalid SMP CPUs"). */
  | 'too-many-vcpus';

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
  /** Whether VNC password authentication works (it needs a DES cipher: nettle or gcrypt). */
  readonly vncPassword: boolean;
  /** Sound devices this QEMU refuses for want of a default audio driver (it has none, spice, wav). */
  readonly audioDevicesRefused: readonly string[];
  /** cirrus-vga's vgamem_mb values (MB) its realize accepts. */
  readonly cirrusVgamemMb: readonly number[];
  /** The keymap files of /usr/share/qemu/keymaps (what `-k` may name). */
  readonly keymaps: readonly string[];
  /** The most vCPUs (-smp cpus and maxcpus) the xenfv machine takes. */
  readonly maxCpus: number;
}

/** /usr/share/qemu/keymaps of both packages. */
const KEYMAPS = [
  'ar', 'bepo', 'cz', 'da', 'de', 'de-ch', 'en-gb', 'en-us', 'es', 'et', 'fi', 'fo', 'fr', 'fr-be', 'fr-ca', 'fr-ch', 'hr',
  'hu', 'is', 'it', 'ja', 'lt', 'lv', 'mk', 'nl', 'no', 'pl', 'pt', 'pt-br', 'ru', 'sl', 'sv', 'th', 'tr',
] as const;

/** Options both builds no longer have, among those older libxl releases write. */
const REMOVED_BEFORE_7_2: Readonly<Record<string, UnknownOption>> = {
  '-soundhw': { reason: 'option-removed', instead: 'libxl of Xen 4.17 and later writes -device for soundhw; target Xen 4.17 or later, or remove soundhw' },
};

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
    ...REMOVED_BEFORE_7_2,
    '-run-with': { reason: 'option-too-new', instead: 'libxl 4.20 writes it only when its probe says QEMU takes it; -chroot and -runas are what QEMU 7.2 takes' },
  },
  displayTypes: ['none'],
  blockFormats: [...COMMON_BLOCK_FORMATS, 'vhdx', 'vmdk', 'vpc'],
  missingDevices: ['usb-redir'],
  // 7.2 still takes `-spice password=` (with a deprecation warning).
  removedParameters: {},
  vncPassword: false,
  // 7.2 falls back to the `none` audio driver.
  audioDevicesRefused: [],
  cirrusVgamemMb: [4, 8, 16],
  keymaps: KEYMAPS,
  maxCpus: 128,
};

/** Debian 13 (trixie): qemu-system-xen 1:10.0.13+ds-0+deb13u1, QEMU 10.0.13. */
export const QEMU_10_0: QemuModel = {
  version: '10.0',
  distribution: 'Debian 13',
  package: 'qemu-system-xen 1:10.0.13+ds-0+deb13u1',
  unknownOptions: {
    ...REMOVED_BEFORE_7_2,
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
  vncPassword: false,
  // Every sound card libxl writes for soundhw (intel-hda, the HDA controller, is not an audio device).
  audioDevicesRefused: ['ac97', 'adlib', 'cs4231a', 'es1370', 'gus', 'hda-duplex', 'sb16'],
  cirrusVgamemMb: [4, 8, 16],
  keymaps: KEYMAPS,
  maxCpus: 128,
};

export const QEMU_MODELS: Readonly<Record<QemuVersion, QemuModel>> = { '7.2': QEMU_7_2, '10.0': QEMU_10_0 };

/** The model of a QEMU version as a package database gives it (`1:10.0.13+ds-0+deb13u1` -> 10.0). */
export function qemuModelForVersion(version: string): QemuModel | undefined {
  const m = /^(?:\d+:)?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return undefined;
  const v = `${Number(m[1])}.${Number(m[2])}`;
  return isQemuVersion(v) ? QEMU_MODELS[v] : undefined;
}
