// `xlcfg upgrade FILE... --from A --to B [--host H] [--json]`: what changes for each guest between two
// Xen releases (service/features/upgrade-report.ts). Each side runs on the Debian release that ships
// it unless --host names one host for both sides.
import { UsageError, type ParsedArgs } from './args';
import {
  analyze, defaultHostFor, HOST_PROFILES, isXenVersion, upgradeReport, upgradeReportText, XEN_VERSION_RANGE,
  type UpgradeReport, type XenVersion,
} from '../service';
import { localHostModel } from '../node/environment';
import { analysisOptions } from './analysis-options';
import { printJson, readBytes } from './io';


function release(args: ParsedArgs, flag: '--from' | '--to'): XenVersion {
  const v = args.values.get(flag);
  if (v === undefined) throw new UsageError(`upgrade needs ${flag} (a Xen release, ${XEN_VERSION_RANGE})`);
  if (!isXenVersion(v)) throw new UsageError(`${flag} must be one of ${XEN_VERSION_RANGE}, not ${v}`);
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
      const host = args.values.has('--host') ? base.host : defaultHostFor(xen, HOST_PROFILES);
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
