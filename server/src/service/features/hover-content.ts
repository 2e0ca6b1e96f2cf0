// Hover text for xl.cfg keys and values: Markdown built from the catalogue for the target Xen
// release, with what the device model of this guest will do where that matters (dm_restrict & co).
import type { AnalysisOptions, XenVersion } from '../options';
import { NEWEST_XEN_VERSION, OLDEST_XEN_VERSION, versionNumber } from '../options';
import {
  KEY_MESSAGES, dmRestrictNotes, keyStatusIn, lookupKey, manPageUrl, matchEnumValue, sinceText, specFieldGate, specFields,
  traditionalStatus, valueAllowedIn, valueText, type GuestType, type KeyEntry, type DefaultValue,
} from '../catalogue';
import type { DeviceModelSummary } from '../devicemodel';

/** What this guest's device model is (the builder's own summary of its result). */
export type DeviceModelFacts = DeviceModelSummary;

export interface HoverContext {
  options: AnalysisOptions;
  guestType: 'pv' | 'pvh' | 'hvm';
  deviceModel?: DeviceModelFacts;
  /** This key's section of the local xl.cfg(5), already in Markdown. */
  manSection?: string;
}

const GUEST_NAMES: Record<GuestType, string> = { pv: 'PV', pvh: 'PVH', hvm: 'HVM' };
const ARCH_NAMES: Record<string, string> = { x86: 'x86 only', arm: 'Arm only', arm64: '64-bit Arm only', any: 'all' };

/** A Markdown code span that survives backticks inside the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function kindText(entry: KeyEntry): string {
  const unit = entry.unit ? ` in ${entry.unit === 's' ? 'seconds' : entry.unit}` : '';
  const base: Record<string, string> = {
    string: entry.isPath ? 'string (a path in dom0)' : 'string',
    integer: 'integer',
    boolean: 'boolean (`0` or `1`)',
    'enum-string': 'one of the values below, quoted',
    'enum-or-path': 'a firmware name or a path',
    'integer-or-enum-string': 'a name below, or its number',
    'boolean-or-enum-string': '`0`/`1`, or a name below',
    'boolean-or-list': '`0`/`1`, or a list of names',
    'string-or-list': 'a string, or a list of strings',
    'list-of-strings': 'a list of strings',
    'nested-list': 'a list of lists of strings',
    'spec-list': 'a list of spec strings',
    'spec-string': 'a spec string',
  };
  return (base[entry.kind] ?? entry.kind) + unit;
}

function defaultText(entry: KeyEntry): string | undefined {
  if (entry.defaultText) return entry.defaultText;
  const d: DefaultValue | undefined = entry.default;
  if (d === undefined) return undefined;
  if (typeof d === 'object') return Object.entries(d).map(([k, v]) => `${code(String(v))} (${ARCH_NAMES[k] ? k : GUEST_NAMES[k as GuestType] ?? k})`).join(', ');
  return code(String(d));
}

function valuesText(entry: KeyEntry, version: XenVersion, guestType: GuestType): string | undefined {
  if (!entry.values || entry.values.length === 0) return undefined;
  const items = entry.values.map((e) => {
    const notes: string[] = [];
    if (e.since && versionNumber(e.since) > versionNumber(entry.since)) notes.push(`${e.since}+`);
    if (e.until) notes.push(`until ${e.until}`);
    if (e.guestTypes) notes.push(e.guestTypes.map((g) => GUEST_NAMES[g]).join('/'));
    const off = !valueAllowedIn(entry.name, e.value, version, guestType).allowed;
    const label = off ? `~~${code(e.value)}~~` : code(e.value);
    return notes.length ? `${label} (${notes.join(', ')})` : label;
  });
  const free = entry.kind === 'string' || entry.kind === 'list-of-strings';
  const suffix = entry.caseSensitive === false ? ' — case does not matter' : entry.caseSensitive ? ' — exact spelling' : '';
  return (free ? 'common: ' : '') + items.join(', ') + suffix;
}

/** The items of a spec string, with those the target release does not know struck through. */
function specItemsText(entry: KeyEntry, version: XenVersion): string | undefined {
  const fields = specFields(entry.name);
  if (!fields) return undefined;
  return fields.map((field) => {
    const gate = specFieldGate(entry.name, field.name);
    const missing = gate?.since !== undefined && versionNumber(version) < versionNumber(gate.since);
    const label = code(field.flag ? field.name : `${field.name}=`);
    const shown = missing ? `~~${label}~~ (${gate!.since}+)` : gate?.since ? `${label} (${gate.since}+)` : label;
    return field.values ? `${shown} ${field.values.map(code).join('/')}` : shown;
  }).join(', ');
}

