// Shared by the model tests: runs buildDomainConfig on a corpus entry and lists how it differs from
// what the real `xl -N create` did (golden dry-run JSON and stderr).
import { isDeepStrictEqual } from 'node:util';
import { basename } from 'node:path';
import { buildDomainConfig } from '../../../server/src/service/model';
import { DEFAULT_OPTIONS, type XenVersion } from '../../../server/src/service/options';
import { settingsFromGolden } from '../../helpers/settings-from-golden';

export interface DryRun { exit_status: number; config: unknown; stderr: string }

/** stderr lines after "Parsing config from X". */
export function xlLines(stderr: string): string[] {
  const lines = stderr.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines[0]?.startsWith('Parsing config from ') ? lines.slice(1) : lines;
}

export function compareWithXl(file: string, parse: any, dryrun: DryRun, xenVersion: XenVersion = '4.17'): string[] {
  const problems: string[] = [];
  const res = buildDomainConfig(settingsFromGolden(parse), { ...DEFAULT_OPTIONS, xenVersion, sourceName: basename(file) });
  const lines = xlLines(dryrun.stderr);
  if (dryrun.exit_status === 0) {
    if (!isDeepStrictEqual(res.config, dryrun.config)) {
      problems.push(`config differs:\n  ours: ${JSON.stringify(res.config)}\n  xl:   ${JSON.stringify(dryrun.config)}`);
    }
  } else {
    if (res.config !== null) problems.push(`xl exits ${dryrun.exit_status} but we built a config`);
    const last = lines[lines.length - 1] ?? '';
    const errors = res.findings.filter((f) => f.severity === 'error');
    if (errors.length === 0) problems.push('xl exits but there is no error finding');
    // After a silent exit (max_grant_frames & co.) or a crash, xl's last line is an earlier one.
    if (last && dryrun.exit_status > 0 && !/warning: /i.test(last) && !errors.some((f) => f.message.includes(last.replace(/^[^:]*:\d+: /, '')) || last.endsWith(f.message))) {
      problems.push(`no error finding with xl's last line: ${last}`);
    }
    // Killed by a signal: which one may vary from run to run (undefined behaviour), not that it dies.
    const sameEnd = dryrun.exit_status < 0 ? res.exitStatus < 0 : res.exitStatus === dryrun.exit_status;
    if (!sameEnd) problems.push(`exit ${res.exitStatus}, xl ${dryrun.exit_status}`);
  }
  for (const l of lines) {
    const m = /warning: (.*)$/i.exec(l);
    if (!m) continue;
    if (!res.findings.some((f) => f.severity === 'warning' && l.endsWith(f.message))) problems.push(`no warning finding for: ${l}`);
  }
  // A crash ends with whatever glibc or the kernel prints (or nothing): xl's own lines come first.
  const crashed = dryrun.exit_status < 0;
  if (crashed && !res.findings.some((f) => f.code === 'xl-crashes' || f.code === 'parse-error')) problems.push('xl crashes: no finding says so');
  const xlOwn = crashed ? lines.slice(0, res.stderr.length) : lines;
  if (!isDeepStrictEqual(res.stderr, xlOwn)) problems.push(`stderr differs:\n  ours: ${JSON.stringify(res.stderr)}\n  xl:   ${JSON.stringify(lines)}`);
  return problems;
}
