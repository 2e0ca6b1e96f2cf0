// The effective config: what xl really uses of a guest config, with the `key=value` overrides of
// `xl create CFG key=value...` applied the way xl applies them.
//
// How xl does it (tools/xl/xl_vmcontrol.c, main_create and create_domain, the same from Xen 4.10 to
// 4.22): every command-line word after the config file that contains `=` is appended, followed by a
// newline, to one "extra config" string; a word without `=` would be a second config file, and xl
// prints its usage and exits with status 2. The extra config is appended to the file's bytes as
// "\n" EXTRA "\n", and libxlutil parses the whole text at once. So an override is an ordinary line
// at the end of the file: the last assignment of a key wins, `+=` joins onto what the file set, and
// a syntax error inside an override is reported by libxlutil with the file's name and the line the
// override lands on.
import { Analysis } from '../analyze';
import type { Setting, Value } from '../syntax/settings';
import { keyVerdicts } from './statements';
import { stringifyDeep } from '../util/json';

/** The message xl prints when libxlutil refuses the text (strerror(EINVAL)). */
const PARSE_FAILED = 'Failed to parse config: Invalid argument';

/** An override: one command-line word, and where it lands in the text xl parses. */
export interface OverridePlace {
  /** 1-based, in command-line order. */
  readonly index: number;
  readonly text: string;
  /** Byte span in the text xl parses. */
  readonly start: number;
  readonly end: number;
  /** libxlutil's line numbers (1-based) of its first and last line. */
  readonly firstLine: number;
  readonly lastLine: number;
}

/** Where an assignment comes from: a line of the file, or an override. */
export interface Origin {
  /** libxlutil's line (1-based) of the key, in the text xl parses. */
  readonly line: number;
  /** The override (1-based) when the assignment is one. */
  readonly override?: number;
  readonly op: '=' | '+=';
}

export interface EffectiveSetting {
  readonly name: string;
  /** The value xl's lookups find (a `+=` chain already joined). */
  readonly value: Value;
  /** The assignments it is made of: the last `=` (or the first `+=`) and the `+=` after it. */
  readonly origins: readonly Origin[];
  /** Earlier assignments of the key that the chain replaces. */
  readonly replaced: readonly Origin[];
  /** What the checks say of the key: xl does not know it, ignores it here, or it is deprecated. */
  readonly verdicts: readonly ('unknown' | 'ignored' | 'deprecated')[];
  /** What xl prints about these assignments (its warnings, e.g. that it ignores the value). */
  readonly xl: readonly string[];
}

export interface EffectiveConfig {
  readonly overrides: readonly OverridePlace[];
  /** A command line xl would not run (a word without `=`, an option): why; nothing is parsed then. */
  readonly usageError?: string;
  /** libxlutil accepts the text (file and overrides). */
  readonly accepted: boolean;
  /** One per key, in the order the keys first appear; empty when the text is refused. */
  readonly settings: readonly EffectiveSetting[];
  /** What xl prints on stderr after `Parsing config from FILE`. */
  readonly stderr: readonly string[];
  /** xl's exit status (0: it prints the config; negative: it dies of that signal). */
  readonly exitStatus: number;
  /** The libxl_domain_config `xl -N create` prints, or null. */
  readonly config: Record<string, unknown> | null;
  /** The view shown in the editor (and by other editors as a file). */
  readonly text: string;
}

// ---- the command line ----

/**
 * Splits what a user types after `xl create CFG` into words, as a POSIX shell would: blanks separate
 * words; single quotes keep everything; double quotes keep everything but `\"`, `\\`, `\$` and
 * `` \` ``; a backslash outside quotes keeps the next character. Nothing is expanded (`$x`, `~`, `*`
 * stay as typed).
 */
