// Values xl accepts without doing what the user meant: a boolean written as "yes"/"true" (xl's
// lookup fails, warns that it is not a number, and the default applies), and maxmem below memory.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { lookupKey } from '../catalogue';
import { domainView, memkb } from '../model/domain-view';
import { setting, statementSpan, stringValue } from './spans';
import type { CheckFinding, CheckHandler } from './fix';
import { replaceValue } from '../syntax/edits';

declare module './codes' {
  interface FindingData {
    /** xl-not-a-number's data, plus the key, the 1/0 to write and xl's message. */
    'boolean-as-word': Readonly<Record<string, unknown>> & { readonly key: string; readonly replacement: '1' | '0'; readonly xlMessage: string };
  }
}

const TRUE_WORDS = new Set(['yes', 'true', 'on', 'y', 'enable', 'enabled']);
const FALSE_WORDS = new Set(['no', 'false', 'off', 'n', 'disable', 'disabled']);

/** A boolean key given a word: xl's "not a valid number" warning, explained, with the 1/0 to write. */
export function booleanWord(a: CheckContext, f: Finding): Finding {
  if (f.code !== 'xl-not-a-number') return f;
  const key = (typeof f.data?.key === 'string' ? f.data.key : undefined) ?? keyAt(a, f.start);
  const entry = key ? lookupKey(key) : undefined;
  const s = key ? setting(a, key) : undefined;
  const word = stringValue(s)?.toLowerCase();
  if (!key || !entry || entry.kind !== 'boolean' || !s || word === undefined) return f;
  const replacement: '1' | '0' | undefined = TRUE_WORDS.has(word) ? '1' : FALSE_WORDS.has(word) ? '0' : undefined;
  if (!replacement) return f;
  return {
    ...f, code: 'boolean-as-word', severity: 'warning',
    message: `${f.message} — xl reads booleans as numbers only, so \`${key}\` keeps its default; write ${replacement}.`,
    data: { ...(f.data ?? {}), key, replacement, xlMessage: f.message },
  } satisfies CheckFinding<'boolean-as-word'>;
}

/** name by the start of its written value, built once per analysis. */
const byValueStart = new WeakMap<CheckContext, Map<number, string>>();

function keyAt(a: CheckContext, offset: number): string | undefined {
  let m = byValueStart.get(a);
  if (!m) {
    m = new Map();
    for (const [name, s] of a.effective) m.set(s.written.start, name);
    byValueStart.set(a, m);
  }
  return m.get(offset);
}

export function maxmemBelowMemory(a: CheckContext): Finding[] {
  const cfg = a.xl?.config;
  const maxmem = setting(a, 'maxmem');
  const memory = setting(a, 'memory');
  if (!cfg || !maxmem || !memory) return [];
  const b = domainView(cfg).bInfo;
  const max = memkb(b, 'max_memkb') ?? 0;
  const target = memkb(b, 'target_memkb') ?? 0;
  if (!(max > 0 && target > 0 && max < target)) return [];
  return [{
    ...statementSpan(maxmem), code: 'maxmem-below-memory', severity: 'warning',
    message: `maxmem (${max / 1024} MiB) is below memory (${target / 1024} MiB): xl and libxl accept it without a word, but maxmem is the ceiling the guest's memory may grow to; set it to at least memory or remove it.`,
    related: [{ ...statementSpan(memory), message: 'memory is set here' }],
  }];
}

export const handler: CheckHandler = {
  kind: 'key', check: maxmemBelowMemory,
  fixes: {
    'boolean-as-word': (a, f) => {
      const s = a.effective.get(f.data.key);
      return s ? [{ title: `Write ${f.data.replacement}`, edits: [replaceValue(s, f.data.replacement)], preferred: true, safe: true }] : [];
    },
  },
};
