// Mirrors tools/libs/util/libxlu_disk.c and the actions of libxlu_disk_l.l (Xen 4.17): what each
// token of a disk specification sets, the checks after the scan, and the messages xl prints
// (every one of them makes xl exit). The device is returned as libxl's JSON prints it.
import { versionNumber } from '../../options';
import { atoi } from './c-numbers';
import { nextDiskToken, type DiskToken } from './disk-lexer';
import { sourceOf, type DiskJson, type SpecContext, type SpecIssue, type SpecResult } from './types';

const FORMATS: Record<string, string> = {
  '': 'raw', raw: 'raw', qcow: 'qcow', qcow2: 'qcow2', vhd: 'vhd', empty: 'empty', qed: 'qed',
};
const BACKENDS = ['phy', 'tap', 'qdisk'];
/** backendtype=standalone is known from Xen 4.17. */
const STANDALONE_SINCE = 417;
const SPECIFICATIONS = ['xen', 'virtio'];

/** The libxl_device_disk fields the scanner can touch (undefined = libxl's default). */
interface DiskState {
  backend_domname?: string;
  pdev_path?: string;
  vdev?: string;
  backend?: string;
  format?: string;
  script?: string;
  removable: number;
  readwrite: number;
  is_cdrom: number;
  direct_io_safe: boolean;
  discard_enable?: boolean;
  specification?: string;
  colo_enable?: boolean;
  colo_host?: string;
  colo_port: number;
  colo_export?: string;
  active_disk?: string;
  hidden_disk?: string;
  trusted?: boolean;
  grant_usage?: boolean;
}

type StringField = 'backend_domname' | 'pdev_path' | 'vdev' | 'script' | 'colo_host' | 'colo_export' |
  'active_disk' | 'hidden_disk';

/** A piece of the spec with its place, so errors can point at it. */
interface Piece { text: string; start: number; end: number }

class DiskScan {
  readonly disk: DiskState = { removable: 0, readwrite: 1, is_cdrom: 0, direct_io_safe: false, colo_port: 0 };
  hadDeprecatedPrefix = false;
  accessSet = false;
  failed = false;
  readonly issues: SpecIssue[] = [];

  constructor(private readonly spec: string, private readonly source: string, private readonly version: number) {}

  error(near: Piece | null, what: string, code: string): void {
    const nearText = near ? `: near \`${near.text}'` : '';
    this.issues.push({
      severity: 'error',
      message: `${this.source}: config parsing error in disk specification: ${what}${nearText} in \`${this.spec}'`,
      start: near ? near.start : 0,
      end: near ? near.end : this.spec.length,
      code,
    });
    this.failed = true;
  }

  /** SAVESTRING: a second non-empty value is an error; an empty one may be replaced. */
  save(field: StringField, label: string, value: Piece): void {
    const current = this.disk[field];
    if (current !== undefined && current !== '') {
      this.error(value, `${label} respecified`, 'disk-respecified');
      return;
    }
    this.disk[field] = value.text;
  }

  /** DSET for the enum-like fields: setting the same value again is fine. */
  setEnum(field: 'format' | 'backend' | 'specification', label: string, value: string, at: Piece): void {
    const current = this.disk[field];
    if (current !== undefined && current !== value) this.error(at, `${label} respecified`, 'disk-respecified');
    else this.disk[field] = value;
  }

  setFormat(v: Piece): void {
    const f = FORMATS[v.text];
    if (f === undefined) this.error(v, 'unknown value for format', 'disk-bad-format');
    else this.setEnum('format', 'format', f, v);
  }

  setAccess(v: Piece): void {
    if (v.text === 'r' || v.text === 'ro') this.disk.readwrite = 0;
    else if (v.text === 'rw' || v.text === 'w' || v.text === '') this.disk.readwrite = 1;
    else this.error(v, 'unknown value for access', 'disk-bad-access');
  }