export function splitOverrideWords(text: string): { words: string[] } | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) { words.push(word); word = ''; inWord = false; }
      continue;
    }
    inWord = true;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return { error: 'a single quote is not closed' };
      word += text.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1]!)) {
          if (text[j + 1] !== '\n') word += text[j + 1];
          j++;
        } else word += text[j];
      }
      if (j >= text.length) return { error: 'a double quote is not closed' };
      i = j;
    } else if (c === '\\') {
      if (i + 1 < text.length) { if (text[i + 1] !== '\n') word += text[i + 1]; i++; }
    } else word += c;
  }
  if (inWord) words.push(word);
  return { words };
}

/** Why xl would not take `words` as overrides after the config file, or undefined when it would. */
export function overrideUsageError(words: readonly string[]): string | undefined {
  for (const w of words) {
    if (w.startsWith('-')) return `\`${w}\` starts with \`-\`: xl reads it as one of its own options, not as a config line (only key=value words are applied here).`;
    if (!w.includes('=')) return `\`${w}\` has no \`=\`: xl takes it for a second config file, prints the usage of \`xl create\` and exits with status 2.`;
  }
  return undefined;
}

const encoder = new TextEncoder();

/** The bytes xl parses for `xl create CFG word...`: the file, then "\n", each word and "\n", then "\n". */
export function withOverrides(file: Uint8Array, words: readonly string[]): Uint8Array {
  if (words.length === 0) return file;
  const extra = encoder.encode(`\n${words.map((w) => `${w}\n`).join('')}\n`);
  const out = new Uint8Array(file.length + extra.length);
  out.set(file);
  out.set(extra, file.length);
  return out;
}

/** Where each word lands in the text withOverrides makes. */
export function overridePlaces(file: Uint8Array, words: readonly string[]): OverridePlace[] {
  let line = 1;
  for (const b of file) if (b === 10) line++;
  line++; // the "\n" xl puts before the extra config
  let at = file.length + 1;
  return words.map((text, i) => {
    const len = encoder.encode(text).length;
    const newlines = text.split('\n').length - 1;
    const place = { index: i + 1, text, start: at, end: at + len, firstLine: line, lastLine: line + newlines };
    at += len + 1;
    line += newlines + 1;
    return place;
  });
}

// ---- the analysis ----

/**
 * What xl uses of the config analysed by `a` when `xl create CFG` gets `overrides` (the words after
 * the file; see splitOverrideWords for typed text). Pure: the text with the overrides is analysed
 * under the same options.
 */
export function effectiveConfig(a: Analysis, overrides: readonly string[] = []): EffectiveConfig {
  const usageError = overrideUsageError(overrides);
  if (usageError !== undefined) {
    const base = { overrides: [], usageError, accepted: false, settings: [], stderr: [], exitStatus: 2, config: null };
    return { ...base, text: render(a, base) };
  }
  const places = overridePlaces(a.bytes, overrides);
  const b = overrides.length === 0 ? a : new Analysis({ ...a.request, bytes: withOverrides(a.bytes, overrides), options: a.request.options });
  const name = a.options.sourceName;
  let result: Omit<EffectiveConfig, 'text'>;
  if (!b.parsed.accepted) {
    const aborted = b.parsed.errors.some((e) => e.kind === 'abort');
    result = {
      overrides: places, accepted: false, settings: [],
      stderr: aborted ? b.parsed.messages(name) : [...b.parsed.messages(name), PARSE_FAILED],
      exitStatus: aborted ? -6 : 1, config: null,
    };
  } else {
    const xl = b.xl;
    result = {
      // Above the editor's size limit only the syntax is checked: no view of a 20 MB file.
      overrides: places, accepted: true, settings: b.semantic ? effectiveSettings(b, places) : [],
      stderr: xl?.stderr ?? [], exitStatus: xl?.exitStatus ?? 0, config: xl?.config ?? null,
    };
  }
  return { ...result, text: render(b, result) };
}