function versionsText(entry: KeyEntry): string {
  if (entry.removedIn) return `${sinceText(entry.since)} to ${keyStatusIn(entry.name, OLDEST_XEN_VERSION)?.until ?? entry.removedIn}`;
  return versionNumber(entry.since) <= versionNumber(OLDEST_XEN_VERSION)
    ? `${OLDEST_XEN_VERSION} to ${NEWEST_XEN_VERSION} (all supported targets)` : `${entry.since} to ${NEWEST_XEN_VERSION}`;
}

/** What the target version says about the key, as a warning line (or nothing when it is normal). */
function statusLine(entry: KeyEntry, ctx: HoverContext): string | undefined {
  const version = ctx.options.xenVersion;
  const s = keyStatusIn(entry.name, version);
  if (!s) return undefined;
  switch (s.status) {
    case 'absent':
      return `**Not read by Xen ${version}**: it first appears in ${s.since}. xl ${version} ignores it without a word.`;
    case 'removed':
      return `**No longer read**: xl stopped reading it after ${s.until}, so Xen ${version} ignores it.` +
        (entry.replacedBy ? ` Use ${code(entry.replacedBy)}.` : '');
    case 'deprecated':
      return `**Deprecated** since ${s.deprecatedSince}` +
        (s.ignored ? ': xl reads it but it has no effect.' : '.') +
        (s.replacedBy ? ` Use ${code(s.replacedBy)} instead.` : '');
    default:
      return undefined;
  }
}

function guestLine(entry: KeyEntry, ctx: HoverContext): string | undefined {
  if (entry.guestTypes.includes(ctx.guestType)) return undefined;
  const types = entry.guestTypes.map((g) => GUEST_NAMES[g]).join(', ');
  return `Only for ${types} guests; this is a ${GUEST_NAMES[ctx.guestType]} guest, so it has no effect here.`;
}

/** What the key does to this guest's device model, and what to do: shown first. */
function guestSection(entry: KeyEntry, ctx: HoverContext): string[] {
  const dm = ctx.deviceModel;
  if (!dm) return [];
  switch (entry.name) {
    case 'dm_restrict': return ['#### This guest', dmRestrictForGuest(dm, ctx)];
    case 'device_model_version':
    case 'device_model_stubdomain_override': return ['#### This guest', dmSummary(dm)];
    case 'device_model_user': return ['#### This guest', dm.runAs ? `QEMU will run as ${code(dm.runAs)}.` : 'QEMU will run as root.'];
    default: return [];
  }
}

