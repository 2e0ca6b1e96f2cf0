// Whether a value of a key is accepted by a given Xen release: enumerated members (with xl's or
// libxl's case rules and xl's prefix matching for type=/builder=/firmware=) and values that only
// exist in some releases (tee="ffa" from 4.18, qemu-xen-traditional until 4.20, ...).
import { versionNumber } from '../options';
import type { EnumValue, GuestType, KeyFacts } from './types';

export type ValueVerdictReason =
  | 'unknown-key' // the catalogue does not know the key
  | 'free-form' // the key takes any string / number; nothing to check
  | 'unknown-value' // not one of the enumerated values
  | 'not-yet' // the value exists only from a later release
  | 'removed' // the value was dropped in an earlier release
  | 'guest-type'; // the value is only for other guest types

export interface ValueVerdict {
  readonly allowed: boolean;
  /** The catalogue member that matched (full spelling when xl matched a prefix). */
  readonly matched?: string;
  readonly reason?: ValueVerdictReason;
  readonly since?: string;
  readonly until?: string;
  readonly guestTypes?: readonly GuestType[];
}

const ENUM_KINDS = new Set(['enum-string', 'integer-or-enum-string', 'boolean-or-enum-string', 'enum-or-path', 'boolean-or-list', 'spec-string']);

/** The enumerated member a written value stands for, following xl's matching rules. */
export function matchEnumValue(facts: KeyFacts, written: string, guestType?: GuestType): EnumValue | undefined {
  const values = facts.values ?? [];
  const forGuest = (e: EnumValue) => !guestType || !e.guestTypes || e.guestTypes.includes(guestType);
  const same = (e: EnumValue) => facts.caseSensitive === false || e.anyCase
    ? e.value.toLowerCase() === written.toLowerCase()
    : e.value === written;
  const exact = values.find((e) => forGuest(e) && same(e)) ?? values.find(same);
  if (exact) return exact;
  // xl tries the prefix-matched values in the order the catalogue lists them.
  return values.find((e) => forGuest(e) && (facts.prefixMatch || e.prefix) && e.value.startsWith(written));
}

export function valueVerdict(facts: KeyFacts | undefined, value: string, version: string, guestType?: GuestType): ValueVerdict {
  if (!facts) return { allowed: true, reason: 'unknown-key' };
  let written = value;
  if (facts.kind === 'boolean-or-list' && written.startsWith('!')) written = written.slice(1);
  const member = matchEnumValue(facts, written, guestType);
  if (!member) {
    const numeric = /^-?(0x[0-9a-f]+|\d+)$/i.test(written);
    if (!ENUM_KINDS.has(facts.kind) || !facts.values || facts.values.length === 0) return { allowed: true, reason: 'free-form' };
    if (facts.kind === 'enum-or-path' && guestType !== 'pv' && guestType !== 'pvh') return { allowed: true, reason: 'free-form' };
    if ((facts.kind === 'boolean-or-enum-string' || facts.kind === 'boolean-or-list') && numeric) return { allowed: true, reason: 'free-form' };
    return { allowed: false, reason: 'unknown-value' };
  }
  const gate = { matched: member.value, ...(member.since ? { since: member.since } : {}), ...(member.until ? { until: member.until } : {}) };
  const v = versionNumber(version);
  if (member.since && v < versionNumber(member.since)) return { allowed: false, reason: 'not-yet', ...gate };
  if (member.until && v > versionNumber(member.until)) return { allowed: false, reason: 'removed', ...gate };
  if (guestType && member.guestTypes && !member.guestTypes.includes(guestType)) {
    // For HVM, xl takes any firmware= it does not recognise as the path of a firmware file.
    if (facts.kind === 'enum-or-path' && guestType === 'hvm') return { allowed: true, reason: 'free-form' };
    return { allowed: false, reason: 'guest-type', guestTypes: member.guestTypes, ...gate };
  }
  return { allowed: true, ...gate };
}

/** The members a release accepts (for completion), optionally for one guest type. */
export function valuesIn(facts: KeyFacts, version: string, guestType?: GuestType): EnumValue[] {
  const v = versionNumber(version);
  return (facts.values ?? []).filter((e) =>
    (!e.since || v >= versionNumber(e.since)) &&
    (!e.until || v <= versionNumber(e.until)) &&
    (!guestType || !e.guestTypes || e.guestTypes.includes(guestType)));
}