function effectiveSettings(b: Analysis, places: readonly OverridePlace[]): EffectiveSetting[] {
  const byName = new Map<string, Setting[]>();
  for (const s of b.settings) {
    let l = byName.get(s.name);
    if (!l) byName.set(s.name, (l = []));
    l.push(s);
  }
  const verdicts = b.semantic ? keyVerdicts(b) : new Map<string, Set<'unknown' | 'deprecated' | 'ignored'>>();
  const origin = (s: Setting): Origin => {
    const line = b.lines.lineOf(s.keyStart) + 1;
    const o = places.find((p) => s.keyStart >= p.start && s.keyStart < p.end);
    return { line, op: s.op, ...(o ? { override: o.index } : {}) };
  };
  const xlFindings = b.xl?.findings ?? [];
  const out: EffectiveSetting[] = [];
  for (const [name, list] of byName) {
    let base = list.length - 1;
    while (base > 0 && list[base]!.op === '+=') base--;
    const chain = list.slice(base);
    out.push({
      name, value: list[list.length - 1]!.value,
      origins: chain.map(origin), replaced: list.slice(0, base).map(origin),
      verdicts: [...(verdicts.get(name) ?? [])].sort(),
      xl: [...new Set(xlFindings.filter((f) => chain.some((s) => f.start >= s.keyStart && f.start < s.end)).map((f) => f.message))],
    });
  }
  return out;
}

// ---- the text ----

/**
 * A value as xl.cfg text that libxlutil reads back to the same value: a long list one item per
 * line (nested lists down to a few levels), anything deeper on one line. Deep nesting (libxlutil
 * takes lists thousands deep) is walked without recursion.
 */
export function renderValue(v: Value, indent = ''): string {
  if (v.type === 'string') return atom(v.value);
  if (v.items.length === 0) return '[ ]';
  const flat = renderFlat(v);
  if ((flat.length <= 72 && v.items.every((i) => i.type === 'string')) || indent.length >= 16) return flat;
  const inner = `${indent}    `;
  return `[\n${v.items.map((i) => `${inner}${renderValue(i, inner)},\n`).join('')}${indent}]`;
}

function atom(s: string): string {
  return /^[0-9][0-9a-fx]*$/.test(s) ? s : quote(s);
}

/** `[ a, [ b, c ] ]` on one line, iteratively. */
function renderFlat(v: Value): string {
  const out: string[] = [];
  const stack: { items: readonly Value[]; i: number }[] = [];
  const open = (x: Value) => {
    if (x.type === 'string') out.push(atom(x.value));
    else if (x.items.length === 0) out.push('[ ]');
    else { out.push('[ '); stack.push({ items: x.items, i: 0 }); }
  };
  open(v);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i === top.items.length) { stack.pop(); out.push(' ]'); continue; }
    if (top.i > 0) out.push(', ');
    open(top.items[top.i++]!);
  }
  return out.join('');
}

/** A value as plain data (`{ type, value }` or `{ type, items }`), for JSON; iterative. */
export function plainValue(v: Value): PlainValue {
  if (v.type === 'string') return { type: 'string', value: v.value };
  const root: PlainValue = { type: 'list', items: [] };
  const stack: { from: readonly Value[]; to: PlainValue[]; i: number }[] = [{ from: v.items, to: root.items, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i === top.from.length) { stack.pop(); continue; }
    const x = top.from[top.i++]!;
    if (x.type === 'string') top.to.push({ type: 'string', value: x.value });
    else {
      const list: PlainValue = { type: 'list', items: [] };
      top.to.push(list);
      stack.push({ from: x.items, to: list.items, i: 0 });
    }
  }
  return root;
}
export type PlainValue = { type: 'string'; value: string; items?: undefined } | { type: 'list'; items: PlainValue[]; value?: undefined };

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

function quote(s: string): string {
  return `"${s.replace(/[\\"\n\t\r\x07\b\f\v]/g, (c) => ESCAPES[c]!)}"`;
}

function originText(os: readonly Origin[], places: readonly OverridePlace[]): string {
  const parts = os.map((o) => {
    const what = o.override !== undefined ? `override ${o.override} (${places[o.override - 1]?.text ?? ''})` : `line ${o.line}`;
    return o.op === '+=' ? `${what} +=` : what;
  });
  return parts.join(', ');
}

