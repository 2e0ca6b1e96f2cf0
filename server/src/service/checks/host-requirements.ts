// What libxl will need from a dom0 the host model cannot see (the `local` profile off a dom0, or a
// path no profile knows): the users dm_restrict and device_model_user run QEMU as (warning), the
// device-model binary, stubdomain images and cpupool (information). Stated as a condition, never guessed.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { spanForKeys } from './spans';

const USER_NEED = /^libxl refuses (dm_restrict|to start qemu) unless (.*)$/;

/** Other needs: the wording libxl's stages use, the keys to point at, and our sentence. */
const OTHER_NEEDS: readonly [RegExp, readonly string[], (m: RegExpExecArray) => string][] = [
  [/^the device model (\S+) must be installed on the dom0$/, ['device_model_override', 'device_model_version'],
    (m) => `libxl will refuse to start the guest unless ${m[1]} is executable on the dom0.`],
  [/^libxl will check that (\S+) is executable on the dom0$/, ['device_model_override', 'device_model_version'],
    (m) => `libxl will refuse to start the guest unless ${m[1]} is executable on the dom0.`],
  [/^the stub domain (kernel|ramdisk) (\S+) must exist on the dom0$/, ['stubdomain_kernel', 'stubdomain_ramdisk', 'device_model_stubdomain_override'],
    (m) => `libxl will refuse to start the guest unless the stubdomain ${m[1]} ${m[2]} exists on the dom0.`],
  [/^the cpupool "(.*)" must exist on the dom0$/, ['pool'],
    (m) => `libxl will refuse to start the guest unless the cpupool "${m[1]}" exists on the dom0.`],
];

export function hostRequirementChecks(a: CheckContext): Finding[] {
  const dm = a.deviceModel;
  if (!dm || dm.outcome === 'error' || !a.libxl?.resolved) return [];
  const out: Finding[] = [];
  for (const text of [...(a.libxl.assumptions ?? []), ...dm.assumptions]) {
    const other = otherNeed(a, text);
    if (other) { out.push(other); continue; }
    const m = USER_NEED.exec(text);
    if (!m) continue;
    const keys = m[1] === 'dm_restrict' ? ['dm_restrict', 'device_model_user'] : ['device_model_user'];
    const { span } = spanForKeys(a, keys);
    out.push({
      ...span, code: 'host-user-required', severity: 'warning',
      message: `libxl will refuse this unless ${m[2]} (the dom0's users are not known here).`,
      data: { requirement: text },
    });
  }
  return out;
}

function otherNeed(a: CheckContext, text: string): Finding | null {
  for (const [re, keys, say] of OTHER_NEEDS) {
    const m = re.exec(text);
    if (!m) continue;
    const { span } = spanForKeys(a, keys);
    return { ...span, code: 'host-requirement', severity: 'information', message: say(m), data: { requirement: text } };
  }
  return null;
}
