// Every check after a successful parse: xl's own verdicts (from the domain model), libxl's (from
// its defaults and the device-model builder), and ours. Each family lives in its own file.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { libxlVerdicts } from './libxl-verdicts';
import { domainBuildChecks } from './domain-build';
import { dmRestrictChecks } from './dm-restrict';
import { hostRequirementChecks } from './host-requirements';
import { traditionalChecks } from './traditional';
import { qemuRefusalChecks } from './qemu-refusals';
import { unknownKeyChecks } from './unknown-keys';
import { booleanWord, maxmemBelowMemory } from './values';
import { keyUseChecks } from './key-use';
import { xenVersionChecks, xlFindingsForTarget } from './xen-version';
import { findingCode } from './codes';

export type Check = (a: CheckContext) => Finding[];

/** Checks of what libxl does once xl has built the config (skipped when xl exits). */
const LIBXL_CHECKS: readonly Check[] = [libxlVerdicts, domainBuildChecks, dmRestrictChecks, hostRequirementChecks, traditionalChecks, qemuRefusalChecks];
/** Checks of the keys themselves (xl ignores silently). */
const KEY_CHECKS: readonly Check[] = [unknownKeyChecks, maxmemBelowMemory, keyUseChecks];

function guarded(check: Check, a: CheckContext): Finding[] {
  try {
    return check(a);
  } catch (e) {
    // A bug of ours must never cost the user the other diagnostics.
    return [{ start: 0, end: 0, code: 'check-internal-error', severity: 'information', message: `internal error in a check: ${String(e)}` }];
  }
}

export function runChecks(a: CheckContext): Finding[] {
  const xl = xlFindingsForTarget(a, a.xl?.findings ?? []).map((f) => booleanWord(a, f));
  const version = guarded(xenVersionChecks, a);
  // In the target release xl itself exits (e.g. qemu-xen-traditional in 4.21+): libxl never runs.
  const xlExits = version.some((f) => f.severity === 'error' && findingCode(f.code)?.source === 'xl');
  // Concatenated, not push(...x): a check may return 100k findings (too many call arguments).
  const parts: Finding[][] = [xl];
  if (!xlExits) for (const c of LIBXL_CHECKS) parts.push(guarded(c, a));
  for (const c of KEY_CHECKS) parts.push(guarded(c, a));
  parts.push(version);
  return ([] as Finding[]).concat(...parts);
}
