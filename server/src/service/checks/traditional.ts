// qemu-xen-traditional as the device model: its security status and removal, per target release
// (SUPPORT.md of Xen 4.15+, removed from xl in 4.21). Refusals (missing binary, dm_restrict) are
// libxl's and reported by libxl-verdicts.ts / dm-restrict.ts.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { CheckHandler } from './fix';
import { versionNumber } from '../options';
import { spanForKeys } from './spans';

export function traditionalChecks(a: CheckContext): Finding[] {
  const dm = a.deviceModel;
  if (!dm || dm.device_model_version !== 'qemu_xen_traditional' || dm.outcome === 'no_device_model') return [];
  if (versionNumber(a.options.xenVersion) >= versionNumber('4.21')) return []; // xl refuses it (xen-version.ts)
  const { span } = spanForKeys(a, ['device_model_version', 'device_model_stubdomain_override']);
  const inStub = dm.outcome === 'stubdom' || dm.argv[0] === 'stubdom-dm';
  const v = versionNumber(a.options.xenVersion);
  const status = inStub
    ? 'qemu-xen-traditional runs here inside a MiniOS stubdomain; it is removed in Xen 4.21 (a qemu-xen stubdomain replaces it).'
    : v >= versionNumber('4.15')
      ? 'qemu-xen-traditional is not security supported as a dom0 device model since Xen 4.15, and is removed in Xen 4.21: use qemu-xen.'
      : 'qemu-xen-traditional is removed in Xen 4.21 (and loses security support in dom0 from 4.15): prefer qemu-xen.';
  return [{
    ...span, code: 'qemu-traditional', severity: inStub ? 'information' : 'warning', message: status,
    data: { stubdomain: inStub },
  }];
}

export const handler: CheckHandler = { kind: 'libxl', check: traditionalChecks };
