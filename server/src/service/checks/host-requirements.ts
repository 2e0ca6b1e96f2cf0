// What libxl will need from a dom0 the host model cannot see (the `local` profile off a dom0): the
// users dm_restrict and device_model_user run QEMU as. Stated as a condition, never guessed.
import type { Finding } from '../finding';
import type { Analysis } from '../analyze';
import { spanForKeys } from './spans';

const USER_NEED = /^libxl refuses (dm_restrict|to start qemu) unless (.*)$/;

export function hostRequirementChecks(a: Analysis): Finding[] {
  const dm = a.deviceModel;
  if (!dm || dm.outcome === 'error' || !a.libxl?.resolved) return [];
  const out: Finding[] = [];
  for (const text of dm.assumptions) {
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
