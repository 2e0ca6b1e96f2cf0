// Keys that are read but do nothing for this guest: keys of another guest type (xl reads them only
// inside its `if (type == ...)` branches), keys with no effect with the chosen device model, and
// deprecated keys (hint with the Deprecated tag; xl's own deprecation warnings are kept as they are).
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { keyAppliesTo, keyStatusIn, type GuestType } from '../catalogue';
import { guestType } from '../model/domain-view';
import { setting, statementSpan, stringValue } from './spans';
import { has } from '../util/lists';
import { fileKeys } from './file-keys';
import type { CheckFinding, CheckHandler, Fix, FixContext } from './fix';
import { removeStatement, replaceStatement } from '../syntax/edits';
import { builderGuestType, typeWordGuestType } from '../model/xl-parse-domain';

/** What to do about a deprecated key, decided by the check (xl's reading of it and of `type`). */
export type DeprecatedKeyFix =
  | { readonly kind: 'remove'; /** Why it can go, e.g. '`type` already says it'. */ readonly because?: string }
  | { readonly kind: 'replace'; readonly statement: string };

declare module './codes' {
  interface FindingData {
    'deprecated-key': {
      readonly key: string; readonly replacedBy?: string; readonly value?: string;
      /** builder: the `type` written beside it. */ readonly type?: string;
      /** stdvga: `vga` is set too. */ readonly vgaSet?: boolean;
      readonly fix?: DeprecatedKeyFix;
    };
  }
}

/** xl codes that already speak about a key's deprecation or being ignored. */
const XL_SAYS_IGNORED = new Set(['xl-deprecated', 'xl-ignored', 'xl-device-model-ignored', 'xl-kernel-hvmloader']);

function xlAlreadySays(said: readonly Finding[], start: number, end: number): boolean {
  return said.some((f) => f.start < end && f.end > start);
}

export function keyUseChecks(a: CheckContext): Finding[] {
  const type = guestType(a.xl?.config);
  const out: Finding[] = [];
  const said = (a.xl?.findings ?? []).filter((f) => XL_SAYS_IGNORED.has(f.code));
  for (const { name, setting: i, entry } of fileKeys(a.parsed).known) {
    const s = a.parsed.settingAt(i);
    const span = statementSpan(s);
    if (said.length && xlAlreadySays(said, span.start, span.end)) continue;
    const status = keyStatusIn(name, a.options.xenVersion);
    if (status?.status === 'deprecated') out.push(deprecated(a, name, span, status.replacedBy, status.ignored));
    else if (type && name !== 'type' && name !== 'builder' && !keyAppliesTo(entry, type) && !libxlSpeaksOf(a, name)) {
      out.push({
        ...span, code: 'ignored-for-guest-type', severity: 'warning', tags: ['unnecessary'],
        message: `\`${name}\` has no effect for ${type.toUpperCase()} guests (it applies to ${entry.guestTypes.map((t) => t.toUpperCase()).join(', ')}).`,
        data: { key: name, type },
      });
    }
  }
  out.push(...noEffect(a));
  return out;
}

/** libxl reads the key for this guest after all when it logs something about it (PV vNUMA is refused). */
function libxlSpeaksOf(a: CheckContext, key: string): boolean {
  return (a.libxl?.messages ?? []).some((m) => has(m.keys, key));
}

function deprecated(a: CheckContext, name: string, span: { start: number; end: number }, replacedBy?: string, ignored?: boolean): CheckFinding<'deprecated-key'> {
  const data: { -readonly [K in keyof DeprecatedKeyData]: DeprecatedKeyData[K] } = { key: name };
  if (replacedBy) data.replacedBy = replacedBy;
  const s = setting(a, name)!;
  const value = stringValue(s);
  if (value !== undefined) data.value = value;
  if (name === 'builder') {
    const type = setting(a, 'type');
    if (type) data.type = stringValue(type);
  }
  if (name === 'stdvga' && setting(a, 'vga')) data.vgaSet = true;
  const fix = deprecatedFix(name, value ?? '', data);
  if (fix) data.fix = fix;
  const instead = replacedBy ? ` Use \`${replacedBy}\` instead.` : '';
  return {
    ...span, code: 'deprecated-key', severity: 'hint', tags: ['deprecated'],
    message: `\`${name}\` is deprecated${ignored ? ' and ignored' : ''}.${instead}`,
    data,
  };
}

type DeprecatedKeyData = CheckFinding<'deprecated-key'>['data'];

/**
 * builder: xl reads it as `type` (hvm / generic = pv, by prefix), so it is replaced, or removed when
 * `type` already says the same; stdvga: removed when it is off or `vga` is set, else replaced.
 */
function deprecatedFix(key: string, value: string, data: DeprecatedKeyData): DeprecatedKeyFix | undefined {
  if (key === 'builder') {
    const target = value ? builderGuestType(value) : null;
    if (!target) return undefined;
    if ('type' in data && typeof data.type === 'string') {
      return data.type && typeWordGuestType(data.type) === target ? { kind: 'remove', because: '`type` already says it' } : undefined;
    }
    return { kind: 'replace', statement: `type = "${target}"` };
  }
  if (key === 'stdvga') {
    return data.vgaSet || !nonZeroPrefix(value) ? { kind: 'remove' } : { kind: 'replace', statement: 'vga = "stdvga"' };
  }
  return undefined;
}

/** Whether the value starts like a non-zero number (`1`, `0x1f`, `007`): stdvga is on. */
function nonZeroPrefix(v: string): boolean {
  const isDigit19 = (c: string | undefined) => c !== undefined && c >= '1' && c <= '9';
  let i = 0;
  if (v[0] === '0' && (v[1] === 'x' || v[1] === 'X')) {
    i = 2;
    while (v[i] === '0') i++;
    const c = v[i];
    return isDigit19(c) || (c !== undefined && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
  }
  while (v[i] === '0') i++;
  return isDigit19(v[i]);
}

function deprecatedFixes(a: FixContext, f: CheckFinding<'deprecated-key'>): Fix[] {
  const s = a.effective.get(f.data.key);
  const fix = f.data.fix;
  if (!s || !fix) return [];
  if (fix.kind === 'replace') return [{ title: `Replace with ${fix.statement}`, edits: [replaceStatement(s, fix.statement)], preferred: true, safe: true }];
  return [{ title: `Remove \`${f.data.key}\`${fix.because ? ` (${fix.because})` : ''}`, edits: [removeStatement(a, s)], preferred: true, safe: true }];
}

/** Keys with no effect given what libxl resolved (opengl outside qemu-xen-traditional's SDL). */
function noEffect(a: CheckContext): Finding[] {
  const out: Finding[] = [];
  const opengl = setting(a, 'opengl');
  const dm = a.deviceModel;
  if (opengl && dm && dm.outcome !== 'error' && dm.device_model_version === 'qemu_xen') {
    out.push({
      ...statementSpan(opengl), code: 'no-effect', severity: 'hint', tags: ['unnecessary'],
      message: '`opengl` has no effect with qemu-xen: libxl passes it only to qemu-xen-traditional\'s SDL display.',
      data: { key: 'opengl' },
    });
  }
  return out;
}

export const handler: CheckHandler = { kind: 'key', check: keyUseChecks, fixes: { 'deprecated-key': deprecatedFixes } };
