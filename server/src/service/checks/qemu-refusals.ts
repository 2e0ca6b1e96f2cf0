// libxl accepts the config, then starts a QEMU that refuses its command line: the guest does not
// start. Only for host profiles with a QEMU model (debian-12: QEMU 7.2, debian-13: QEMU 10.0,
// local: the qemu-system-xen its package database names); `reference` models libxl only.
// The facts are the qemu/ stage's, learned from the real binaries (test/fixtures/qemu/).
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { CheckHandler } from './fix';
import { versionNumber } from '../options';
import { xenPaths } from '../host/paths';
import { qemuModelForVersion, qemuRefusals, type QemuModel, type QemuRefusal } from '../qemu';
import { relatedFor, spanForKeys } from './spans';

export const QEMU_REFUSES_OPTION = 'qemu-refuses-option';

/** The xl.cfg keys behind a refusal of that kind, most specific first. */
const KEYS_OF_REASON: Partial<Record<QemuRefusal['reason'], readonly string[]>> = {
  'no-audio-driver': ['soundhw'],
  'device-property-value': ['videoram', 'vga', 'stdvga'],
  'ide-slot-in-use': ['disk'],
  'vnc-password-not-built': ['vncpasswd', 'vfb', 'vnc'],
  'bad-identifier': ['disk'],
  'usbdevice-parameters': ['usbdevice'],
  'unknown-keymap': ['keymap'],
  'too-many-vcpus': ['maxvcpus', 'vcpus'],
};

/** The xl.cfg keys that make libxl write an option, most specific first. */
const KEYS_OF: Readonly<Record<string, readonly string[]>> = {
  '-no-acpi': ['acpi'],
  '-chroot': ['dm_restrict'],
  '-runas': ['device_model_user', 'dm_restrict'],
  '-run-with': ['dm_restrict', 'device_model_user'],
  '-display': ['sdl', 'vfb'],
  '-drive': ['disk'],
  '-device': ['spice_usbredirection', 'usbdevice', 'usb', 'device_model_args_hvm', 'device_model_args'],
  '-spice': ['spicepasswd', 'spice'],
  '-global': ['device_model_args_hvm', 'device_model_args_pv', 'device_model_args'],
  '-soundhw': ['soundhw'],
};

/** The fix in terms of the config, where it is not the stage's general one. */
function fixFor(r: QemuRefusal, a: CheckContext, model: QemuModel): string {
  switch (r.reason) {
    case 'display-not-built':
      return a.effective.has('sdl') ? 'remove sdl = 1 and use VNC or SPICE (vnc = 1, spice = 1)' : 'use vnc=1 instead of sdl=1 in the vfb';
    case 'device-not-built':
      return r.detail === 'usb-redir' ? 'remove spice_usbredirection (Debian builds QEMU without USB redirection)' : r.fix;
    case 'vnc-password-not-built':
      return a.effective.has('vncpasswd')
        ? 'remove vncpasswd; keep VNC on 127.0.0.1 (vnclisten) and reach it through an SSH tunnel, or use SPICE'
        : 'remove the vncpasswd of the vfb; keep VNC on 127.0.0.1 and reach it through an SSH tunnel';
    case 'parameter-removed':
      return r.option === '-spice'
        ? `${r.fix}: remove spicepasswd and set spicedisable_ticketing = 1 (then keep the SPICE port on a trusted network, e.g. spicehost = "127.0.0.1")`
        : r.fix;
    case 'option-removed':
      if (r.option === '-chroot' || r.option === '-runas') {
        return versionNumber(a.options.xenVersion) >= versionNumber('4.20')
          ? `${r.fix}; libxl falls back to ${r.option} only when that probe fails`
          : `target Xen 4.20 or later, whose libxl asks QEMU and writes -run-with, or remove ${r.option === '-chroot' ? 'dm_restrict' : 'dm_restrict / device_model_user'} (QEMU ${model.version} no longer has ${r.option})`;
      }
      return r.option === '-no-acpi' ? 'remove acpi = 0 (QEMU 10 turns ACPI off only with -machine acpi=off, which libxl does not write)' : r.fix;
    default:
      return r.fix;
  }
}

function shown(r: QemuRefusal): string {
  if (r.value === undefined) return r.option;
  return r.value.length <= 48 ? `${r.option} ${r.value}` : `${r.option} …${r.detail ?? ''}…`;
}

export function qemuRefusalChecks(a: CheckContext): Finding[] {
  const dm = a.deviceModel;
  if (!dm || dm.outcome !== 'spawn' || dm.device_model_version !== 'qemu_xen') return [];
  const version = a.host?.qemuVersion;
  const model = version === undefined ? undefined : qemuModelForVersion(version);
  if (!model) return [];
  // device_model_override: another binary than the packaged QEMU, which this model does not describe.
  if (dm.argv[0] !== xenPaths(a.options.paths, a.options.xenVersion).qemuXen) return [];
  // libxl 4.20+ asks its QEMU whether it takes -run-with and falls back to -chroot / -runas when it
  // does not: a QEMU without -run-with never sees it.
  const probes = versionNumber(a.options.xenVersion) >= versionNumber('4.20');
  const out: Finding[] = [];
  for (const r of qemuRefusals(dm.argv, model)) {
    if (probes && r.option === '-run-with' && r.reason === 'option-too-new') continue;
    const keys = [...new Set([...(KEYS_OF_REASON[r.reason] ?? []), ...(KEYS_OF[r.option] ?? []), ...(dm.notes[r.index]?.keys ?? [])])];
    const { span, key } = spanForKeys(a, keys);
    const fix = fixFor(r, a, model);
    out.push({
      ...span, code: QEMU_REFUSES_OPTION, severity: 'error',
      message: `libxl accepts this, but the QEMU it starts refuses ${shown(r)}: ${r.message} The guest does not start. Fix: ${fix}.`,
      related: relatedFor(a, keys, key, (k) => `${k} makes libxl write ${r.option}`),
      data: { option: r.option, value: r.value, reason: r.reason, detail: r.detail, qemu: model.version, argvIndex: r.index, fix },
    });
  }
  return out;
}

export const handler: CheckHandler = { kind: 'libxl', check: qemuRefusalChecks };
