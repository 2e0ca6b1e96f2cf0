// Decides whether a `.cfg` file that VS Code opened under another language (plain text, ini,
// properties...), or an extension-less file opened as plain text, is really a Xen guest config,
// so the client can switch it to `xl-cfg`; and
// whether a file opened as `xl-cfg` is in fact a cpupool config (`xl cpupool-create`, same syntax,
// other keys), which gets `xl-cpupool` instead. Pure: no vscode import, so it is unit-tested directly.
import { AMBIGUOUS_KEYS, CPUPOOL_KEYS, CPUPOOL_ONLY_KEYS, GUEST_CONFIG_KEYS } from './guestConfigKeys';
import { CPUPOOL_LANGUAGE_ID, LANGUAGE_ID } from './xlCfgLanguage';

/** Languages VS Code gives `.cfg` files by default, or when nothing claims them. */
export const GENERIC_CFG_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'ini', 'properties', 'unknown']);

/** Only the start of a large file is looked at. */
export const DETECTION_PREFIX_CHARS = 64 * 1024;

export interface GuestConfigEvidence {
  /** Distinct xl.cfg keys assigned at statement level with an xl-shaped value. */
  knownKeys: string[];
  /** Distinct keys at statement level that xl.cfg does not know. */
  otherKeys: string[];
  /** Every distinct key at statement level, whatever its value. */
  allKeys: string[];
  /** A `[section]` header: an INI file, never an xl config (xl refuses `[` at statement level). */
  hasSectionHeader: boolean;
}

// `key =` or `key +=` at the start of a statement, then the first character of the value.
const ASSIGNMENT = /^[ \t]*([A-Za-z_][A-Za-z0-9._-]*)[ \t]*\+?=[ \t]*(.?)/;
const SECTION_HEADER = /^[ \t]*\[[^\]"']*\][ \t]*(?:[#;].*)?$/;

/** An xl value starts with a quote, a digit or `[` (bare words are not values in xl). */
function isXlValueStart(ch: string): boolean {
  return ch === '"' || ch === "'" || ch === '[' || (ch >= '0' && ch <= '9');
}

/** Collects what the statement-level lines of `text` say about it. */
export function collectGuestConfigEvidence(text: string): GuestConfigEvidence {
  const known = new Set<string>();
  const other = new Set<string>();
  const all = new Set<string>();
  let hasSectionHeader = false;
  let depth = 0; // inside a multi-line list, lines are list items, not statements
  const head = text.length > DETECTION_PREFIX_CHARS ? text.slice(0, DETECTION_PREFIX_CHARS) : text;
  for (const rawLine of head.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (depth === 0) {
      if (SECTION_HEADER.test(line)) hasSectionHeader = true;
      for (const statement of line.split(';')) {
        const m = ASSIGNMENT.exec(statement);
        if (!m) continue;
        const key = m[1];
        all.add(key);
        if (GUEST_CONFIG_KEYS.has(key) && isXlValueStart(m[2])) known.add(key);
        else other.add(key);
      }
    }
    depth = Math.max(0, depth + bracketBalance(line));
  }
  return { knownKeys: [...known], otherKeys: [...other], allKeys: [...all], hasSectionHeader };
}

/** `[` minus `]` outside quotes and comments on one line. */
function bracketBalance(line: string): number {
  let balance = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') break;
    else if (ch === '[') balance++;
    else if (ch === ']') balance--;
  }
  return balance;
}

/**
 * True when the text is clearly a guest config: at least two distinct xl.cfg keys assigned with
 * xl-shaped values, at least one of them specific to guests (not `name`, `cpus`... that cpupool
 * files and other formats share), most statement-level keys known to xl.cfg, and no INI section.
 */
export function looksLikeGuestConfig(text: string): boolean {
  const e = collectGuestConfigEvidence(text);
  if (e.hasSectionHeader) return false;
  if (e.knownKeys.length < 2) return false;
  if (!e.knownKeys.some((k) => !AMBIGUOUS_KEYS.has(k))) return false;
  return e.knownKeys.length >= e.otherKeys.length;
}

export interface OpenedDocument {
  /** File name or path as VS Code reports it (`TextDocument.fileName`). */
  fileName: string;
  languageId: string;
  /** The URI scheme: only files on disk (and remote/untitled-free schemes) are considered. */
  scheme: string;
  getText(): string;
}

/**
 * True when the text is a cpupool config: only the keys `xl cpupool-create` reads (name, sched,
 * nodes, cpus), at least one of them one that guest configs never use (sched, nodes).
 */
export function looksLikeCpupoolConfig(text: string): boolean {
  const e = collectGuestConfigEvidence(text);
  if (e.hasSectionHeader || e.allKeys.length === 0) return false;
  return e.allKeys.every((k) => CPUPOOL_KEYS.has(k)) && e.allKeys.some((k) => CPUPOOL_ONLY_KEYS.has(k));
}

/** Whether the client should switch this freshly opened document to `xl-cfg`. */
export function shouldSwitchToXlCfg(doc: OpenedDocument, detectionEnabled: boolean): boolean {
  return languageToSwitchTo(doc, detectionEnabled) === LANGUAGE_ID;
}

/**
 * A `.cfg` file under a generic language, or a file without extension that opened as plain text
 * (guest configs are often named after the guest: /etc/xen/web01, /etc/xen/auto/db).
 */
function isCandidateFile(doc: OpenedDocument): boolean {
  const base = doc.fileName.slice(Math.max(doc.fileName.lastIndexOf('/'), doc.fileName.lastIndexOf('\\')) + 1);
  if (/\.cfg$/i.test(base)) return GENERIC_CFG_LANGUAGES.has(doc.languageId);
  return !base.includes('.') && doc.languageId === 'plaintext';
}

/**
 * The language a freshly opened document should get instead of its own, if any: `xl-cfg` for a
 * guest config among generic `.cfg` files, `xl-cpupool` for a cpupool config that VS Code opened
 * as `xl-cfg` (by its path under /etc/xen or its first line).
 */
export function languageToSwitchTo(doc: OpenedDocument, detectionEnabled: boolean): string | undefined {
  if (!detectionEnabled) return undefined;
  if (doc.scheme !== 'file' && doc.scheme !== 'vscode-remote') return undefined;
  if (doc.languageId === LANGUAGE_ID) return looksLikeCpupoolConfig(doc.getText()) ? CPUPOOL_LANGUAGE_ID : undefined;
  if (!isCandidateFile(doc)) return undefined;
  return looksLikeGuestConfig(doc.getText()) ? LANGUAGE_ID : undefined;
}
