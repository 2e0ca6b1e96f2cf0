// Mirrors tools/libs/util/libxlu_cfg.c (Xen 4.14-4.22, unchanged since): the typed lookups xl does on
// the stored settings (get_string, replace_string, get_long, get_bounded_long, get_defbool,
// get_list, get_list_as_string_list, listitem, value_get_*), with the warnings they print.
import type { ByteSpan } from '../finding';
import type { ListValue, Setting, Value } from '../syntax/settings';
import { strtol } from './strtol';
import type { XlReport } from './xl-report';

/** The errno values libxlutil's lookups return. */
export type Errno = 'ESRCH' | 'EINVAL' | 'ERANGE';

export type Lookup<T> =
  | { readonly ok: true; readonly value: T; readonly setting: Setting }
  | { readonly ok: false; readonly errno: Errno; readonly setting?: Setting };

const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

/** Span of the value a setting stored (what a fix would change). */
export function valueSpan(s: Setting): ByteSpan {
  return { start: s.written.start, end: s.written.end };
}

export function spanOf(v: Value): ByteSpan {
  return { start: v.start, end: v.end };
}

/** Where the stored settings come from: the list itself, or something that already finds the
 *  newest setting of a name (the parse result does, without materialising every setting). */
export type SettingSource = readonly Setting[] | { find(name: string): Setting | undefined };

export class ConfigReader {
  private readonly lookup: (name: string) => Setting | undefined;

  constructor(
    settings: SettingSource,
    readonly sourceName: string,
    readonly report: XlReport,
  ) {
    if (Array.isArray(settings)) {
      // libxlutil prepends each new setting and searches from the head: the last one wins.
      const latest = new Map<string, Setting>();
      for (const s of settings as readonly Setting[]) latest.set(s.name, s);
      this.lookup = (name) => latest.get(name);
    } else {
      const source = settings as { find(name: string): Setting | undefined };
      this.lookup = (name) => source.find(name);
    }
  }

  find(name: string): Setting | undefined {
    return this.lookup(name);
  }

  /** A lookup warning: `SRC:LINE: warning: ...` on stderr, a Finding without the prefix. */
  private warn(s: Setting, text: string, code: string): void {
    this.report.line(`${this.sourceName}:${s.line}: ${text}`, { span: valueSpan(s), code, data: { key: s.name } }, text);
  }

  private findAtom(name: string, dontWarn: boolean): Lookup<Setting> {
    const s = this.find(name);
    if (!s) return { ok: false, errno: 'ESRCH' };
    if (s.value.type !== 'string') {
      if (!dontWarn) this.warn(s, `warning: parameter \`${name}' is a list but should be a single value`, 'xl-not-a-single-value');
      return { ok: false, errno: 'EINVAL', setting: s };
    }
    return { ok: true, value: s, setting: s };
  }

  /** xlu_cfg_get_string / xlu_cfg_replace_string. */
  getString(name: string, dontWarn = false): Lookup<string> {
    const r = this.findAtom(name, dontWarn);
    if (!r.ok) return r;
    return { ok: true, value: (r.value.value as { value: string }).value, setting: r.setting };
  }

  /** xlu_cfg_get_bounded_long. */
  getBoundedLong(name: string, min: bigint, max: bigint, dontWarn = false): Lookup<bigint> {
    const r = this.findAtom(name, dontWarn);
    if (!r.ok) return r;
    const s = r.setting;
    if (s.op === '+=') {
      if (!dontWarn) this.warn(s, `warning: can't use += with numbers for parameter \`${name}'`, 'xl-number-append');
      return { ok: false, errno: 'EINVAL', setting: s };
    }
    const text = (s.value as { value: string }).value;
    const n = strtol(text, 0);
    if (n.overflow) {
      if (!dontWarn) this.warn(s, `warning: parameter \`${name}' could not be parsed as a number: Numerical result out of range`, 'xl-number-out-of-range');
      return { ok: false, errno: 'ERANGE', setting: s };
    }
    if (n.end === 0 || n.end !== text.length) {
      if (!dontWarn) this.warn(s, `warning: parameter \`${name}' is not a valid number`, 'xl-not-a-number');
      return { ok: false, errno: 'EINVAL', setting: s };
    }
    if (n.value < min) {
      if (!dontWarn) this.warn(s, `warning: value \`${n.value}' is smaller than minimum bound '${min}'`, 'xl-number-below-bound');
      return { ok: false, errno: 'EINVAL', setting: s };
    }
    if (n.value > max) {
      if (!dontWarn) this.warn(s, `warning: value \`${n.value}' is greater than maximum bound '${max}'`, 'xl-number-above-bound');
      return { ok: false, errno: 'EINVAL', setting: s };
    }
    return { ok: true, value: n.value, setting: s };
  }

  /** xlu_cfg_get_long. */
  getLong(name: string, dontWarn = false): Lookup<bigint> {
    return this.getBoundedLong(name, LONG_MIN, LONG_MAX, dontWarn);
  }

  /** xlu_cfg_get_defbool: a long, 0 = false, anything else = true. */
  getDefbool(name: string, dontWarn = false): Lookup<boolean> {
    const r = this.getLong(name, dontWarn);
    if (!r.ok) return r;
    return { ok: true, value: r.value !== 0n, setting: r.setting };
  }

  /** xlu_cfg_get_list. */
  getList(name: string, dontWarn = false): Lookup<ListValue> {
    const s = this.find(name);
    if (!s) return { ok: false, errno: 'ESRCH' };
    if (s.value.type !== 'list') {
      if (!dontWarn) this.warn(s, `warning: parameter \`${name}' is a single value but should be a list`, 'xl-not-a-list');
      return { ok: false, errno: 'EINVAL', setting: s };
    }
    return { ok: true, value: s.value, setting: s };
  }

  /**
   * xlu_cfg_get_list_as_string_list: a nested list item becomes NULL, which ends the C string list
   * there; the returned array is what libxl sees (up to the first NULL).
   */
  getListAsStringList(name: string, dontWarn = false): Lookup<string[]> {
    const r = this.getList(name, dontWarn);
    if (!r.ok) return r;
    const out: string[] = [];
    for (const item of r.value.items) {
      if (item.type !== 'string') break;
      out.push(item.value);
    }
    return { ok: true, value: out, setting: r.setting };
  }

  /** xlu_cfg_value_get_string: `SRC:LINE:0: warning: value is not a string`. */
  valueGetString(v: Value, dontWarn = false): string | null {
    if (v.type !== 'string') {
      if (!dontWarn) {
        const text = 'warning: value is not a string';
        this.report.line(`${this.sourceName}:${v.line}:0: ${text}`, { span: spanOf(v), code: 'xl-not-a-string' }, text);
      }
      return null;
    }
    return v.value;
  }

  /** xlu_cfg_value_get_list: `SRC:LINE:0: warning: value is not a list`. */
  valueGetList(v: Value, dontWarn = false): ListValue | null {
    if (v.type !== 'list') {
      if (!dontWarn) {
        const text = 'warning: value is not a list';
        this.report.line(`${this.sourceName}:${v.line}:0: ${text}`, { span: spanOf(v), code: 'xl-not-a-list' }, text);
      }
      return null;
    }
    return v;
  }
}

/** xlu_cfg_get_listitem: the string at `i`, or null past the end or for a nested list. */
export function listItem(list: ListValue, i: number): string | null {
  const v = list.items[i];
  return v && v.type === 'string' ? v.value : null;
}
