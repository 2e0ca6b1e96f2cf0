// The key catalogue: the single place an xl.cfg key is described (facts from xl_parse.c, libxl and
// xl.cfg(5) of Xen 4.10 to 4.22, texts written for xlcfg). Everything else asks here.
import type { XenVersion } from '../options';
import { KEY_FACTS } from './key-facts';
import { statusOf, type KeyStatusInfo } from './key-status';
import { makeSuggester } from './suggest';
import { KEY_TEXTS } from './texts';
import type { GuestType, KeyEntry, KeyFacts } from './types';
import { valueVerdict, type ValueVerdict } from './value-gates';

export type { GuestType, KeyEntry, KeyFacts, KeyKind, KeyText, EnumValue, Arch, Unit, DefaultValue } from './types';
export type { KeyStatus, KeyStatusInfo } from './key-status';
export type { ValueVerdict, ValueVerdictReason } from './value-gates';
export { matchEnumValue, valuesIn } from './value-gates';
export { sinceText } from './key-status';
export { editDistance } from './suggest';
export { XEN_RELEASES, xenRelease, manPageUrl } from './xen-releases';
export { SPEC_FIELD_GATES, specFieldGate, specValueGate } from './spec-field-gates';

function withText(facts: KeyFacts): KeyEntry {
  const text = KEY_TEXTS[facts.name];
  return {
    ...facts,
    summary: text?.summary ?? '',
    doc: text?.doc ?? '',
    example: text?.example ?? '',
    ...(text?.defaultText ? { defaultText: text.defaultText } : {}),
  };
}

/** Every key xl reads in some release 4.1..4.22 or xl.cfg(5) documents, including the few dropped
 *  before 4.10 (they carry `removedIn`). */
export const ALL_KEYS: readonly KeyEntry[] = KEY_FACTS.map(withText);

const BY_NAME = new Map<string, KeyEntry>(ALL_KEYS.map((k) => [k.name, k]));

/** The catalogue entry for a key, exactly as written (xl keys are lower case). */
export function lookupKey(name: string): KeyEntry | undefined {
  return BY_NAME.get(name);
}

/** Whether xl of `version` reads the key; null for a key the catalogue does not know. */
export function keyStatusIn(name: string, version: XenVersion | string): KeyStatusInfo | null {
  const entry = BY_NAME.get(name);
  return entry ? statusOf(entry, version) : null;
}

/** Whether a key applies to a guest type (xl reads it, or it has an effect, for that type). */
export function keyAppliesTo(entry: KeyFacts, guestType: GuestType): boolean {
  return entry.guestTypes.includes(guestType);
}

// Keys that still exist are preferred over deprecated ones, and those over dropped ones.
const suggester = makeSuggester(
  ALL_KEYS.map((k) => k.name),
  (name) => {
    const k = BY_NAME.get(name)!;
    return k.removedIn ? 2 : k.deprecated ? 1 : 0;
  },
);

/** "Did you mean": up to `max` catalogue keys close to an unknown name, best first. */
export function suggestKeys(name: string, max = 3): string[] {
  return suggester.suggest(name, max);
}

/** Whether xl/libxl of `version` accept this value for the key (enumerated members, versioned values). */
export function valueAllowedIn(key: string, value: string, version: XenVersion | string, guestType?: GuestType): ValueVerdict {
  return valueVerdict(BY_NAME.get(key), value, version, guestType);
}

export { VALUE_TEXTS, valueText } from './value-texts';
export { dmRestrictNotes, traditionalStatus, type DmRestrictNotes, type TraditionalStatus } from './dm-restrict-notes';
export { SPEC_FIELDS, specFields, type SpecField } from './spec-fields';
export { SPEC_FIELD_DOCS, SPEC_PART_KEYS, SERIAL_VALUES, VSND_LEVELS, VSND_LEVEL_FIELDS, VSND_SHARED_FIELDS, specFieldDoc, type SpecFieldDoc } from './spec-docs';
export { KEY_MESSAGES, type XlMessage } from './key-messages';
