// What libxl will need from a dom0 the host model cannot see (the `local` profile off a dom0, or a
// path no profile knows): the users dm_restrict and device_model_user run QEMU as (warning), the
// device-model binary, stubdomain images and cpupool (information). Stated as a condition, never guessed.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { CheckHandler } from './fix';
import type { Assumption } from '../defaults';
import { spanForKeys } from './spans';

const DM_BINARY_KEYS = ['device_model_override', 'device_model_version'];
const STUBDOMAIN_KEYS = ['stubdomain_kernel', 'stubdomain_ramdisk', 'device_model_stubdomain_override'];

export function hostRequirementChecks(a: CheckContext): Finding[] {
  const dm = a.deviceModel;
  if (!dm || dm.outcome === 'error' || !a.libxl?.resolved) return [];
  const out: Finding[] = [];
  for (const need of [...(a.libxl.assumptions ?? []), ...dm.assumptions]) {
    const f = requirement(a, need);
    if (f) out.push(f);
  }
  return out;
}

function requirement(a: CheckContext, need: Assumption): Finding | null {
  const info = (keys: readonly string[], message: string): Finding =>
    ({ ...spanForKeys(a, keys).span, code: 'host-requirement', severity: 'information', message, data: { requirement: need.text } });
  switch (need.reason) {
    case 'dm-binary': case 'dm-binary-checked':
      return info(DM_BINARY_KEYS, `libxl will refuse to start the guest unless ${need.path} is executable on the dom0.`);
    case 'stubdomain-image':
      return info(STUBDOMAIN_KEYS, `libxl will refuse to start the guest unless the stubdomain ${need.image} ${need.path} exists on the dom0.`);
    case 'cpupool':
      return info(['pool'], `libxl will refuse to start the guest unless the cpupool "${need.pool}" exists on the dom0.`);
    case 'dm-user': {
      const who = `user ${need.users.join(' or ')} exists on the dom0${need.notRoot ? ' (and is not root)' : ''}`;
      return {
        ...spanForKeys(a, need.keys).span, code: 'host-user-required', severity: 'warning',
        message: `libxl will refuse this unless ${who} (the dom0's users are not known here).`,
        data: { requirement: need.text },
      };
    }
    default: return null;
  }
}

export const handler: CheckHandler = { kind: 'libxl', check: hostRequirementChecks };
