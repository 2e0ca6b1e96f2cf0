// Where a check points: the setting a user would change (the last assignment, which is the one xl
// reads), or the line that names the guest when no key is responsible.
import type { ByteSpan, RelatedSpan } from '../finding';
import type { CheckContext } from './context';
import type { Setting } from '../syntax/settings';

/** The whole statement `key = value` of the setting xl reads for `name`. */
export function statementSpan(s: Setting): ByteSpan {
  return { start: s.keyStart, end: s.end };
}

/** The value as written on its line (quotes included). */
export function writtenSpan(s: Setting): ByteSpan {
  return { start: s.written.start, end: s.written.end };
}

export function setting(a: CheckContext, name: string): Setting | undefined {
  return a.effective.get(name);
}

/** The span of the first of `keys` that the file sets, else the `type`/`name` line, else the start. */
export function spanForKeys(a: CheckContext, keys: readonly string[]): { span: ByteSpan; key?: string } {
  for (const k of keys) {
    const s = a.effective.get(k);
    if (s) return { span: statementSpan(s), key: k };
  }
  return { span: fallbackSpan(a) };
}

export function fallbackSpan(a: CheckContext): ByteSpan {
  const s = a.effective.get('type') ?? a.effective.get('builder') ?? a.effective.get('name') ?? a.settings[0];
  return s ? statementSpan(s) : { start: 0, end: 0 };
}

/** Related spans for the other keys involved that the file sets. */
export function relatedFor(a: CheckContext, keys: readonly string[], skip: string | undefined, message: (key: string) => string): RelatedSpan[] {
  const out: RelatedSpan[] = [];
  for (const k of keys) {
    if (k === skip) continue;
    const s = a.effective.get(k);
    if (s) out.push({ ...statementSpan(s), message: message(k) });
  }
  return out;
}

/** The decoded string of a setting that holds a single value, else undefined. */
export function stringValue(s: Setting | undefined): string | undefined {
  return s && s.value.type === 'string' ? s.value.value : undefined;
}
