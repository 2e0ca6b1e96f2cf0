// The corpus (vendored + fixtures) analysed with the host each golden was generated with, and the
// verdicts of the real xl and libxl read from the goldens.
import { readFileSync } from 'node:fs';
import { analyze, type Analysis } from '../../../server/src/service/analyze';
import type { CorpusEntry } from '../../helpers/oracle';
import { allCorpus, hostFor, logBody } from '../devicemodel/corpus-helpers';
import type { AnalysisOptions } from '../../../server/src/service/options';

export { allCorpus };

/**
 * Errors for refusals the oracles cannot show: libxl's refusals while it builds the domain
 * (libxl_x86.c; the oracles build none) and what the dom0's QEMU refuses of libxl's command line
 * (the oracles stop at the argv; test/service/qemu compares those with the real QEMU binaries).
 */
export const BEYOND_THE_ORACLES: ReadonlySet<string> = new Set(['libxl-build-refuses', 'qemu-refuses-option']);

/** The error findings an oracle comparison can judge. */
export function toolstackErrors<F extends { severity: string; code: string }>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.severity === 'error' && !BEYOND_THE_ORACLES.has(f.code));
}

export function analyzeEntry(e: CorpusEntry, over: Partial<AnalysisOptions> = {}): Analysis {
  return analyzeFile(e.name, readFileSync(e.file), over);
}

export function analyzeFile(name: string, bytes: Uint8Array, over: Partial<AnalysisOptions> = {}): Analysis {
  return analyze({ bytes, options: { sourceName: `${name}.cfg`, host: 'local', ...over }, localHost: hostFor(name) });
}

export interface RealVerdict {
  /** The text the real tool refused with (parse error, xl stderr, libxl log), or null when accepted. */
  refusal: string | null;
  /** Where: 'parse' | 'xl' | 'libxl'. */
  stage?: 'parse' | 'xl' | 'libxl';
  /** Warnings printed for an accepted config (xl stderr lines, libxl warnings), as bodies. */
  warnings: string[];
  /** xl died of a signal (a crash we must name as such). */
  crashed?: true;
}

/** What the oracle's goldens say about an entry. */
export function realVerdict(e: CorpusEntry): RealVerdict {
  if (!e.parse.accepted) return { refusal: (e.parse.messages as string[]).join('\n'), stage: 'parse', warnings: [] };
  const stderr = (e.dryrun.stderr as string).split('\n').filter((l) => l && !l.startsWith('Parsing config from'));
  // xl killed by a signal (its exit status is negative here) prints no refusal of its own.
  if (e.dryrun.exit_status < 0) return { refusal: '', stage: 'xl', warnings: [], crashed: true };
  if (e.dryrun.exit_status !== 0) return { refusal: stderr.join('\n'), stage: 'xl', warnings: [] };
  const warnings = [...stderr];
  const log = ((e.argv?.log ?? []) as string[]).map(logBody);
  if (e.argv?.outcome === 'error') return { refusal: log[0] ?? '', stage: 'libxl', warnings };
  if (e.argv?.outcome === 'harness_crash') return { refusal: '', stage: 'libxl', warnings, crashed: true };
  for (const l of (e.argv?.log ?? []) as string[]) {
    if (/^libxl: (warning|error):/.test(l)) warnings.push(logBody(l));
  }
  return { refusal: null, warnings };
}

/** libxl's text without `func: ` and `Domain 1:`. */
export function libxlText(line: string): string {
  return line.replace(/^[A-Za-z_][A-Za-z0-9_]*: /, '').replace(/^Domain \d+:/, '');
}
