// Completion items for xl.cfg: keys at the start of a statement (filtered by guest type and target
// Xen version) and values after `=` (enum members in the right quotes, booleans, usual sizes).
// Plain objects; the server maps them to LSP CompletionItems.
import type { AnalysisOptions } from '../options';
import {
  ALL_KEYS, keyStatusIn, lookupKey, valueText, valuesIn, type GuestType, type KeyEntry,
} from '../catalogue';

export interface CompletionItemData {
  label: string;
  kind: 'key' | 'value';
  detail: string;
  /** Markdown. */
  documentation: string;
  /** LSP snippet syntax (`${1:placeholder}`, `${1|a,b|}`). */
  insertText: string;
  sortText: string;
  deprecated?: boolean;
}

export interface KeyCompletionContext {
  options: AnalysisOptions;
  /** The guest type from `type=`/`builder=` (or xl's default); undefined = offer keys of every type. */
  guestType?: GuestType;
  /** Keys already set in the file: offered last. */
  alreadySet: ReadonlySet<string> | readonly string[];
}

export interface ValueCompletionContext {
  options: AnalysisOptions;
  guestType?: GuestType;
  /** The quote the cursor is inside of; null (or '') when no string has been opened. */
  quote: '"' | "'" | '' | null;
}

/** Keys most configs use, in the order a config usually lists them; offered first. */
const COMMON_KEYS = [
  'name', 'type', 'memory', 'maxmem', 'vcpus', 'maxvcpus', 'cpus', 'kernel', 'ramdisk', 'cmdline', 'extra', 'root',
  'bootloader', 'firmware', 'boot', 'disk', 'vif', 'pci', 'vnc', 'vnclisten', 'vncdisplay', 'vncpasswd', 'sdl', 'spice',
  'vga', 'videoram', 'serial', 'usb', 'usbdevice', 'soundhw', 'on_poweroff', 'on_reboot', 'on_crash', 'acpi', 'viridian',
  'bios', 'device_model_version', 'device_model_stubdomain_override', 'dm_restrict',
];
const COMMON_RANK = new Map(COMMON_KEYS.map((k, i) => [k, i]));

const GUEST_NAMES: Record<GuestType, string> = { pv: 'PV', pvh: 'PVH', hvm: 'HVM' };

