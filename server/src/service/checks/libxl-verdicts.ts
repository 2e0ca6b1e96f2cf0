// libxl's verdicts as findings: what libxl logs while applying its defaults (libxl_create.c) and while
// building the device model's command line (libxl_dm.c). A refusal is an error on the setting to
// change, quoting libxl; a warning keeps libxl's words. dm_restrict with qemu-xen-traditional has its
// own check (dm-restrict.ts).
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { LibxlMessage } from '../defaults';
import { relatedFor, spanForKeys } from './spans';
import { DM_RESTRICT_TRADITIONAL_TEXT } from './dm-restrict';
import type { ByteSpan } from '../finding';

/** The keys a device-model line is about, found from libxl's wording (the builder keeps no keys). */
const DM_LINE_KEYS: readonly [RegExp, readonly string[]][] = [
  [/device model \S+ is not executable/, ['device_model_override', 'device_model_version', 'device_model_stubdomain_override']],
  [/stubdomain (kernel|ramdisk)/, ['device_model_stubdomain_override', 'device_model_version']],
  [/intended_uid is 0/, ['device_model_user', 'dm_restrict']],
  [/device_model_user/, ['device_model_user']],
  [/Could not find user|range base|wanted to use uid/, ['dm_restrict', 'device_model_user']],
  [/direct kernel boot/, ['kernel', 'device_model_version']],
  [/gfx_passthru/, ['gfx_passthru', 'pci']],
  [/read-only (IDE|AHCI)|IDE disks|local access disk|disk/i, ['disk']],
  [/soundhw/, ['soundhw']],
  [/spice ticketing|missing password/, ['spicedisable_ticketing', 'spicepasswd', 'spice']],
  [/spiceport|tls_port/, ['spiceport', 'spicetls_port', 'spice']],
  [/vnc|VNC/, ['vnc', 'vnclisten', 'vncdisplay']],
  [/usb/i, ['usbdevice', 'usb', 'usbversion']],
  [/serial/, ['serial']],
  [/channel/, ['channel']],
  [/dm_restrict/, ['dm_restrict']],
];

/** `func: Domain 1:text` (our device-model log form) -> { fn, text }. */
export function splitLibxlLine(line: string): { fn: string; text: string } {
  const m = /^([A-Za-z_][A-Za-z0-9_]*): (?:Domain \d+:)?([\s\S]*)$/.exec(line);
  return m ? { fn: m[1]!, text: m[2]! } : { fn: '', text: line };
}

function dmKeys(text: string): readonly string[] {
  for (const [re, keys] of DM_LINE_KEYS) if (re.test(text)) return keys;
  return [];
}

/** A disk named in libxl's text (`hda`, `xvde`): the list item of `disk` that names it. */
function diskItemSpan(a: CheckContext, text: string): ByteSpan | undefined {
  const index = diskNameIndex(a);
  if (!index) return undefined;
  for (const m of text.matchAll(/\b((?:xvd|hd|sd)[a-z]+)\b/g)) {
    const item = index.get(m[1]!);
    if (item) return item;
  }
  return undefined;
}

/**
 * name -> the first string item of `disk` that names it: preceded by the start or one of `,:=` or a
 * blank, followed by one of `,:` or a blank or the end. Built once per analysis (libxl's warnings can
 * name every disk of a long list, and a search per warning was quadratic).
 */
const DISK_NAMES = new WeakMap<object, Map<string, ByteSpan> | null>();
function diskNameIndex(a: CheckContext): Map<string, ByteSpan> | null {
  const disk = a.effective.get('disk');
  if (!disk || disk.value.type !== 'list') return null;
  let index = DISK_NAMES.get(disk.value);
  if (index !== undefined) return index;
  index = new Map();
  for (const item of disk.value.items) {
    if (item.type !== 'string') continue;
    const v = item.value;
    for (const m of v.matchAll(/[^,:=\s]+/g)) {
      const after = v.charCodeAt(m.index! + m[0].length);
      if (after === 0x3d /* = */ || index.has(m[0])) continue;
      index.set(m[0], { start: item.start, end: item.end });
    }
  }
  DISK_NAMES.set(disk.value, index);
  return index;
}

