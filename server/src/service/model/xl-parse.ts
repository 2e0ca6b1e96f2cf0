// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data: reads libxlutil's settings in xl's
// order and builds the libxl_domain_config JSON `xl -N create` prints, with xl's warnings and the
// message it exits with. Each area lives in its own xl-parse-*.ts file.
import type { Finding } from '../finding';
import type { AnalysisOptions } from '../options';
import type { Setting, Value } from '../syntax/settings';
import { applyGlobalAffinityMasks } from './xl-global-affinity';
import { ParseState, type HostInfo } from './parse-state';
import type { SettingSource } from './accessors';
import { parseBootAndTiming } from './xl-parse-boot';
import { parseCpuid } from './xl-parse-cpuid';
import { parseDevices } from './xl-parse-devices';
import { parseDeviceModel, parseHvmDevices, parseTail, parseTopLevelDisplay } from './xl-parse-display';
import {
  parseGuestType, parseIdentity, parseSchedParams, parseSeclabels, parseShutdownActions,
} from './xl-parse-domain';
import { parseFirmwareByType } from './xl-parse-firmware';
import {
  finishMemoryAndVcpus, parseAffinity, parseGrantLimits, parseMemoryAndVcpus,
} from './xl-parse-memory-cpus';
import { parsePciAndPassthrough } from './xl-parse-pci';
import { parseResources } from './xl-parse-resources';
import { XlExit } from './xl-report';
import type { XlGlobals } from './xl-conf';

export interface XlModelResult {
  /** libxl_domain_config JSON as `xl -N create` prints it; null when xl exits. */
  config: Record<string, unknown> | null;
  /** xl's errors and warnings, on the span of the setting to change. */
  findings: Finding[];
  /** The lines xl prints on stderr after "Parsing config from X". */
  stderr: string[];
  /** xl's exit status (0 when it prints the config). */
  exitStatus: number;
}

function readConfig(st: ParseState): void {
  parseSeclabels(st);
  parseGuestType(st);
  parseIdentity(st);
  parseSchedParams(st);
  parseMemoryAndVcpus(st);
  parseAffinity(st, 'cpus');
  parseAffinity(st, 'cpus_soft');
  parseGrantLimits(st);
  parseShutdownActions(st);
  parsePciAndPassthrough(st);
  parseBootAndTiming(st);
  parseFirmwareByType(st);
  parseResources(st);
  parseDevices(st);
  parseCpuid(st);
  parseDeviceModel(st);
  parseTopLevelDisplay(st);
  parseHvmDevices(st);
  parseTail(st);
  finishMemoryAndVcpus(st);
  // Uninitialised hard maps crash xl in apply_global_affinity_masks; soft maps only later, when xl
  // goes on with the config, so an empty hard map is refused first.
  const uninitialised = (name: string, item: Value | undefined): never =>
    st.crash(name, `the nested list in \`${name}' ends xl's walk, and the affinity maps after it are left uninitialised`, item, true);
  if (st.pendingCrash?.name === 'cpus') uninitialised(st.pendingCrash.name, st.pendingCrash.item);
  applyGlobalAffinityMasks(st);
  if (st.pendingCrash) uninitialised(st.pendingCrash.name, st.pendingCrash.item);
}

/** What `xl -N create` does with the settings libxlutil stored (Xen 4.17, x86). */
export function buildDomainConfig(settings: SettingSource, options: AnalysisOptions, host?: HostInfo, globals?: XlGlobals): XlModelResult {
  const st = new ParseState(settings, options, host, globals);
  try {
    readConfig(st);
  } catch (e) {
    if (!(e instanceof XlExit)) {
      // A bug of ours, not xl's behaviour: report it as a finding rather than crash the caller.
      st.report.note(`internal error while modelling xl: ${String(e)}`, {
        span: { start: 0, end: 0 }, code: 'model-internal-error', severity: 'information',
      });
      return { config: null, findings: st.report.findings, stderr: st.report.lines(), exitStatus: -1 };
    }
    return { config: null, findings: st.report.findings, stderr: st.report.lines(), exitStatus: e.status };
  }
  return { config: st.d, findings: st.report.findings, stderr: st.report.lines(), exitStatus: 0 };
}
