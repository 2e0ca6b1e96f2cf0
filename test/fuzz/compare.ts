// One config, our stages next to the real toolstack's answers (a BatchResult of the oracle): the
// disagreements per stage, as short texts. The same comparisons the corpus suites make:
//   parse  - libxlutil's verdict, messages, stored settings (xlu-parse)
//   xl     - the domain config, exit status and every stderr line of `xl -N create`
//   check  - an error exactly when xl or libxl refuses, quoting it; their warnings as warnings;
//            dm-restrict-traditional exactly when libxl says so
//   argv   - libxl's outcome, device-model version, argv (QMP fd aside), env and log lines
import { isDeepStrictEqual } from 'node:util';
import { parse } from '../../server/src/service/syntax/parser';
import { oracleParseReport } from '../../server/src/service/syntax/oracle-view';
import { deviceModelFromConfig } from '../../server/src/service/devicemodel';
import type { XenVersion } from '../../server/src/service/options';
import type { BatchResult } from '../helpers/oracle';
import { compareWithXl } from '../service/model/corpus-compare';
import { analyzeFile, libxlText } from '../service/checks/corpus-helpers';
import { hostFor, logBody, options, withoutQmpFd } from '../service/devicemodel/corpus-helpers';

export type Stage = 'parse' | 'xl' | 'check' | 'argv' | 'crash';
export const STAGES: readonly Stage[] = ['parse', 'xl', 'check', 'argv', 'crash'];
export interface Disagreement { stage: Stage; detail: string }

const plain = (l: string): string => l.replace(/: Domain \d+:/, ': ').trimEnd();
/** xl's stderr chatter that is not a warning. */
const NOT_A_WARNING = [/^got a tsc mode string: /];

function parseStage(bytes: Uint8Array, o: BatchResult): string[] {
  const ours = oracleParseReport(parse(bytes), o.parse.source);
  const out: string[] = [];
  if (ours.accepted !== o.parse.accepted) out.push(`verdict: ours ${ours.accepted}, libxlutil ${o.parse.accepted}`);
  if (!isDeepStrictEqual(ours.messages, o.parse.messages)) out.push(`messages: ours ${JSON.stringify(ours.messages)}, libxlutil ${JSON.stringify(o.parse.messages)}`);
  if (!isDeepStrictEqual(ours.settings, o.parse.settings)) out.push('settings differ');
  if (!isDeepStrictEqual(ours.effective, o.parse.effective)) out.push('effective settings differ');
  return out;
}

function argvStage(name: string, release: XenVersion, o: BatchResult): string[] {
  const g = o.argv;
  if (!g || o.dryrun.exit_status !== 0 || !o.dryrun.config || g.outcome === 'xl_rejected') return [];
  const r = deviceModelFromConfig(o.dryrun.config, { options: options({ xenVersion: release }), host: hostFor(name) });
  const out: string[] = [];
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
  if (!o.parse.accepted) return []; // parse errors: the parse stage compares them
  const a = analyzeFile(name, bytes, { xenVersion: release });
  const errors = a.findings.filter((f) => f.severity === 'error');
  const stderr = (o.dryrun.stderr as string).split('\n').filter((l) => l && !l.startsWith('Parsing config from'));
  const xlRefuses = o.dryrun.exit_status !== 0;
  const libxlRefuses = !xlRefuses && o.argv?.outcome === 'error';
  const out: string[] = [];
  if ((errors.length > 0) !== (xlRefuses || libxlRefuses)) {
    out.push(errors.length ? `we report errors the toolstack does not: ${errors.map((f) => `${f.code}: ${f.message}`).join(' | ')}`
      : `the toolstack refuses, we report no error: ${xlRefuses ? stderr[stderr.length - 1] : (o.argv.log ?? [])[0]}`);
  }
  if (xlRefuses && stderr.length && errors.length && !errors.some((f) => f.message.includes(stderr[stderr.length - 1]!))) out.push(`no error quotes xl: ${stderr[stderr.length - 1]}`);
  if (libxlRefuses && errors.length) {
    const first = (o.argv.log as string[]).find((l) => l.startsWith('libxl: error:')) ?? o.argv.log[0];
    const want = libxlText(logBody(String(first).trim())).split('\n')[0]!;
    if (!errors.some((f) => f.message.includes(want))) out.push(`no error quotes libxl: ${want}`);
  }
  if (!xlRefuses) {
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

/** Every disagreement between our stages and the oracle's answers for one config. */
export function disagreements(name: string, bytes: Uint8Array, release: XenVersion, o: BatchResult): Disagreement[] {
  const out: Disagreement[] = [];
  const stage = (s: Stage, f: () => string[]) => {
    try {
      for (const detail of f()) out.push({ stage: s, detail });
    } catch (e) {
      out.push({ stage: 'crash', detail: `${s}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' ')}` });
    }
  };
  stage('parse', () => parseStage(bytes, o));
  if (o.parse.accepted) stage('xl', () => compareWithXl(`${name}.cfg`, o.parse, o.dryrun, release));
  stage('check', () => checkStage(name, bytes, release, o));
  stage('argv', () => argvStage(name, release, o));
  return out;
}
