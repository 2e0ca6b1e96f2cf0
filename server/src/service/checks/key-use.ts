// Keys that are read but do nothing for this guest: keys of another guest type (xl reads them only
// inside its `if (type == ...)` branches), keys with no effect with the chosen device model, and
// deprecated keys (hint with the Deprecated tag; xl's own deprecation warnings are kept as they are).
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { keyAppliesTo, keyStatusIn, lookupKey, type GuestType } from '../catalogue';
import { isObject } from '../defaults/json';
import { setting, statementSpan, stringValue } from './spans';
import { has } from '../util/lists';

/** xl codes that already speak about a key's deprecation or being ignored. */
const XL_SAYS_IGNORED = new Set(['xl-deprecated', 'xl-ignored', 'xl-device-model-ignored', 'xl-kernel-hvmloader']);

export function guestTypeOf(a: CheckContext): GuestType | undefined {
  const c = a.xl?.config?.c_info;
  const t = isObject(c) ? c.type : undefined;
  return t === 'hvm' || t === 'pv' || t === 'pvh' ? t : undefined;
}

function xlAlreadySays(said: readonly Finding[], start: number, end: number): boolean {
  return said.some((f) => f.start < end && f.end > start);
}

export function keyUseChecks(a: CheckContext): Finding[] {
  const type = guestTypeOf(a);
  const out: Finding[] = [];
  const said = (a.xl?.findings ?? []).filter((f) => XL_SAYS_IGNORED.has(f.code));
  const known: [string, number][] = [];
  a.parsed.forEachEffective((name, i) => { if (lookupKey(name)) known.push([name, i]); });
  for (const [name, i] of known) {
    const entry = lookupKey(name)!;
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

function deprecated(a: CheckContext, name: string, span: { start: number; end: number }, replacedBy?: string, ignored?: boolean): Finding {
  const data: Record<string, unknown> = { key: name };
  if (replacedBy) data.replacedBy = replacedBy;
  const s = setting(a, name)!;
  const value = stringValue(s);
  if (value !== undefined) data.value = value;
  if (name === 'builder') {
    const type = setting(a, 'type');
    if (type) data.type = stringValue(type);
  }
  if (name === 'stdvga' && setting(a, 'vga')) data.vgaSet = true;
  const instead = replacedBy ? ` Use \`${replacedBy}\` instead.` : '';
  return {
    ...span, code: 'deprecated-key', severity: 'hint', tags: ['deprecated'],
    message: `\`${name}\` is deprecated${ignored ? ' and ignored' : ''}.${instead}`,
    data,
  };
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
