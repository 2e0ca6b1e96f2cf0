// The device-model (qemu) command line as libxl would spawn it, and what the builders need to
// know about the dom0 they run on. Shapes follow the oracle's `dm-argv` JSON (test/oracle).
import type { AnalysisOptions } from '../options';
import type { HostModel } from '../host/host-model';
import type { Assumption } from '../defaults';

/** Which part of the command line an argument belongs to, for the grouped preview. */
export type ArgGroup = 'identity' | 'monitor' | 'display' | 'disks' | 'network' | 'restrictions' | 'other';

export const ARG_GROUPS: readonly ArgGroup[] = [
  'identity', 'monitor', 'display', 'disks', 'network', 'restrictions', 'other',
];

/** One note per argv element (same index): its group and what it means. */
export interface ArgNote {
  readonly group: ArgGroup;
  /** Short meaning of the option this element belongs to (shared by the option and its values). */
  readonly meaning: string;
  /** True for the first element of an option (e.g. `-chardev`), false for its values. */
  readonly first: boolean;
  /** The xl.cfg key(s) that produced this argument, when one did. */
  readonly keys?: readonly string[];
}

/**
 * `crash`: libxl itself dies (abort()) on the way, so the guest never starts and there is no
 * message of libxl's to quote; `crash` holds the reason in our words.
 */
export type DeviceModelOutcome = 'spawn' | 'stubdom' | 'no_device_model' | 'error' | 'crash';
export type DeviceModelVersion = 'qemu_xen' | 'qemu_xen_traditional';

/**
 * Why libxl's device-model path logs a line or refuses (libxl_dm.c, one id per line we model), so
 * that later stages read a reason and keys, never libxl's wording.
 */
export type DmReason =
  // libxl__spawn_local_dm / libxl__spawn_stub_dm
  | 'dm-not-executable' | 'dm-install-hint' | 'stubdomain-image-missing' | 'traditional-removed'
  // libxl__domain_get_device_model_uid
  | 'dm-user-root' | 'dm-user-missing' | 'dm-user-uid-taken' | 'dm-user-shared-fallback' | 'dm-user-none'
  // the display helpers
  | 'vnc-display-twice' | 'spice-no-port' | 'spice-no-password' | 'spice-empty-password'
  // libxl__build_device_model_args_old (qemu-xen-traditional)
  | 'dm-restrict-traditional' | 'direct-kernel-boot-traditional' | 'gfx-passthru-kind-unsupported'
  // both builders
  | 'video-card-invalid' | 'usbdevice-and-list'
  // libxl__build_device_model_args_new (qemu-xen)
  | 'disk-number-unknown' | 'disk-format-empty' | 'disk-stubdomain-limit' | 'disk-format-unknown'
  | 'disk-no-local-access' | 'cdrom-slot' | 'disk-read-only-ahci' | 'disk-read-only-ide' | 'ide-disk-limit'
  | 'serial-and-list' | 'soundhw-unknown' | 'usbversion-invalid' | 'usbredirection-invalid'
  | 'channel-connection-unknown' | 'mmio-hole-invalid' | 'gfx-passthru-kind-undetected' | 'gfx-passthru-kind-invalid'
  | 'pci-sysfs-no-vendor' | 'pci-sysfs-no-device';

/** One line libxl logs on the device-model path: its reason and keys as data, its words for display. */
export interface DmLine {
  readonly reason: DmReason;
  /** The libxl function that logs it ('' for a line xl prints without one). */
  readonly function: string;
  /** libxl's words after `function: Domain N:`. */
  readonly text: string;
  /** The whole line as in DeviceModelResult.log / .error (`function: Domain N:text`). */
  readonly line: string;
  /** The xl.cfg keys the line is about, most relevant first. */
  readonly keys: readonly string[];
  /** The disk (vdev) the line names, when it names one. */
  readonly vdev?: string;
}

export interface DeviceModelResult {
  readonly outcome: DeviceModelOutcome;
  /**
   * The version libxl had chosen when it finished or failed: `unknown` when it refused the config
   * before choosing one (an unknown cpupool, PoD with passthrough, ...) and xl had not written one.
   */
  readonly device_model_version: DeviceModelVersion | 'unknown';
  /** argv[0] is the binary; `stubdom-dm` for the device model that runs inside a stub domain. */
  readonly argv: string[];
  readonly env: Record<string, string>;
  /** libxl's error line (`function: Domain 1:message`), when outcome is `error`. */
  readonly error?: string;
  /** Every line libxl would log at warning level or above while getting here, errors included. */
  readonly log: string[];
  /**
   * The device-model builder's lines of `log` as data, in order (without `failure`, `failureContext`
   * and the defaults' lines that deviceModelFromConfig adds to `log`).
   */
  readonly lines: readonly DmLine[];
  /** `error` as data, when the device-model builder refused (not the defaults). */
  readonly failure?: DmLine;
  /** The error lines libxl logs just before `failure`, which say why (outcome `error`). */
  readonly failureContext?: readonly DmLine[];
  readonly notes: ArgNote[];
  /** Indexes of argv elements holding generated values (MACs, the QMP fd) to show as such. */
  readonly placeholders: number[];
  /** Why no device model is started (outcome `no_device_model`). */
  readonly reason?: string;
  /** Why libxl crashes (outcome `crash`). */
  readonly crash?: string;
  /** Which builder produced this, e.g. "as Xen 4.17 builds it". */
  readonly label: string;
  /** Things the host model could not answer and were assumed (e.g. a user on the dom0). */
  readonly assumptions: Assumption[];
}

/** A passwd entry as getpwnam_r/getpwuid_r return it. */
export interface DeviceModelUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/**
 * What the device-model spawn path asks of the dom0 (an adapter over the host model). `'unknown'` when the host model cannot tell
 * (e.g. the editor does not run on a dom0): the builder then assumes success and says so.
 */
export interface DeviceModelHost {
  userByName(name: string): DeviceModelUser | null | 'unknown';
  userByUid(uid: number): DeviceModelUser | null | 'unknown';
}

export interface DeviceModelContext {
  readonly options: AnalysisOptions;
  /** The dom0 (helper C's host model): installed binaries, stubdomain images, passwd. */
  readonly host: HostModel;
  /** The guest's domid (the oracle and the preview use 1). */
  readonly domid: number;
  /** Values libxl made up (JSON pointers such as `/nics/0/mac`), shown as placeholders. */
  readonly generated?: readonly { readonly pointer: string }[];
}

/** libxl's resolved `libxl_domain_config` JSON (after setdefault), IDL field names. */
export type ResolvedConfig = Record<string, unknown>;
