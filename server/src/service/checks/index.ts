// Every check after a successful parse: xl's own verdicts (from the domain model), libxl's (from
// its defaults and the device-model builder), and ours. Each family lives in its own file with the
// fixes of its codes (its `handler`), registered by one line in HANDLERS.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { findingOf, type Check, type CheckHandler, type Fix, type FixContext, type FixFn, type Fixes } from './fix';
import { findingCode, type FindingCode } from './codes';
import { xenVersionChecks } from './xen-version';
import * as xlVerdicts from './xl-verdicts';
import * as libxlVerdicts from './libxl-verdicts';
import * as domainBuild from './domain-build';
import * as dmRestrict from './dm-restrict';
import * as hostRequirements from './host-requirements';
import * as traditional from './traditional';
import * as qemuRefusals from './qemu-refusals';
import * as unknownKeys from './unknown-keys';
import * as values from './values';
import * as keyUse from './key-use';
import * as xlConf from './xl-conf';

export { findingOf, type Check, type CheckFinding, type Fix, type FixContext } from './fix';

/**
 * Every check with its fixes, one line each, in the order their findings are listed (within each
 * kind): `libxl` checks run unless xl itself exits, `key` checks always.
 */
const HANDLERS: readonly CheckHandler[] = [
  xlVerdicts.handler,
  libxlVerdicts.handler,
  domainBuild.handler,
  dmRestrict.handler,
  hostRequirements.handler,
  traditional.handler,
  qemuRefusals.handler,
  unknownKeys.handler,
  values.handler,
  keyUse.handler,
  xlConf.handler,
];

const checksOf = (kind: 'libxl' | 'key'): readonly Check[] => HANDLERS.flatMap((h) => (h.kind === kind ? [h.check] : []));
/** Checks of what libxl does once xl has built the config (skipped when xl exits). */
const LIBXL_CHECKS = checksOf('libxl');
/** Checks of the keys themselves (xl ignores silently). */
const KEY_CHECKS = checksOf('key');

/** Every code's fixes; a code has one handler. */
const FIXES: Fixes = (() => {
  const all: Record<string, unknown> = {};
  for (const h of HANDLERS) {
    for (const [code, fix] of Object.entries(h.fixes ?? {})) {
      if (code in all) throw new Error(`two handlers fix ${code}`);
      all[code] = fix;
    }
  }
  return all as Fixes;
})();

/** The fixes of a finding, from the handler of its code (the one place a stored finding meets its data's type). */
export function fixesOf(a: FixContext, f: Finding): readonly Fix[] {
  const code = f.code as FindingCode;
  const fix = FIXES[code] as FixFn<FindingCode> | undefined;
  const typed = findingOf(f, code);
  return fix && typed ? fix(a, typed) : [];
}

function guarded(check: Check, a: CheckContext): Finding[] {
  try {
    return check(a);
  } catch (e) {
    // A bug of ours must never cost the user the other diagnostics.
    return [{ start: 0, end: 0, code: 'check-internal-error', severity: 'information', message: `internal error in a check: ${String(e)}` }];
  }
}

export function runChecks(a: CheckContext): Finding[] {
  const xl = xlVerdicts.xlVerdicts(a);
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