/** Escapes text for use inside an LSP snippet (outside placeholders). */
function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one option of a `${1|a,b|}` choice. */
function choiceOption(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

function choice(options: readonly string[], fallback = ''): string {
  const unique = [...new Set(options)];
  return unique.length > 0 ? `\${1|${unique.map(choiceOption).join(',')}|}` : `\${1${fallback ? `:${snippetText(fallback)}` : ''}}`;
}

/** The example's right-hand side, used as a placeholder where no better one exists. */
function exampleValue(entry: KeyEntry): string | undefined {
  const m = entry.example.match(/^\s*[a-z0-9_]+\s*=\s*(.*?)\s*(#.*)?$/);
  return m && m[0].startsWith(entry.name) ? m[1] : undefined;
}

function keySnippet(entry: KeyEntry, options: AnalysisOptions, guestType?: GuestType): string {
  const names = valuesIn(entry, options.xenVersion, guestType).map((e) => e.value).filter((v) => !/^\d+$/.test(v));
  const lhs = `${entry.name} = `;
  switch (entry.kind) {
    case 'boolean':
      return lhs + choice(entry.default === 1 ? ['0', '1'] : ['1', '0']);
    case 'boolean-or-enum-string':
      return lhs + choice(['1', '0']);
    case 'integer':
      return lhs + `\${1:${snippetText(typeof entry.default === 'number' ? String(entry.default) : exampleValue(entry) ?? '0')}}`;
    case 'enum-string':
    case 'integer-or-enum-string':
      return `${lhs}"${choice(names)}"`;
    case 'enum-or-path':
      return `${lhs}"${choice(names)}"`;
    case 'boolean-or-list':
      return `${lhs}[ "\${1:defaults}" ]`;
    case 'list-of-strings':
    case 'spec-list':
      return `${lhs}[ "\${1}" ]`;
    case 'nested-list':
      return `${lhs}[ [ "\${1}" ] ]`;
    default:
      return `${lhs}"\${1}"`;
  }
}

function keyDetail(entry: KeyEntry): string {
  const unit = entry.unit ? ` (${entry.unit})` : '';
  const arch = entry.arch === 'any' ? '' : ` · ${entry.arch === 'x86' ? 'x86' : 'Arm'}`;
  return `${entry.kind}${unit} · ${entry.guestTypes.map((g) => GUEST_NAMES[g]).join(', ')}${arch}`;
}

/** The key items of one (version, guest type), computed once: the catalogue does not change. */
const keyItemCache = new Map<string, CompletionItemData[]>();

function baseKeyItems(options: AnalysisOptions, guestType?: GuestType): CompletionItemData[] {
  const cacheKey = `${options.xenVersion}|${guestType ?? '*'}`;
  const cached = keyItemCache.get(cacheKey);
  if (cached) return cached;
  const items: CompletionItemData[] = [];
  for (const entry of ALL_KEYS) {
    const status = keyStatusIn(entry.name, options.xenVersion);
    if (!status || status.status === 'absent' || status.status === 'removed') continue;
    if (guestType && !entry.guestTypes.includes(guestType)) continue;
    const deprecated = status.status === 'deprecated';
    const common = COMMON_RANK.get(entry.name);
    const group = deprecated ? 4 : entry.arch !== 'any' && entry.arch !== 'x86' ? 3 : common !== undefined ? 0 : 1;
    const rank = common !== undefined ? String(common).padStart(3, '0') : '999';
    const replacement = deprecated && status.replacedBy ? `\n\nDeprecated: use \`${status.replacedBy}\`.` : '';
    items.push({
      label: entry.name,
      kind: 'key',
      detail: keyDetail(entry),
      documentation: entry.summary + replacement,
      insertText: keySnippet(entry, options, guestType),
      sortText: `${group}${rank}${entry.name}`,
      ...(deprecated ? { deprecated: true } : {}),
    });
  }
  keyItemCache.set(cacheKey, items);
  return items;
}

/** Keys to offer at the start of a statement; keys already set come last. */
export function keyCompletions(ctx: KeyCompletionContext): CompletionItemData[] {
  const set = ctx.alreadySet instanceof Set ? ctx.alreadySet : new Set(ctx.alreadySet as readonly string[]);
  return baseKeyItems(ctx.options, ctx.guestType).map((item) =>
    set.has(item.label) ? { ...item, sortText: `5${item.sortText.slice(1)}` } : { ...item });
}

/** Usual sizes for memory-like keys, in the key's unit. */
const SIZES: Record<string, readonly number[]> = {
  memory: [512, 1024, 2048, 4096, 8192, 16384],
  maxmem: [1024, 2048, 4096, 8192, 16384, 32768],
  videoram: [8, 16, 32, 64, 128],
  stubdomain_memory: [128, 256, 512],
  mmio_hole: [256, 512, 1024, 2048, 3072, 3840],
  rdm_mem_boundary: [2048],
  shadow_memory: [8, 16, 32, 64],
  vmtrace_buf_kb: [64, 256, 1024, 4096, 16384],
};

function sizeLabel(n: number, unit: 'MiB' | 'KiB'): string {
  const mib = unit === 'MiB' ? n : n / 1024;
  return mib >= 1024 ? `${mib / 1024} GiB` : mib >= 1 ? `${mib} MiB` : `${n} KiB`;
}

function quoted(value: string, quote: '"' | "'" | '' | null): string {
  return quote ? snippetText(value) : `"${snippetText(value)}"`;
}

/** Words ending in a full stop that do not end a sentence. */
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|no|incl)\.$/i;

/**
 * The first sentence of `text`, for a completion item's one-line detail: cut only after a full stop
 * that ends a sentence (not "e.g." or "i.e.", not inside brackets or a code span), otherwise the
 * whole text. The documentation keeps the full text.
 */
export function firstSentence(text: string): string {
  const t = text.trim();
  let depth = 0;
  let inCode = false;
  for (let i = 0; i < t.length - 1; i++) {
    const c = t[i];
    if (c === '`') inCode = !inCode;
    else if (!inCode && (c === '(' || c === '[')) depth++;
    else if (!inCode && (c === ')' || c === ']')) depth = Math.max(0, depth - 1);
    else if (c === '.' && !inCode && depth === 0 && /\s/.test(t[i + 1]!) && !ABBREVIATIONS.test(t.slice(0, i + 1))) {
      return t.slice(0, i + 1);
    }
  }
  return t;
}

/** Values to offer after `key =` (or inside the quotes the user opened). */
export function valueCompletions(key: string, ctx: ValueCompletionContext): CompletionItemData[] {
  const entry = lookupKey(key);
  if (!entry) return [];
  const items: CompletionItemData[] = [];
  const add = (label: string, insertText: string, detail: string, documentation: string) =>
    items.push({ label, kind: 'value', detail, documentation, insertText, sortText: String(items.length).padStart(3, '0') });

  const booleanLike = entry.kind === 'boolean' || entry.kind === 'boolean-or-enum-string' || entry.kind === 'boolean-or-list';
  if (booleanLike && !ctx.quote) {
    const isDefault = (v: number) => entry.default === v ? ' (default)' : '';
    add('1', '1', `on${isDefault(1)}`, `Turns \`${key}\` on.`);
    add('0', '0', `off${isDefault(0)}`, `Turns \`${key}\` off.`);
  }
  const names = valuesIn(entry, ctx.options.xenVersion, ctx.guestType)
    .filter((e) => entry.kind === 'boolean-or-enum-string' ? !/^\d+$/.test(e.value) : true)
    .filter((e) => !(/^\d+$/.test(e.value) && entry.kind !== 'integer'));
  for (const e of names) {
    const text = valueText(key, e.value) ?? '';
    const bareNumber = /^\d+$/.test(e.value) && (entry.kind === 'integer' || entry.kind === 'integer-or-enum-string');
    const insert = bareNumber ? e.value
      : entry.kind === 'boolean-or-list' && !ctx.quote ? `[ "${snippetText(e.value)}" ]` : quoted(e.value, ctx.quote);
    add(e.value, insert, firstSentence(text), text || `A value of \`${key}\`.`);
  }
  const sizes = SIZES[key];
  if (sizes && (entry.unit === 'MiB' || entry.unit === 'KiB') && !ctx.quote) {
    for (const n of sizes) add(String(n), String(n), sizeLabel(n, entry.unit), `${n} ${entry.unit} = ${sizeLabel(n, entry.unit)}.`);
  }
  return items;
}
