// Mirrors libxl__build_device_model_args_old in tools/libs/light/libxl_dm.c (Xen 4.17): the
// qemu-xen-traditional (qemu-dm) command line, also used for a MiniOS stub domain. Removed in 4.21.
// Disks are absent on purpose: qemu-dm reads them from xenstore.
import { acpiEnabled, availVcpus, dmKeymap, dmSdl, dmVnc, sizekbToMb, type DmView } from './config-view';
import { defboolVal, enumOf, int, str, strList, obj } from '../model/domain-view';
import { ArgvWriter, failure, isFailure, logLine, type Failure } from './argv-writer';
import { vncAddress } from './display';
import { writeSerial } from './qemu-xen-hvm';
import { writeTraditionalNics } from './network';
import type { DeviceModelRules } from './versions';

const FN = 'libxl__build_device_model_args_old';

/** libxl_bitmap_to_hex_string: `0x` then two hex digits per byte, most significant byte first. */
export function bitmapHex(allBits: number[]): string {
  // libxl's defaults refuse a bitmap over HVM_MAX_VCPUS bytes; never build a bigger one here.
  const bits = allBits.filter((b) => Number.isInteger(b) && b >= 0 && b < 128 * 8);
  const size = bits.length === 0 ? 0 : Math.floor((Math.max(...bits) + 1 + 7) / 8);
  const bytes = new Array<number>(size).fill(0);
  for (const b of bits) bytes[b >> 3]! |= 1 << (b & 7);
  return '0x' + bytes.reverse().map((x) => x.toString(16).padStart(2, '0')).join('');
}

export interface TraditionalInput {
  readonly dm: string;
  readonly d: DmView;
  readonly domid: number;
  readonly rules: DeviceModelRules;
}

export function buildTraditionalArgs(input: TraditionalInput): ArgvWriter | Failure {
  const { dm, d, domid, rules } = input;
  const w = new ArgvWriter();
  const vnc = dmVnc(d);
  const sdl = dmSdl(d);
  const keymap = dmKeymap(d);

  if (rules.consoleLimitEnv) w.setEnv('XEN_QEMU_CONSOLE_LIMIT', '1048576');
  w.add({ group: 'identity', meaning: d.stubdomain ? 'placeholder: qemu-dm runs inside the stub domain' : 'the qemu-dm binary', keys: ['device_model_override'] }, dm);
  w.add({ group: 'identity', meaning: 'the guest this qemu-dm serves' }, '-d', `${domid}`);
  if (d.name !== undefined) w.add({ group: 'identity', meaning: 'guest name', keys: ['name'] }, '-domain-name', d.name);

  const vncKeys = d.type === 'hvm' ? ['vnc', 'vnclisten', 'vncdisplay', 'vncpasswd', 'vncunused'] : ['vfb'];
  if (vnc) {
    const addr = vncAddress(vnc, FN, domid);
    if (isFailure(addr)) return addr;
    const arg = vnc.passwd ? `${addr},password` : addr;
    w.add({ group: 'display', meaning: `VNC server on ${addr}${vnc.passwd ? '; password read from xenstore' : ''}`, keys: vncKeys }, '-vnc', arg);
    if (vnc.findunused) w.add({ group: 'display', meaning: 'take the next free VNC port if this one is taken', keys: ['vncunused'] }, '-vncunused');
  } else if (!sdl) {
    w.add({ group: 'display', meaning: 'no graphical output (qemu-dm would open SDL otherwise)' }, '-nographic');
  }
  if (sdl) {
    w.add({ group: 'display', meaning: 'SDL window on the dom0 display', keys: ['sdl'] }, '-sdl');
    if (!sdl.opengl) w.add({ group: 'display', meaning: 'SDL without OpenGL', keys: ['opengl'] }, '-disable-opengl');
    if (sdl.display !== undefined) w.setEnv('DISPLAY', sdl.display);
    if (sdl.xauthority !== undefined) w.setEnv('XAUTHORITY', sdl.xauthority);
  }
  if (keymap !== undefined) w.add({ group: 'display', meaning: 'keyboard layout', keys: ['keymap'] }, '-k', keymap);

  if (d.type === 'hvm') {
    const err = writeTraditionalHvm(w, d, domid, vnc !== undefined, sdl !== undefined);
    if (err) return err;
  } else if (!sdl && !vnc) {
    w.add({ group: 'display', meaning: 'no graphical output at all' }, '-nographic');
  }

  if (d.dmRestrict) return failure(logLine('dm-restrict-traditional', FN, domid, 'dm_restrict not supported by qemu-xen-traditional'));

  for (const extra of strList(d.b, 'extra') ?? []) {
    w.add({ group: 'other', meaning: 'from device_model_args', keys: ['device_model_args'] }, extra);
  }
  if (d.type !== 'hvm') {
    w.add({ group: 'identity', meaning: 'machine type for PV backends', keys: ['type'] }, '-M', 'xenpv');
    for (const extra of strList(d.b, 'extra_pv') ?? []) w.add({ group: 'other', meaning: 'from device_model_args_pv', keys: ['device_model_args_pv'] }, extra);
  } else {
    w.add({ group: 'identity', meaning: 'Xen HVM machine', keys: ['type'] }, '-M', 'xenfv');
    for (const extra of strList(d.b, 'extra_hvm') ?? []) w.add({ group: 'other', meaning: 'from device_model_args_hvm', keys: ['device_model_args_hvm'] }, extra);
  }
  return w;
}