/** What the target release says about the key (status, needs, limitations): after the meaning. */
function releaseSection(entry: KeyEntry, ctx: HoverContext): string[] {
  const version = ctx.options.xenVersion;
  const out: string[] = [];
  if (entry.name === 'dm_restrict') {
    const notes = dmRestrictNotes(version);
    out.push(`#### Status in Xen ${version}`, notes.status);
    if (notes.limitations.length) out.push('**Limitations**\n' + notes.limitations.map((r) => `- ${r}`).join('\n'));
    if (notes.requirements.length) out.push('**Needs**\n' + notes.requirements.map((r) => `- ${r}`).join('\n'));
    if (notes.effects.length) out.push('**What libxl does to QEMU**\n' + notes.effects.map((r) => `- ${r}`).join('\n'));
  } else if (entry.name === 'device_model_version') {
    const t = traditionalStatus(version);
    out.push(`#### In Xen ${version}`,
      '`qemu-xen` is upstream QEMU with Xen support. `qemu-xen-traditional` is the old, long-frozen QEMU fork Xen used to ship: ' + t.text);
    if (versionNumber(version) <= versionNumber('4.20')) {
      out.push('Up to 4.20, an HVM guest with a stub domain and no explicit version gets the traditional model, and libxl refuses `dm_restrict` with it.');
    } else {
      out.push('From 4.21 an HVM stub domain should name `device_model_version = "qemu-xen"` explicitly.');
    }
  } else if (entry.name === 'device_model_stubdomain_override') {
    out.push(`#### In Xen ${version}`, versionNumber(version) <= versionNumber('4.20')
      ? 'Without `device_model_version`, the stub domain runs the MiniOS build of qemu-xen-traditional (`ioemu-stubdom.gz`). With `qemu-xen` it is a Linux stub domain, which needs the `qemu-stubdom-linux-kernel` and `-rootfs` images.'
      : 'Only the Linux stub domain with qemu-xen exists; set `device_model_version = "qemu-xen"` explicitly, and install the stub domain images.');
  } else if (entry.name === 'device_model_user') {
    out.push(`#### In Xen ${version}`, 'Applies only to HVM guests (libxl adds `-runas` in the HVM part of the command line)' +
      (versionNumber(version) >= versionNumber('4.12') ? '; a user with uid 0 makes libxl refuse the guest.' : '.') +
      (versionNumber(version) >= versionNumber('4.20') ? ' When QEMU supports it, libxl passes `-run-with user=` instead of `-runas`.' : ''));
  }
  return out;
}

function dmSummary(dm: DeviceModelFacts): string {
  if (!dm.needed) return 'This guest runs no device model.';
  const where = dm.stubdomain ? 'in a stub domain' : 'in dom0';
  const refused = dm.refusedWith ? ` libxl will refuse to start it: ${code(dm.refusedWith)}.` : '';
  return `Device model: ${code(dm.version)}, ${where}.${refused}`;
}

const FLAG_MEANING: Record<string, string> = {
  '-xen-domid-restrict': 'Xen access limited to this guest',
  '-chroot': 'confined to an empty directory',
  '-runas': 'unprivileged user',
  '-S': 'starts paused; libxl hands it the QMP socket as an open fd',
  '-run-with': 'chroot and user in the spelling newer QEMUs want',
};

function dmRestrictForGuest(dm: DeviceModelFacts, ctx: HoverContext): string {
  if (!dm.needed) return 'This guest runs no QEMU, so `dm_restrict` has no effect on it.';
  if (dm.version === 'qemu-xen-traditional' && versionNumber(ctx.options.xenVersion) >= versionNumber('4.21')) {
    return 'The device model would be `qemu-xen-traditional`, which Xen ' + ctx.options.xenVersion + ' no longer has: ' +
      'xl rejects the version before `dm_restrict` matters. Use `device_model_version = "qemu-xen"`.';
  }
  if (dm.version === 'qemu-xen-traditional') {
    return `The device model is ${code('qemu-xen-traditional')}${dm.stubdomain ? ' (in a stub domain)' : ''}, and libxl refuses ` +
      `\`dm_restrict\` with it when the guest starts: ${code(dm.refusedWith ?? 'dm_restrict not supported by qemu-xen-traditional')}. ` +
      'Use `device_model_version = "qemu-xen"`, or drop `dm_restrict`.';
  }
  const parts: string[] = [];
  if (dm.stubdomain) parts.push('QEMU runs in a qemu-xen stub domain; `dm_restrict` has no documented effect there.');
  if (dm.restrictFlags.length) {
    parts.push('QEMU gets ' + dm.restrictFlags.map((f) => FLAG_MEANING[f] ? `${code(f)} (${FLAG_MEANING[f]})` : code(f)).join(', ') + '.');
  }
  if (dm.runAs) parts.push(`It will run as ${code(dm.runAs)}.`);
  else if (ctx.guestType !== 'hvm') parts.push('As a PV/PVH guest\'s QEMU it keeps running as root (no `-runas`).');
  if (dm.refusedWith) parts.push(`libxl will refuse to start it: ${code(dm.refusedWith)}.`);
  return parts.join(' ') || 'No restriction flags apply.';
}

