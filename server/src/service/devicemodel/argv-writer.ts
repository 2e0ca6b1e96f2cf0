// Collects a command line the way libxl's flexarray does, plus what the preview needs: a note per
// element (group, meaning, source keys), the generated values, the environment and log lines.
import type { ArgGroup, ArgNote, DmLine, DmReason } from './types';

export interface Note {
  readonly group: ArgGroup;
  readonly meaning: string;
  readonly keys?: readonly string[];
}

/** A libxl failure while building: libxl's log line (`function: Domain N:text`) as data. */
export interface Failure {
  readonly error: DmLine;
  /** What libxl logged on the way to the refusal (lines before `error`). */
  readonly log?: readonly DmLine[];
}

export function failure(error: DmLine, log?: readonly DmLine[]): Failure {
  return log?.length ? { error, log } : { error };
}

export function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export class ArgvWriter {
  readonly argv: string[] = [];
  readonly notes: ArgNote[] = [];
  readonly placeholders: number[] = [];
  readonly env: Record<string, string> = {};
  readonly log: DmLine[] = [];

  /** Appends an option and its values, all described by one note. */
  add(note: Note, ...args: string[]): void {
    for (let i = 0; i < args.length; i++) {
      this.argv.push(args[i]!);
      // Two literals, not a conditional spread (V8's slow generic path, thousands of notes per argv).
      this.notes.push(note.keys ? { group: note.group, meaning: note.meaning, first: i === 0, keys: note.keys }
        : { group: note.group, meaning: note.meaning, first: i === 0 });
    }
  }

  /** Marks the last appended element as holding a generated value. */
  markLastGenerated(): void {
    this.placeholders.push(this.argv.length - 1);
  }

  setEnv(name: string, value: string): void {
    this.env[name] = value;
  }
}

/** The xl.cfg keys each reason is about, most relevant first (for diagnostics' ranges). */
const DM_REASON_KEYS: Readonly<Record<DmReason, readonly string[]>> = {
  'dm-not-executable': ['device_model_override', 'device_model_version', 'device_model_stubdomain_override'],
  'dm-install-hint': [],
  'stubdomain-image-missing': ['device_model_stubdomain_override', 'device_model_version'],
  'traditional-removed': [],
  'dm-user-root': ['device_model_user', 'dm_restrict'],
  'dm-user-missing': ['device_model_user'],
  'dm-user-uid-taken': ['dm_restrict', 'device_model_user'],
  'dm-user-shared-fallback': ['dm_restrict', 'device_model_user'],
  'dm-user-none': ['dm_restrict', 'device_model_user'],
  'vnc-display-twice': ['vnc', 'vnclisten', 'vncdisplay'],
  'spice-no-port': ['spiceport', 'spicetls_port', 'spice'],
  'spice-no-password': ['spicedisable_ticketing', 'spicepasswd', 'spice'],
  'spice-empty-password': [],
  'dm-restrict-traditional': ['dm_restrict'],
  'direct-kernel-boot-traditional': ['kernel', 'device_model_version'],
  'gfx-passthru-kind-unsupported': ['gfx_passthru', 'pci'],
  'video-card-invalid': [],
  'usbdevice-and-list': ['usbdevice', 'usb', 'usbversion'],
  'disk-number-unknown': ['disk'],
  'disk-format-empty': ['disk'],
  'disk-stubdomain-limit': ['disk'],
  'disk-format-unknown': ['disk'],
  'disk-no-local-access': ['disk'],
  'cdrom-slot': ['disk'],
  'disk-read-only-ahci': ['disk'],
  'disk-read-only-ide': ['disk'],
  'ide-disk-limit': ['disk'],
  'serial-and-list': ['serial'],
  'soundhw-unknown': ['soundhw'],
  'usbversion-invalid': ['usbdevice', 'usb', 'usbversion'],
  'usbredirection-invalid': ['usbdevice', 'usb', 'usbversion'],
  'channel-connection-unknown': ['channel'],
  'mmio-hole-invalid': [],
  'gfx-passthru-kind-undetected': ['gfx_passthru', 'pci'],
  'gfx-passthru-kind-invalid': ['gfx_passthru', 'pci'],
  'pci-sysfs-no-vendor': [],
  'pci-sysfs-no-device': [],
};

/** A line xl prints without a function prefix. */
export function bareLine(reason: DmReason, text: string): DmLine {
  return { reason, function: '', text, line: text, keys: DM_REASON_KEYS[reason] };
}

/**
 * A line libxl logs, with libxl's prefix for messages about a domain (`function: Domain N:text`;
 * `function: text` without a domid), its reason, the keys it concerns and the disk it names.
 */
export function logLine(reason: DmReason, fn: string, domid: number | undefined, text: string, vdev?: string): DmLine {
  const line = domid === undefined ? `${fn}: ${text}` : `${fn}: Domain ${domid}:${text}`;
  const keys = DM_REASON_KEYS[reason];
  return vdev !== undefined ? { reason, function: fn, text, line, keys, vdev } : { reason, function: fn, text, line, keys };
}