const VERDICT_TEXT = { unknown: 'xl does not know this key', ignored: 'ignored for this guest', deprecated: 'deprecated' } as const;

function commandLine(name: string, places: readonly OverridePlace[]): string {
  const word = (w: string) => (/^[A-Za-z0-9_.,:/=+@%-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
  return ['xl', 'create', word(name), ...places.map((p) => word(p.text))].join(' ');
}

function render(b: Analysis, r: Omit<EffectiveConfig, 'text'>): string {
  const name = b.options.sourceName;
  const out: string[] = [];
  out.push(`# What xl uses of ${name} (Xen ${b.options.xenVersion}, ${b.options.host} host)`);
  if (r.usageError !== undefined) {
    out.push('#', `# xl would not run this command line: ${r.usageError}`);
    return out.join('\n') + '\n';
  }
  out.push(`# for: ${commandLine(name, r.overrides)}`);
  out.push('# One line per key, as xl reads it: the last assignment wins, a += chain is joined.');
  if (r.overrides.length) {
    const first = r.overrides[0]!.firstLine, last = r.overrides[r.overrides.length - 1]!.lastLine;
    out.push(`# xl appends the overrides to the file, as ${first === last ? `line ${first}` : `lines ${first}..${last}`}.`);
  }
  out.push('');
  if (!r.accepted) {
    out.push(`# xl cannot parse ${r.overrides.length ? 'the file with these overrides' : 'this file'}, so it uses nothing of it:`);
    for (const l of r.stderr) out.push(`#   ${l}`);
    for (const line of new Set(b.parsed.errors.filter((e) => !e.hidden && e.kind !== 'abort').map((e) => e.line))) {
      const o = r.overrides.find((p) => line >= p.firstLine && line <= p.lastLine);
      if (o) out.push(`# Line ${line} is override ${o.index}: ${o.text}`);
      else if (r.overrides.length && line > r.overrides[r.overrides.length - 1]!.lastLine) out.push(`# Line ${line} is the end of the text, after the overrides.`);
    }
    return out.join('\n') + '\n';
  }
  if (b.semantic && r.settings.length === 0) out.push('# (no settings)', '');
  for (const s of r.settings) {
    const notes = [originText(s.origins, r.overrides)];
    if (s.replaced.length) notes.push(`replaces ${originText(s.replaced.map((o) => ({ ...o, op: '=' as const })), r.overrides)}`);
    for (const v of s.verdicts) notes.push(VERDICT_TEXT[v]);
    for (const m of s.xl) notes.push(`xl: ${m}`);
    const value = renderValue(s.value);
    const nl = value.indexOf('\n');
    out.push(nl < 0 ? `${s.name} = ${value}  # ${notes.join('; ')}` : `${s.name} = ${value.slice(0, nl)}  # ${notes.join('; ')}${value.slice(nl)}`);
  }
  if (r.settings.length) out.push('');
  if (!b.semantic) {
    out.push('# The file is too large for this view (it is checked for its syntax only); `xlcfg effective FILE` shows it.');
    return out.join('\n') + '\n';
  }
  if (r.config) {
    if (r.stderr.length) {
      out.push('# xl -N create accepts it and prints:');
      for (const l of r.stderr) out.push(`#   ${l}`);
    }
    out.push('# The libxl_domain_config `xl -N create` prints:');
    out.push(stringifyDeep(r.config, 4));
  } else {
    const crash = b.xl?.findings.find((f) => f.code === 'xl-crashes');
    out.push(r.exitStatus < 0 ? '# xl -N create dies on it:' : `# xl -N create refuses it (exit status ${r.exitStatus}):`);
    for (const l of r.stderr) out.push(`#   ${l}`);
    if (crash) out.push(`# ${crash.message}`);
  }
  return out.join('\n') + '\n';
}
