// `xlcfg upgrade FILE... --from A --to B [--host H] [--json]`: what changes for each guest between two
// Xen releases (service/features/upgrade-report.ts). Each side runs on the Debian release that ships
// it unless --host names one host for both sides.
import { UsageError, type ParsedArgs } from './args';
import { isXenVersion, type HostProfile, type XenVersion } from '../service/options';
import { analyze } from '../service/analyze';
import { defaultHostFor, upgradeReport, upgradeReportText, type UpgradeReport } from '../service/features/upgrade-report';
import { localHostModel } from '../node/environment';
import { analysisOptions } from './analysis-options';
import { readBytes } from './io';
import { printJson } from './io';

const HOSTS: readonly HostProfile[] = ['reference', 'debian-12', 'debian-13', 'local'];

function release(args: ParsedArgs, flag: '--from' | '--to'): XenVersion {
  const v = args.values.get(flag);
  if (v === undefined) throw new UsageError(`upgrade needs ${flag} (a Xen release, 4.10 .. 4.22)`);
  if (!isXenVersion(v)) throw new UsageError(`${flag} must be one of 4.10 .. 4.22, not ${v}`);
  return v;
}

export function upgradeCommand(args: ParsedArgs): number {
  if (args.files.length === 0) throw new UsageError('upgrade needs at least one FILE');
  const from = release(args, '--from');
  const to = release(args, '--to');
  const reports: (UpgradeReport & { file: string })[] = [];
  for (const file of args.files) {
    const base = analysisOptions(args, file);
    const bytes = readBytes(file);
    const side = (xen: XenVersion) => {
      const host = args.values.has('--host') ? base.host : defaultHostFor(xen, HOSTS);
      const options = { ...base, xenVersion: xen, host };
      return analyze({ bytes, options, localHost: host === 'local' ? localHostModel(options.paths, xen) : undefined });
    };
    reports.push({ file, ...upgradeReport(side(from), side(to)) });
  }
  if (args.flags.has('--json')) printJson(reports);
  else for (const r of reports) process.stdout.write(upgradeReportText(r, r.file));
  // 1 when a guest that starts under the old release is refused (or crashes) under the new one.
  return reports.some((r) => r.from.verdict === 'accepted' && r.to.verdict !== 'accepted') ? 1 : 0;
}