/** Markdown for hovering a key, or null for a key the catalogue does not know. */
export function keyHover(key: string, ctx: HoverContext): string | null {
  const entry = lookupKey(key);
  if (!entry) return null;
  const version = ctx.options.xenVersion;
  const out: string[] = [];
  out.push(`### ${code(entry.name)}`);
  // What matters here first (this guest's situation and what to do), then the short meaning, then
  // what the release says (status, limitations), then the reference part; the long text and the
  // man page last.
  const warnings = [statusLine(entry, ctx), guestLine(entry, ctx)].filter((w): w is string => !!w);
  for (const w of warnings) out.push(`> ⚠ ${w}`);
  out.push(...guestSection(entry, ctx));
  out.push(ctx.deviceModel && guestSection(entry, ctx).length ? `#### What it is\n\n${entry.summary}` : entry.summary);
  out.push(...releaseSection(entry, ctx));
  out.push('```xl\n' + entry.example + '\n```');
  const rows: [string, string | undefined][] = [
    ['Kind', kindText(entry)],
    ['Values', valuesText(entry, version, ctx.guestType)],
    ['Items', specItemsText(entry, version)],
    ['Default', defaultText(entry)],
    ['Guests', entry.guestTypes.map((g) => GUEST_NAMES[g]).join(', ')],
    ['Architecture', entry.arch === 'any' ? undefined : ARCH_NAMES[entry.arch]],
    ['Read by xl', versionsText(entry)],
  ];
  out.push('| | |\n|---|---|\n' + rows.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${v!.replace(/\|/g, '\\|')} |`).join('\n'));
  const messages = KEY_MESSAGES[entry.name];
  if (messages && messages.length) {
    const shown = messages.slice(0, 6).map((m) =>
      `- ${m.level === 'error' ? (m.exit !== undefined ? `error, exit ${m.exit}` : 'error') : 'warning'}: ${code(m.text)}`);
    if (messages.length > 6) shown.push(`- … and ${messages.length - 6} more`);
    out.push('**What xl and libxl print about it**\n' + shown.join('\n'));
  }
  out.push(entry.doc);
  out.push(`[xl.cfg(5) for Xen ${version}](${manPageUrl(version)})`);
  if (ctx.manSection) out.push('#### From the local man page', ctx.manSection);
  return out.join('\n\n');
}

/** Reads an integer the way xl does (strtol base 0: 0x hex, leading-0 octal). */
function xlInteger(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t.replace(/0x/i, ''), 16) * (t.startsWith('-') ? -1 : 1);
  if (/^[+-]?0[0-7]+$/.test(t)) return Number.parseInt(t, 8);
  if (/^[+-]?\d+$/.test(t)) return Number.parseInt(t, 10);
  return undefined;
}

function sizeText(n: number, unit: 'MiB' | 'KiB'): string {
  const kib = unit === 'MiB' ? n * 1024 : n;
  if (kib >= 1024 * 1024 && kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)} GiB`;
  if (kib >= 1024 * 1024) return `${(kib / (1024 * 1024)).toFixed(2)} GiB`;
  if (kib >= 1024 && kib % 1024 === 0) return `${kib / 1024} MiB`;
  return `${kib} KiB`;
}

/** Markdown for hovering a value of a key: an enum member, a boolean or a size. */
export function valueHover(key: string, value: string, ctx: HoverContext): string | null {
  const entry = lookupKey(key);
  if (!entry) return null;
  const version = ctx.options.xenVersion;
  const out: string[] = [];
  const isBoolean = entry.kind === 'boolean' || entry.kind === 'boolean-or-list' || entry.kind === 'boolean-or-enum-string';
  const number = xlInteger(value);
  if (isBoolean && number !== undefined && !(entry.kind === 'boolean-or-enum-string' && valueText(key, value))) {
    out.push(`${code(`${key} = ${value}`)}: **${number === 0 ? 'off' : 'on'}**.` + (number !== 0 && number !== 1 ? ' Any non-zero number counts as on; write `1`.' : ''));
    if (key === 'viridian' && number !== 0) out.push('The same as `[ "defaults" ]`.');
  } else if (isBoolean && /^(true|false|yes|no|on|off)$/i.test(value)) {
    out.push(`xl does not understand ${code(value)} for a boolean: it warns and ignores the setting. Write \`${/^(true|yes|on)$/i.test(value) ? 1 : 0}\`.`);
  }
  if ((entry.unit === 'MiB' || entry.unit === 'KiB') && number !== undefined) {
    const octal = /^[+-]?0[0-7]+$/.test(value.trim());
    out.push(`${code(value)} ${entry.unit} = **${sizeText(number, entry.unit)}**` +
      (octal ? ` (xl reads a leading 0 as octal: this is ${number}, not ${Number.parseInt(value, 10)})` : '') + '.');
  } else if (entry.unit === 's' && number !== undefined) {
    out.push(`${code(value)} seconds = ${(number / 3600).toFixed(2)} hours.`);
  }
  if (key === 'boot' && /^[a-z]+$/i.test(value)) {
    const devices: Record<string, string> = { a: 'floppy', c: 'hard disk', d: 'CD-ROM', n: 'network (PXE)' };
    const order = [...value].map((c) => devices[c] ?? `${code(c)} (unknown to QEMU)`);
    out.push(`Boot order: ${order.join(', then ')}.`);
  }
  const enumLike = entry.values && entry.values.length > 0;
  if (enumLike && !(isBoolean && number !== undefined && !valueText(key, value))) {
    const written = entry.kind === 'boolean-or-list' && value.startsWith('!') ? value.slice(1) : value;
    const member = matchEnumValue(entry, written, ctx.guestType);
    const verdict = valueAllowedIn(key, value, version, ctx.guestType);
    if (member) {
      const head = member.value === written ? `${code(member.value)}` : `${code(written)} — xl reads this as ${code(member.value)}`;
      const negated = written !== value ? ' (removed from the set by `!`)' : '';
      out.push(`${head}${negated}: ${valueText(key, member.value) ?? 'a value of ' + code(key) + '.'}`);
      if (!verdict.allowed) {
        if (verdict.reason === 'not-yet') out.push(`> ⚠ Only from Xen ${verdict.since}; the target ${version} does not accept it.`);
        else if (verdict.reason === 'removed') out.push(`> ⚠ Gone after Xen ${verdict.until}; the target ${version} does not accept it.`);
      }
      if (member.guestTypes && !member.guestTypes.includes(ctx.guestType)) {
        out.push(`> ⚠ Only for ${member.guestTypes.map((g) => GUEST_NAMES[g]).join('/')} guests` +
          (entry.kind === 'enum-or-path' && ctx.guestType === 'hvm' ? '; for HVM, xl takes it as the path of a firmware file.' : '.'));
      }
      if (key === 'device_model_version' && member.value === 'qemu-xen-traditional') out.push(traditionalStatus(version).text);
    } else if (!verdict.allowed) {
      out.push(`${code(value)} is not a value of ${code(key)}. Known: ${(entry.values ?? []).map((e) => code(e.value)).join(', ')}.`);
    }
  }
  return out.length ? out.join('\n\n') : null;
}
