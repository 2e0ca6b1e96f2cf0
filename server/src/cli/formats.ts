// The output formats of `xlcfg check`: text (one line per diagnostic), json (`[{ file, diagnostics }]`),
// sarif (SARIF 2.1.0, for code scanning) and github (workflow commands that annotate a pull request).
// Pure functions of the results: main writes what they return.
import { relative, isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FINDING_CODES, shownMessage, type Severity } from '../service';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface CheckDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  range: Range;
  /** Places in other configs (findings across configs only). */
  related?: { file: string; range: Range; message: string }[];
}

export interface FileResult {
  file: string;
  diagnostics: CheckDiagnostic[];
}

const at = (file: string, p: Position) => `${file}:${p.line + 1}:${p.character + 1}`;

export function formatText(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      out += `${at(r.file, d.range.start)}: ${d.severity}: ${shownMessage(d)} [${d.code}]\n`;
      for (const x of d.related ?? []) out += `  ${at(x.file, x.range.start)}: ${x.message}\n`;
    }
  }
  return out;
}

// --- GitHub workflow commands -------------------------------------------------------------------

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A command's message, escaped as GitHub's toolkit does (`%`, CR, LF). */
export const escapeGithubData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value: also `:` and `,`, which separate properties. */
export const escapeGithubProperty = (s: string) => escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      const { start, end } = d.range;
      const props = [
        `file=${escapeGithubProperty(r.file.split(sep).join('/'))}`, `line=${start.line + 1}`, `col=${start.character + 1}`,
        `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeGithubProperty(d.code)}`,
      ];
      let message = shownMessage(d);
      for (const x of d.related ?? []) message += `\n${at(x.file, x.range.start)}: ${x.message}`;
      out += `::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeGithubData(message)}\n`;
    }
  }
  return out;
}

// --- SARIF 2.1.0 --------------------------------------------------------------------------------

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A SARIF region: 1-based lines and columns (UTF-16 code units, SARIF's default); the end column is exclusive. */
const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

/** Relative to the current folder (as `%SRCROOT%`) where it can be, else a file: URI. */
function artifact(file: string, cwd: string) {
  const rel = relative(cwd, file);
  if (!isAbsolute(rel) && !rel.startsWith('..')) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(file).href };
}

export function sarifLog(results: readonly FileResult[], version: string, cwd: string): unknown {
  const ruleIndex = new Map(FINDING_CODES.map((c, i) => [c.code, i]));
  const rules = FINDING_CODES.map((c) => ({
    id: c.code,
    shortDescription: { text: c.meaning },
    ...(c.fix ? { help: { text: `Quick fix: ${c.fix}` } } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[c.severity] },
    properties: { source: c.source, ...(c.also ? { alsoSeverity: c.also.severity, alsoWhen: c.also.when } : {}) },
  }));
  const out = results.flatMap((r) => r.diagnostics.map((d) => {
    const index = ruleIndex.get(d.code);
    return {
      ruleId: d.code,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: SARIF_LEVEL[d.severity],
      message: { text: shownMessage(d) },
      locations: [{ physicalLocation: { artifactLocation: artifact(r.file, cwd), region: region(d.range) } }],
      ...(d.related?.length ? {
        relatedLocations: d.related.map((x, id) => ({ id, physicalLocation: { artifactLocation: artifact(x.file, cwd), region: region(x.range) }, message: { text: x.message } })),
      } : {}),
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'xlcfg', version, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
      results: out,
    }],
  };
}
