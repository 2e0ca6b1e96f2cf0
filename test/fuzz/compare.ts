// One config, our stages next to the real toolstack's answers (a BatchResult of the oracle): the
// disagreements per stage, as short texts. The same comparisons the corpus suites make:
//   parse  - libxlutil's verdict, messages, stored settings (xlu-parse)
//   xl     - the domain config, exit status and every stderr line of `xl -N create`
//   check  - an error exactly when xl or libxl refuses, quoting it (xl-crashes / libxl-crashes when
//            it dies of a signal); their warnings as warnings; dm-restrict-traditional exactly when
//            libxl says so
//   argv   - libxl's outcome, device-model version, argv (QMP fd aside), env and log lines
import { isDeepStrictEqual } from 'node:util';
import { parse } from '../../server/src/service/syntax/parser';
import { oracleParseReport } from '../../server/src/service/syntax/oracle-view';
import { deviceModelFromConfig } from '../../server/src/service/devicemodel';
import type { XenVersion } from '../../server/src/service/options';
import type { BatchResult } from '../helpers/oracle';
import { compareWithXl } from '../service/model/corpus-compare';
import { analyzeFile, libxlText, toolstackErrors } from '../service/checks/corpus-helpers';
import { hostFor, logBody, options, withoutQmpFd } from '../service/devicemodel/corpus-helpers';

export type Stage = 'parse' | 'xl' | 'check' | 'argv' | 'crash';
export const STAGES: readonly Stage[] = ['parse', 'xl', 'check', 'argv', 'crash'];
export interface Disagreement { stage: Stage; detail: string }

const plain = (l: string): string => l.replace(/: Domain \d+:/, ': ').trimEnd();
/** xl's stderr chatter that is not a warning. */
const NOT_A_WARNING = [/^got a tsc mode string: /];

/** xl's warnings (`FILE:LINE: warning: ...`): never what it refuses with. */
const XL_WARNING = /^[^:\s]+:\d+: warning: /;

/**
 * An error quotes xl's refusal LINE; or, when xl printed a message without a newline
 * (`Unknown RDM strategy option: %s`) and its refusal right after it on the same line, a warning
 * quotes the whole line and an error its end.
 */
function quotesXl(line: string, errors: readonly { message: string }[], findings: readonly { severity: string; message: string }[]): boolean {
  if (errors.some((f) => f.message.includes(line))) return true;
  return findings.some((f) => f.severity === 'warning' && f.message.includes(line)) && errors.some((f) => line.endsWith(f.message));
}

/** The last line of xl's stderr. */
const xlLast = (o: BatchResult): string => String(o.dryrun?.stderr ?? '').trimEnd().split('\n').pop() ?? '';

function parseStage(name: string, bytes: Uint8Array, o: BatchResult): string[] {
  if (!o.parse) {
    // xlu-parse printed nothing: libxlutil aborted (an assertion), which we must say (report.crash)
    const ours = oracleParseReport(parse(bytes), `${name}.cfg`);
    return ours.crash ? [] : [`libxlutil aborts (xl: ${xlLast(o)}), ours ${ours.accepted ? 'accepts' : 'refuses'} without a crash`];
  }
  const ours = oracleParseReport(parse(bytes), o.parse.source);
  const out: string[] = [];
  if (ours.accepted !== o.parse.accepted) out.push(`verdict: ours ${ours.accepted}, libxlutil ${o.parse.accepted}`);
  if (!isDeepStrictEqual(ours.messages, o.parse.messages)) out.push(`messages: ours ${JSON.stringify(ours.messages)}, libxlutil ${JSON.stringify(o.parse.messages)}`);
  if (!isDeepStrictEqual(ours.settings, o.parse.settings)) out.push('settings differ');
  if (!isDeepStrictEqual(ours.effective, o.parse.effective)) out.push('effective settings differ');
  return out;
}

/**
 * True when xl's JSON holds an integer above INT64_MAX (a negative `maxmem` makes one): the oracle
 * hands that JSON to libxl, whose JSON reader keeps such a field at its default, while the real
 * `xl create` passes the value on in memory. What libxl does next differs between the two, so the
 * oracle cannot judge libxl's stages for this config (parse and xl are still compared).
 */
function beyondInt64(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v > 9223372036854775807;
  if (Array.isArray(v)) return v.some(beyondInt64);
  if (v && typeof v === 'object') return Object.values(v).some(beyondInt64);
  return false;
}

function argvStage(name: string, release: XenVersion, o: BatchResult): string[] {
  const g = o.argv;
  if (!g || o.dryrun.exit_status !== 0 || !o.dryrun.config || g.outcome === 'xl_rejected') return [];
  if (beyondInt64(o.dryrun.config)) return [];
  const r = deviceModelFromConfig(o.dryrun.config, { options: options({ xenVersion: release }), host: hostFor(name) });
  const out: string[] = [];
  // The oracle reports libxl's own abort() as a crash of its harness.
  if (g.outcome === 'harness_crash' && r.outcome === 'crash') return [];
  if (r.outcome !== g.outcome) return [`outcome: ours ${r.outcome} (${r.error ?? ''}), libxl ${g.outcome} (${(g.log ?? [])[0] ?? ''})`];
  if (g.device_model_version !== 'unknown' && r.device_model_version !== g.device_model_version) {
    out.push(`device_model_version: ours ${r.device_model_version}, libxl ${g.device_model_version}`);
  }
  if (g.outcome === 'error') {
    const lines = (g.log as string[]).map(logBody).map(plain);
    if (!r.error || !lines.includes(plain(r.error))) out.push(`error: ours ${r.error}, libxl ${lines.join(' | ')}`);
    return out;
  }
  if (g.outcome === 'no_device_model') return out;
  if (!isDeepStrictEqual(withoutQmpFd(r.argv), withoutQmpFd(g.argv))) out.push(`argv: ours ${JSON.stringify(r.argv)}, libxl ${JSON.stringify(g.argv)}`);
  if (!isDeepStrictEqual(r.env, g.env ?? {})) out.push(`env: ours ${JSON.stringify(r.env)}, libxl ${JSON.stringify(g.env)}`);
  const ours = r.log.map(plain);
  for (const line of (g.log as string[]).map(logBody).map(plain)) if (!ours.includes(line)) out.push(`libxl also logs: ${line}`);
  return out;
}