function finding(a: CheckContext, keys: readonly string[], severity: Finding['severity'], code: string, message: string, libxlText: string, fn: string): Finding {
  const at = spanForKeys(a, keys);
  const span = (at.key === 'disk' && diskItemSpan(a, libxlText)) || at.span;
  const related = relatedFor(a, keys, at.key, (k) => `\`${k}\` is involved`);
  return {
    ...span, code, severity, message,
    ...(related.length ? { related } : {}),
    data: { libxlMessage: libxlText, libxlFunction: fn, keys: [...keys] },
  };
}

function refusal(text: string, ours?: boolean): string {
  return ours
    ? `libxl would fail on this when the guest starts (${text})`
    : `libxl refuses this configuration when the guest starts (xl create fails): ${text}`;
}

/**
 * Xen 4.21+: a stubdomain with no device_model_version is refused, because libxl's probe for qemu-xen
 * has no dom0 binary to check for a stubdomain. Said in words, with the line that fixes it.
 */
function stubdomainWithoutVersion(a: CheckContext, m: LibxlMessage): Finding | null {
  const stub = a.effective.get('device_model_stubdomain_override');
  if (m.text !== 'unknown device model version' || !stub || a.effective.has('device_model_version')) return null;
  const f = finding(a, ['device_model_stubdomain_override'], 'error', 'libxl-refuses',
    `${refusal(m.text)} — from Xen 4.21 a stubdomain needs \`device_model_version = "qemu-xen"\` written out (libxl has no dom0 qemu to probe for it).`,
    m.text, m.function);
  return { ...f, data: { ...f.data, fix: 'stubdomain-qemu-xen' } };
}

function fromDefaults(a: CheckContext, m: LibxlMessage, next?: LibxlMessage): Finding | null {
  if (m.secondary || m.level === 'info') return null;
  const stub = m.level === 'error' ? stubdomainWithoutVersion(a, m) : null;
  if (stub) return stub;
  if (m.level === 'error' && m.ours && next?.secondary) {
    // libxl itself only prints the follow-up line; our explanation goes with it.
    const text = `${next.text} (${m.text})`;
    return finding(a, m.keys, 'error', 'libxl-refuses', refusal(text), next.text, next.function);
  }
  if (m.level === 'error') return finding(a, m.keys, 'error', 'libxl-refuses', refusal(m.text, m.ours), m.text, m.function);
  return finding(a, m.keys, 'warning', 'libxl-warning', `libxl warns when the guest starts: ${m.text}`, m.text, m.function);
}

export function libxlVerdicts(a: CheckContext): Finding[] {
  const d = a.libxl;
  if (!d) return [];
  const out: Finding[] = [];
  for (let i = 0; i < d.messages.length; i++) {
    const f = fromDefaults(a, d.messages[i]!, d.messages[i + 1]);
    if (f) out.push(f);
  }
  if (!d.resolved) return out; // the device-model stage repeats the defaults' refusal
  const dm = a.deviceModel;
  if (!dm) return out;
  for (const line of dm.log) {
    if (line === dm.error || dm.errorContext?.includes(line)) continue;
    const { fn, text } = splitLibxlLine(line);
    out.push(finding(a, dmKeys(text), 'warning', 'libxl-warning', `libxl warns when the guest starts: ${text}`, text, fn));
  }
  if (dm.outcome === 'crash' && dm.crash) {
    out.push(finding(a, ['device_model_stubdomain_override', 'vfb', 'disk', 'channel', 'p9', 'usbctrl'], 'error', 'libxl-crashes', dm.crash, dm.crash, 'libxl__spawn_local_dm'));
  }
  if (dm.outcome === 'error' && dm.error) {
    const { fn, text } = splitLibxlLine(dm.error);
    if (!text.includes(DM_RESTRICT_TRADITIONAL_TEXT)) {
      // The error lines libxl logs just before its refusal say why: part of the same finding.
      const why = (dm.errorContext ?? []).map((l) => splitLibxlLine(l).text);
      const message = why.length ? `${refusal(text)} — libxl logged first: ${why.join('; ')}` : refusal(text);
      out.push(finding(a, dmKeys(text), 'error', 'libxl-refuses', message, text, fn));
    }
  }
  return out;
}
