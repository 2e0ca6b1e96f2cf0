// A summary of a device-model result for hovers (the shape of the catalogue's DeviceModelFacts):
// whether a qemu runs, which one, where, libxl's refusal, and what dm_restrict put on its command line.
import type { DeviceModelResult } from './types';

export interface DeviceModelSummary {
  needed: boolean;
  version: 'qemu-xen' | 'qemu-xen-traditional';
  stubdomain: boolean;
  refusedWith?: string;
  /** The restriction flags present, as they appear (`-xen-domid-restrict`, `-chroot <dir>`, ...). */
  restrictFlags: string[];
  /** The `-runas` (or `-run-with user=`) value. */
  runAs?: string;
}

export function deviceModelSummary(result: DeviceModelResult, stubdomain: boolean): DeviceModelSummary {
  const flags: string[] = [];
  let runAs: string | undefined;
  const a = result.argv;
  for (let i = 0; i < a.length; i++) {
    const arg = a[i]!;
    if (arg === '-xen-domid-restrict' || arg === '-S') flags.push(arg);
    else if (arg === '-chroot' || arg === '-runas' || arg === '-run-with') {
      flags.push(`${arg} ${a[i + 1] ?? ''}`);
      if (arg === '-runas') runAs = a[i + 1];
      if (arg === '-run-with' && a[i + 1]?.startsWith('user=')) runAs = a[i + 1]!.slice('user='.length);
    } else if (arg.startsWith('socket,id=libxl-cmd,fd=')) flags.push('QMP socket passed as a file descriptor');
  }
  return {
    needed: result.outcome !== 'no_device_model',
    version: result.device_model_version === 'qemu_xen_traditional' ? 'qemu-xen-traditional' : 'qemu-xen',
    stubdomain: result.outcome === 'stubdom' || stubdomain,
    ...(result.outcome === 'error' && result.error ? { refusedWith: result.error } : {}),
    restrictFlags: flags,
    ...(runAs !== undefined ? { runAs } : {}),
  };
}