function checkStage(name: string, bytes: Uint8Array, release: XenVersion, o: BatchResult): string[] {
  if (!o.parse?.accepted) return []; // parse errors (and libxlutil's aborts): the parse stage compares them
  if (o.dryrun.exit_status === 0 && beyondInt64(o.dryrun.config)) return []; // see beyondInt64
  const a = analyzeFile(name, bytes, { xenVersion: release });
  // Refusals beyond the oracles (the domain build, the dom0's QEMU) are left out: see toolstackErrors.
  const errors = toolstackErrors(a.findings);
  const stderr = (o.dryrun.stderr as string).split('\n').filter((l) => l && !l.startsWith('Parsing config from'));
  // the line xl refused with; none when it refused silently after warnings (e.g. max_grant_frames out of range)
  const refusal = [...stderr].reverse().find((l) => !XL_WARNING.test(l));
  const xlRefuses = o.dryrun.exit_status !== 0;
  // xl killed by a signal prints no refusal of its own; nor does libxl when it dies (harness_crash)
  const xlCrashes = o.dryrun.exit_status < 0;
  const libxlRefuses = !xlRefuses && o.argv?.outcome === 'error';
  const libxlCrashes = !xlRefuses && o.argv?.outcome === 'harness_crash';
  const out: string[] = [];
  if ((errors.length > 0) !== (xlRefuses || libxlRefuses || libxlCrashes)) {
    out.push(errors.length ? `we report errors the toolstack does not: ${errors.map((f) => `${f.code}: ${f.message}`).join(' | ')}`
      : `the toolstack refuses, we report no error: ${xlCrashes ? `xl dies of signal ${-o.dryrun.exit_status}` : libxlCrashes ? 'libxl dies'
        : xlRefuses ? refusal ?? '(xl says nothing)' : (o.argv.log ?? [])[0]}`);
  }
  if ((xlCrashes || libxlCrashes) && errors.length) {
    const code = xlCrashes ? 'xl-crashes' : 'libxl-crashes';
    if (!errors.some((f) => f.code === code || f.code === 'parse-error')) out.push(`${xlCrashes ? `xl dies of signal ${-o.dryrun.exit_status}` : 'libxl dies'}, no ${code} error: ${errors.map((f) => f.code).join(', ')}`);
  } else if (xlRefuses && refusal !== undefined && errors.length && !quotesXl(refusal, errors, a.findings)) out.push(`no error quotes xl: ${refusal}`);
  if (libxlRefuses && errors.length) {
    const first = (o.argv.log as string[]).find((l) => l.startsWith('libxl: error:')) ?? o.argv.log[0];
    const want = libxlText(logBody(String(first).trim())).split('\n')[0]!;
    if (!errors.some((f) => f.message.includes(want))) out.push(`no error quotes libxl: ${want}`);
  }
  if (!xlRefuses || (!xlCrashes && refusal === undefined)) {
    for (const w of stderr) {
      if (NOT_A_WARNING.some((re) => re.test(w))) continue;
      const first = w.replace(/^[^:\s]+:\d+: /, '');
      if (!a.findings.some((f) => f.severity === 'warning' && f.message.includes(first))) out.push(`no warning for: ${first}`);
    }
  }
  const saysTrad = !xlRefuses && (o.argv?.log ?? []).some((l: string) => l.includes('dm_restrict not supported by qemu-xen-traditional'));
  if (a.findings.some((f) => f.code === 'dm-restrict-traditional') !== saysTrad) out.push(`dm-restrict-traditional: libxl ${saysTrad ? 'says it' : 'does not say it'}`);
  return out;
}

/** An oracle tool that printed nothing where it always prints (the harness broke, or the tool died). */
function missingAnswer(o: BatchResult): Disagreement | undefined {
  if (o.dryrun === null) return { stage: 'xl', detail: 'xl-dryrun printed nothing' };
  if (o.argv === null) return { stage: 'argv', detail: `dm-argv printed nothing (xl: ${xlLast(o)})` };
  return undefined;
}

/** Every disagreement between our stages and the oracle's answers for one config. */
export function disagreements(name: string, bytes: Uint8Array, release: XenVersion, o: BatchResult): Disagreement[] {
  const out: Disagreement[] = [];
  const missing = missingAnswer(o);
  if (missing) return [missing];
  const stage = (s: Stage, f: () => string[]) => {
    try {
      for (const detail of f()) out.push({ stage: s, detail });
    } catch (e) {
      out.push({ stage: 'crash', detail: `${s}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' ')}` });
    }
  };
  stage('parse', () => parseStage(name, bytes, o));
  // Where xl reads memory it never set, what it does varies from run to run: our finding says so
  // (undefinedOutcome), and no single run of the oracle can confirm or refute the rest.
  if (o.parse?.accepted && analyzeFile(name, bytes, { xenVersion: release }).findings.some((f) => f.data?.undefinedOutcome)) return out;
  if (o.parse?.accepted) stage('xl', () => compareWithXl(`${name}.cfg`, o.parse, o.dryrun, release));
  stage('check', () => checkStage(name, bytes, release, o));
  stage('argv', () => argvStage(name, release, o));
  return out;
}