  /** A `VDEV:TYPE` positional (deprecated devtype suffix); false when there is no colon. */
  vdevAndDevtype(v: Piece): boolean {
    const colon = v.text.lastIndexOf(':');
    if (colon < 0) return false;
    this.save('vdev', 'vdev', { text: v.text.slice(0, colon), start: v.start, end: v.start + colon });
    const type: Piece = { text: v.text.slice(colon + 1), start: v.start + colon + 1, end: v.end };
    if (type.text === 'cdrom') this.disk.is_cdrom = 1;
    else if (type.text === 'disk') this.disk.is_cdrom = 0;
    else this.error(type, 'unknown deprecated type', 'disk-bad-deprecated-type');
    return true;
  }

  positional(v: Piece): boolean {
    const d = this.disk;
    if (this.failed) return true; // earlier errors may just cause later ones: stay quiet
    if (d.pdev_path === undefined) this.save('pdev_path', 'target', v);
    else if (!this.hadDeprecatedPrefix && d.format === undefined) {
      if (d.pdev_path === '' && this.vdevAndDevtype(v)) d.format = 'empty';
      else this.setFormat(v);
    } else if (d.vdev === undefined) {
      if (!this.vdevAndDevtype(v)) this.save('vdev', 'vdev', v);
    } else if (!this.accessSet) {
      this.accessSet = true;
      this.setAccess(v);
    } else {
      this.error(v, 'too many positional parameters', 'disk-too-many-positional');
      return false;
    }
    return true;
  }

  /** Runs one token's action; false stops the scan (the action's `return 0`). */
  apply(tok: DiskToken): boolean {
    const stripped = (delim: string): Piece =>
      tok.text.endsWith(delim) ? { text: tok.text.slice(0, -1), start: tok.start, end: tok.end - 1 }
        : { text: tok.text, start: tok.start, end: tok.end };
    const afterEquals = (): Piece => {
      const s = stripped(',');
      const eq = s.text.indexOf('=') + 1;
      return { text: s.text.slice(eq), start: s.start + eq, end: s.end };
    };
    const whole: Piece = { text: tok.text, start: tok.start, end: tok.end };
    const d = this.disk;
    switch (tok.rule) {
      case 'whitespace': return true;
      case 'format': this.setFormat(afterEquals()); return true;
      case 'cdrom': case 'devtype-cdrom': d.is_cdrom = 1; return true;
      case 'devtype-disk': d.is_cdrom = 0; return true;
      case 'devtype-other': this.error(whole, 'unknown value for type', 'disk-bad-devtype'); return true;
      case 'access': this.setAccess(afterEquals()); return true;
      case 'backend': this.save('backend_domname', 'backend', afterEquals()); return true;
      case 'backendtype': {
        const v = afterEquals();
        if (BACKENDS.includes(v.text) || (v.text === 'standalone' && this.version >= STANDALONE_SINCE)) this.setEnum('backend', 'backend', v.text, v);
        else this.error(v, 'unknown value for backendtype', 'disk-bad-backendtype');
        return true;
      }
      case 'specification': {
        const v = afterEquals();
        if (SPECIFICATIONS.includes(v.text)) this.setEnum('specification', 'specification', v.text, v);
        else this.error(v, 'unknown value for specification', 'disk-bad-specification');
        return true;
      }
      case 'vdev': this.save('vdev', 'vdev', afterEquals()); return true;
      case 'script': this.save('script', 'script', afterEquals()); return true;
      case 'direct-io-safe': d.direct_io_safe = true; return true;
      case 'discard': d.discard_enable = true; return true;
      case 'no-discard': d.discard_enable = false; return true;
      case 'colo': d.colo_enable = true; return true;
      case 'no-colo': d.colo_enable = false; return true;
      case 'colo-host': this.save('colo_host', 'colo-host', afterEquals()); return true;
      case 'colo-port': {
        const v = afterEquals();
        const port = atoi(v.text);
        if (port) d.colo_port = port;
        else this.error(v, 'unknown value for colo_port', 'disk-bad-colo-port');
        return true;
      }
      case 'colo-export': this.save('colo_export', 'colo-export', afterEquals()); return true;
      case 'active-disk': this.save('active_disk', 'active-disk', afterEquals()); return true;
      case 'hidden-disk': this.save('hidden_disk', 'hidden-disk', afterEquals()); return true;
      case 'trusted': d.trusted = true; return true;
      case 'untrusted': d.trusted = false; return true;
      case 'grant-usage-1': d.grant_usage = true; return true;
      case 'grant-usage-0': d.grant_usage = false; return true;
      case 'target': this.save('pdev_path', 'target', afterEquals()); return true;
      case 'unknown-parameter': this.error(whole, 'unknown parameter', 'disk-unknown-parameter'); return true;
      case 'prefix-format':
        this.hadDeprecatedPrefix = true;
        this.setFormat(stripped(':'));
        return true;
      case 'prefix-script': {
        this.hadDeprecatedPrefix = true;
        const name = stripped(':');
        const current = d.script;
        if (current !== undefined && current !== '') this.error({ ...name, text: `block-${name.text}` }, 'script respecified', 'disk-respecified');
        else d.script = `block-${name.text}`;
        return true;
      }
      case 'prefix-ignored': this.hadDeprecatedPrefix = true; return true;
      case 'prefix-unknown':
        this.error(whole, 'unknown deprecated disk prefix', 'disk-unknown-prefix');
        return false;
      case 'positional': return this.positional(stripped(','));
      case 'bad-syntax':
        this.error(whole, 'bad disk syntax', 'disk-bad-syntax');
        return false;
    }
  }
}

