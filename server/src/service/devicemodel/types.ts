// The device-model (qemu) command line as libxl would spawn it, and what the builders need to
// know about the dom0 they run on. Shapes follow the oracle's `dm-argv` JSON (test/oracle).
import type { AnalysisOptions } from '../options';
import type { HostModel } from '../host/host-model';

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
  /** The error lines libxl logs just before `error`, which say why (outcome `error`). */
  readonly errorContext?: readonly string[];
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
  readonly assumptions: string[];
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
