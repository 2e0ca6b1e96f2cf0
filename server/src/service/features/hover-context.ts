// What hover needs to know about this guest: its type and its device model, from the pipeline.
import type { Analysis } from '../analyze';
import type { GuestType } from '../catalogue';

export interface DeviceModelFactsOut {
  needed: boolean;
  version: 'qemu-xen' | 'qemu-xen-traditional';
  stubdomain: boolean;
  refusedWith?: string;
  restrictFlags: string[];
  runAs?: string;
}

export function guestTypeOf(a: Analysis): GuestType {
  const t = (a.xl?.config?.c_info as { type?: string } | undefined)?.type;
  if (t === 'hvm' || t === 'pv' || t === 'pvh') return t;
  const w = a.parsed.find('type') ?? a.parsed.find('builder');
  const v = w?.value.type === 'string' ? w.value.value : '';
  if (v === 'generic') return 'pv';
  if (v && 'hvm'.startsWith(v)) return 'hvm';
  if (v && 'pvh'.startsWith(v) && v.length === 3) return 'pvh';
  return v ? 'pv' : 'pv';
}

export function deviceModelFacts(a: Analysis): DeviceModelFactsOut | undefined {
  const dm = a.parsed.accepted ? a.deviceModel : null;
  if (!dm) return undefined;
  const b = (a.libxl?.resolved?.b_info ?? (a.xl?.config as { b_info?: unknown } | null)?.b_info ?? {}) as Record<string, unknown>;
  const stub = b.device_model_stubdomain === 'True' || b.device_model_stubdomain === true;
  const flags = ['-xen-domid-restrict', '-chroot', '-runas', '-S', '-run-with'].filter((f) => dm.argv.includes(f));
  const runasIdx = dm.argv.indexOf('-runas');
  return {
    needed: dm.outcome !== 'no_device_model',
    version: dm.device_model_version === 'qemu_xen_traditional' ? 'qemu-xen-traditional' : 'qemu-xen',
    stubdomain: stub || dm.outcome === 'stubdom',
    refusedWith: dm.outcome === 'error' ? dm.error : undefined,
    restrictFlags: flags,
    runAs: runasIdx >= 0 ? dm.argv[runasIdx + 1] : undefined,
  };
}

export function hoverContext(a: Analysis) {
  return { options: a.options, guestType: guestTypeOf(a), deviceModel: deviceModelFacts(a) };
}