function writeTraditionalHvm(w: ArgvWriter, d: DmView, domid: number, vnc: boolean, sdl: boolean): Failure | undefined {
  const hvm = d.hvm;
  w.setEnv('XEN_DOMAIN_ID', `${domid}`);
  if (str(d.b, 'kernel') !== undefined) return failure(logLine('direct-kernel-boot-traditional', FN, domid, 'HVM direct kernel boot is not supported by qemu-xen-traditional'));

  const serialErr = writeSerial(w, d, domid, false, FN);
  if (serialErr) return serialErr;
  if (defboolVal(hvm, 'nographic') && !sdl && !vnc) w.add({ group: 'display', meaning: 'no graphical output at all', keys: ['nographic'] }, '-nographic');

  const videoKb = int(d.b, 'video_memkb');
  if (videoKb) w.add({ group: 'display', meaning: 'video memory in MiB', keys: ['videoram'] }, '-videoram', `${sizekbToMb(videoKb)}`);
  switch (enumOf(obj(hvm, 'vga'), 'kind', 'cirrus')) {
    case 'std':
      w.add({ group: 'display', meaning: 'standard VGA card', keys: ['vga', 'stdvga'] }, '-std-vga');
      break;
    case 'none':
      w.add({ group: 'display', meaning: 'no graphics card', keys: ['vga'] }, '-vga', 'none');
      break;
    case 'cirrus':
    case 'qxl':
      break;
    default:
      return failure(logLine('video-card-invalid', FN, domid, 'Invalid emulated video card specified'));
  }

  const boot = str(hvm, 'boot');
  if (boot !== undefined) w.add({ group: 'other', meaning: 'boot order (c disk, d CD-ROM, n network)', keys: ['boot'] }, '-boot', boot);

  const usbdevice = str(hvm, 'usbdevice');
  const list = strList(hvm, 'usbdevice_list') ?? [];
  if (defboolVal(hvm, 'usb') || usbdevice !== undefined || list.length > 0) {
    if (usbdevice !== undefined && list.length > 0) return failure(logLine('usbdevice-and-list', FN, domid, 'Both usbdevice and usbdevice_list set'));
    w.add({ group: 'other', meaning: 'USB controller', keys: ['usb'] }, '-usb');
    for (const dev of usbdevice !== undefined ? [usbdevice] : list) {
      w.add({ group: 'other', meaning: `emulated USB device ${dev}`, keys: ['usbdevice'] }, '-usbdevice', dev);
    }
  }
  const soundhw = str(hvm, 'soundhw');
  if (soundhw !== undefined) w.add({ group: 'other', meaning: `sound card ${soundhw} (passed unchecked)`, keys: ['soundhw'] }, '-soundhw', soundhw);
  if (acpiEnabled(d)) w.add({ group: 'other', meaning: 'ACPI tables', keys: ['acpi'] }, '-acpi');
  const maxVcpus = int(d.b, 'max_vcpus') || 1;
  if (maxVcpus > 1) w.add({ group: 'identity', meaning: 'most vCPUs the guest can have', keys: ['maxvcpus', 'vcpus'] }, '-vcpus', `${maxVcpus}`);
  w.add({ group: 'identity', meaning: 'bitmap of the vCPUs online at boot', keys: ['vcpus'] }, '-vcpu_avail', bitmapHex(availVcpus(d.b)));

  writeTraditionalNics(w, d, domid);

  if (defboolVal(hvm, 'gfx_passthru')) {
    const kind = str(hvm, 'gfx_passthru_kind') ?? 'default';
    if (kind !== 'default' && kind !== 'igd') return failure(logLine('gfx-passthru-kind-unsupported', FN, domid, 'unsupported gfx_passthru_kind.'));
    w.add({ group: 'other', meaning: 'graphics card passthrough', keys: ['gfx_passthru'] }, '-gfx_passthru');
  }
  return undefined;
}
