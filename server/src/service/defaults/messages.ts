// What libxl logs while defaulting a domain config: refusals (which stop domain creation) and
// warnings/notes, with libxl's own wording so that diagnostics can quote it.

export type LibxlLevel = 'error' | 'warning' | 'info';

/**
 * Why libxl logs a line while defaulting (and building) the domain: one stable id per line of
 * libxl_create.c / libxl_x86.c we model, so later stages read the reason, not libxl's words.
 */
export type LibxlReason =
  // libxl__domain_create_info_setdefault, libxl__domain_config_setdefault
  | 'config-not-object' | 'type-unspecified' | 'no-paging' | 'xsm-disabled' | 'pool-unknown' | 'create-info-failed'
  | 'pod-with-passthrough' | 'pod-with-vnuma' | 'pv-vnuma' | 'build-info-failed' | 'nestedhvm-with-altp2m'
  | 'pod-with-altp2m' | 'vpmu-unsupported' | 'passthrough-unsupported' | 'passthrough-disabled-with-devices'
  | 'passthrough-pvh' | 'passthrough-share-pt'
  // libxl__domain_build_info_setdefault
  | 'stubdomain-needs-traditional' | 'avail-vcpus-too-many' | 'unknown-dm-version' | 'traditional-needs-rombios'
  | 'qemu-xen-no-rombios' | 'no-usable-dm-version' | 'direct-boot-without-kernel' | 'spice-disabled-usbredirection'
  | 'usbversion-with-usb' | 'qxl-needs-qemu-xen' | 'videoram-too-small' | 'videoram-ignored' | 'max-grant-version-range'
  | 'deprecated-field-conflict' | 'qemu-xen-unavailable' | 'qemu-xen-unavailable-traditional' | 'qemu-xen-access-error'
  // the devices' setdefault
  | 'disk-transport-not-virtio' | 'disk-transport-unsupported' | 'cdrom-backend' | 'disk-empty-not-cdrom'
  | 'disk-empty-with-image' | 'disk-stat-failed' | 'disk-no-backend' | 'disk-defaults-failed' | 'nic-defaults-failed'
  | 'nic-emulated-on-pv' | 'channel-no-name' | 'vfb-setup-failed'
  // the domain build (libxl_x86.c)
  | 'tsc-native-paravirt-removed' | 'viridian-group-conflict' | 'viridian-base-missing';

export interface LibxlMessage {
  readonly reason: LibxlReason;
  /** libxl's log level: ERROR stops creation, WARN and INFO are printed and creation goes on. */
  level: LibxlLevel;
  /** The libxl function that logs it, e.g. `libxl__domain_build_info_setdefault`. */
  function: string;
  /**
   * The message exactly as libxl prints it after `function: ` (without the `Domain N:` prefix);
   * a few passthrough messages end in their own newline, as in libxl.
   */
  text: string;
  /** The xl.cfg keys the message is about, most relevant first (for diagnostics' ranges). */
  keys: string[];
  /**
   * True for libxl's follow-up lines that only restate a failure already reported (e.g.
   * `Unable to set domain build info defaults`): useful in a log view, noise as a diagnostic.
   */
  secondary?: boolean;
  /** True when the message is not libxl's but ours (libxl would abort() or behave unpredictably). */
  ours?: boolean;
  /**
   * Our words for why libxl failed, when libxl's own line does not say it (libxl fails silently
   * on an unknown backend domain and only prints the caller's "Unable to set ... defaults").
   */
  explanation?: string;
  /** The disk (vdev) the message names, when it names one. */
  vdev?: string;
}

/**
 * Something the host model cannot answer, which libxl will need of the dom0 (the stages assume it so
 * that no refusal is made up). `text` says it for display; the rest is the same as data.
 */
export type Assumption = { readonly text: string } & (
  /** libxl checks that the device-model binary is executable (the defaults' or the spawn's check). */
  | { readonly reason: 'dm-binary' | 'dm-binary-checked'; readonly path: string }
  | { readonly reason: 'stubdomain-image'; readonly image: 'kernel' | 'ramdisk'; readonly path: string }
  | { readonly reason: 'cpupool'; readonly pool: string }
  /** One of `users` must exist on the dom0 (and not be root); `keys`: the settings that ask for it. */
  | { readonly reason: 'dm-user'; readonly users: readonly string[]; readonly notRoot: boolean; readonly keys: readonly string[] }
  | { readonly reason: 'physinfo' | 'qemu-xen-probe' | 'backend-domain' | 'disk-image' | 'xsm' | 'vpmu' | 'iommu' | 'traditional-removed' }
);

/** The line as xl prints it on stderr, minus the `libxl: error: file.c:LINE:` prefix. */
export function libxlLogText(m: LibxlMessage): string {
  return `${m.function}: ${m.text}`;
}

export class MessageLog {
  readonly messages: LibxlMessage[] = [];

  error(reason: LibxlReason, fn: string, text: string, keys: string[] = [], explanation?: string): void {
    this.messages.push({ reason, level: 'error', function: fn, text, keys, ...(explanation ? { explanation } : {}) });
  }

  /** A refusal about one disk (`vdev`), which diagnostics point at. */
  diskError(reason: LibxlReason, fn: string, text: string, vdev: string): void {
    this.messages.push({ reason, level: 'error', function: fn, text, keys: ['disk'], vdev });
  }

  warn(reason: LibxlReason, fn: string, text: string, keys: string[] = []): void {
    this.messages.push({ reason, level: 'warning', function: fn, text, keys });
  }

  info(reason: LibxlReason, fn: string, text: string, keys: string[] = []): void {
    this.messages.push({ reason, level: 'info', function: fn, text, keys });
  }

  secondary(reason: LibxlReason, fn: string, text: string): void {
    this.messages.push({ reason, level: 'error', function: fn, text, keys: [], secondary: true });
  }

  /**
   * A caller's follow-up line ("Unable to set nic defaults for nic 0"): secondary after a libxl
   * error, but the only line libxl prints after a silent failure, then carrying our explanation.
   */
  followUp(reason: LibxlReason, fn: string, text: string, keys: string[], silentFailure: string | undefined): void {
    if (silentFailure) this.error(reason, fn, text, keys, silentFailure);
    else this.secondary(reason, fn, text);
  }

  ours(reason: LibxlReason, fn: string, text: string, keys: string[]): void {
    this.messages.push({ reason, level: 'error', function: fn, text, keys, ours: true });
  }
}