function toJson(d: DiskState): DiskJson {
  const out: DiskJson = {};
  const put = (k: string, v: unknown, isDefault: boolean) => { if (!isDefault) out[k] = v; };
  put('backend_domname', d.backend_domname, d.backend_domname === undefined);
  put('pdev_path', d.pdev_path, d.pdev_path === undefined);
  put('vdev', d.vdev, d.vdev === undefined);
  put('backend', d.backend, d.backend === undefined);
  put('format', d.format, d.format === undefined);
  put('script', d.script, d.script === undefined);
  put('removable', d.removable, d.removable === 0);
  put('readwrite', d.readwrite, d.readwrite === 0);
  put('is_cdrom', d.is_cdrom, d.is_cdrom === 0);
  put('direct_io_safe', d.direct_io_safe, !d.direct_io_safe);
  put('discard_enable', d.discard_enable ? 'True' : 'False', d.discard_enable === undefined);
  put('specification', d.specification, d.specification === undefined);
  put('colo_enable', d.colo_enable ? 'True' : 'False', d.colo_enable === undefined);
  put('colo_host', d.colo_host, d.colo_host === undefined);
  put('colo_port', d.colo_port, d.colo_port === 0);
  put('colo_export', d.colo_export, d.colo_export === undefined);
  put('active_disk', d.active_disk, d.active_disk === undefined);
  put('hidden_disk', d.hidden_disk, d.hidden_disk === undefined);
  put('trusted', d.trusted ? 'True' : 'False', d.trusted === undefined);
  put('grant_usage', d.grant_usage ? 'True' : 'False', d.grant_usage === undefined);
  return out;
}

/**
 * Parses one `disk=[...]` element the way xl does (xlu_disk_parse on a single string). Any issue is
 * fatal: xl prints every message of the scan, then exits.
 */
export function parseDiskSpec(spec: string, ctx: SpecContext): SpecResult<DiskJson> {
  const version = versionNumber(ctx.options.xenVersion);
  const scan = new DiskScan(spec, sourceOf(ctx), version);
  let pos = 0;
  for (;;) {
    const tok = nextDiskToken(spec, pos, version);
    if (!tok) break;
    pos = Math.max(tok.end, pos + 1);
    if (!scan.apply(tok)) break;
  }
  if (scan.failed) return { device: null, issues: scan.issues, fatal: true };
  const d = scan.disk;
  if (d.format === undefined) d.format = 'raw';
  if (d.is_cdrom) {
    d.removable = 1;
    d.readwrite = 0;
    if (d.pdev_path === undefined || d.pdev_path === '') d.format = 'empty';
  }
  if (d.vdev === undefined) scan.error(null, 'no vdev specified', 'disk-no-vdev');
  else if (d.pdev_path === undefined && !d.removable) {
    scan.error(null, 'no target specified (and device not removable)', 'disk-no-target');
  }
  if (scan.failed) return { device: null, issues: scan.issues, fatal: true };
  return { device: toJson(d), issues: [], fatal: false };
}
