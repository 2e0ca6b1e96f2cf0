// Mirrors the HVM device block of libxl__build_device_model_args_new in
// tools/libs/light/libxl_dm.c (Xen 4.17): direct boot, SCSI controller, serial ports, nographic,
// SPICE, graphics card, boot order, USB, sound, ACPI and vCPUs (the NICs are in network.ts).
import { acpiEnabled, availVcpus, sizekbToMb, type DmView, type SdlInfo, type VncInfo } from './config-view';
import { defboolVal, enumOf, int, str, strList, obj } from '../model/domain-view';
import { failure, isFailure, logLine, type ArgvWriter, type Failure } from './argv-writer';
import { spiceOptions } from './display';
import type { DeviceModelRules } from './versions';

const FN = 'libxl__build_device_model_args_new';
/** The first stub-domain console that carries an emulated serial port (STUBDOM_CONSOLE_SERIAL). */
const STUBDOM_CONSOLE_SERIAL = 3;

/** The sound cards libxl knows (libxl__qemu_soundhw), matched without regard to case. */
const SOUND_CARDS = ['ac97', 'adlib', 'cs4231a', 'es1370', 'gus', 'hda', 'sb16'];

export interface HvmBlockInput {
  readonly d: DmView;
  readonly domid: number;
  readonly stubdom: boolean;
  readonly vnc?: VncInfo;
  readonly sdl?: SdlInfo;
  readonly rules: DeviceModelRules;
}

export function writeDirectBoot(w: ArgvWriter, d: DmView): void {
  const kernel = str(d.b, 'kernel'), ramdisk = str(d.b, 'ramdisk'), cmdline = str(d.b, 'cmdline');
  if (kernel !== undefined) w.add({ group: 'identity', meaning: 'kernel booted directly by qemu', keys: ['kernel'] }, '-kernel', kernel);
  if (ramdisk !== undefined) w.add({ group: 'identity', meaning: 'initial ramdisk for the direct boot', keys: ['ramdisk'] }, '-initrd', ramdisk);
  if (cmdline !== undefined) w.add({ group: 'identity', meaning: 'kernel command line', keys: ['cmdline', 'extra', 'root'] }, '-append', cmdline);
}

/** A SCSI controller first, when any non-CD-ROM disk is named sd*. */
export function writeScsiController(w: ArgvWriter, d: DmView): void {
  const scsi = d.disks.some((disk) => !int(disk, 'is_cdrom') && (str(disk, 'vdev') ?? '').startsWith('sd'));
  if (scsi) w.add({ group: 'disks', meaning: 'SCSI controller for the sd* disks', keys: ['disk'] }, '-device', 'lsi53c895a');
}

/** `serial` (string) or `serial` list; in a stub domain each becomes one of its consoles. */
export function writeSerial(w: ArgvWriter, d: DmView, domid: number, stubdom: boolean, fn: string): Failure | undefined {
  const serial = str(d.hvm, 'serial');
  const list = strList(d.hvm, 'serial_list');
  if (serial === undefined && list === undefined) return undefined;
  if (serial !== undefined && list !== undefined) return failure(logLine('serial-and-list', fn, domid, 'Both serial and serial_list set'));
  const values = serial !== undefined ? [serial] : list!;
  values.forEach((v, k) => {
    const arg = stubdom ? `/dev/hvc${STUBDOM_CONSOLE_SERIAL + k}` : v;
    const meaning = stubdom ? `serial port ${k} on the stub domain's console ${STUBDOM_CONSOLE_SERIAL + k}` : `serial port ${k}`;
    w.add({ group: 'display', meaning, keys: ['serial'] }, '-serial', arg);
  });
  return undefined;
}

export function writeHvmDevices(w: ArgvWriter, i: HvmBlockInput): Failure | undefined {
  const { d, domid, stubdom, rules } = i;
  const hvm = d.hvm;
  writeDirectBoot(w, d);
  writeScsiController(w, d);
  const serialErr = writeSerial(w, d, domid, stubdom && rules.stubdomSerialConsoles, FN);
  if (serialErr) return serialErr;

  if (defboolVal(hvm, 'nographic') && !i.sdl && !i.vnc) {
    w.add({ group: 'display', meaning: 'no graphical output at all', keys: ['nographic'] }, '-nographic');
  }

  const spice = obj(hvm, 'spice');
  if (defboolVal(spice, 'enable') && !stubdom) {
    const opts = spiceOptions(spice);
    if (isFailure(opts)) return opts;
    w.add({ group: 'display', meaning: 'SPICE server', keys: ['spice', 'spiceport', 'spicetls_port', 'spicehost', 'spicepasswd'] }, '-spice', opts);
    if (defboolVal(spice, 'vdagent')) {
      const note = { group: 'display' as const, meaning: 'SPICE guest agent channel', keys: ['spicevdagent'] };
      w.add(note, '-device', 'virtio-serial');
      w.add(note, '-chardev', 'spicevmc,id=vdagent,name=vdagent');
      w.add(note, '-device', 'virtserialport,chardev=vdagent,name=com.redhat.spice.0');
    }
  }

  const videoKb = int(d.b, 'video_memkb');
  const vgaKeys = ['vga', 'stdvga', 'videoram'];
  switch (enumOf(obj(hvm, 'vga'), 'kind', 'cirrus')) {
    case 'std':
      w.add({ group: 'display', meaning: `standard VGA card, ${sizekbToMb(videoKb)} MiB video memory`, keys: vgaKeys }, '-device', `VGA,vgamem_mb=${sizekbToMb(videoKb)}`);
      break;
    case 'cirrus':
      w.add({ group: 'display', meaning: `Cirrus Logic card, ${sizekbToMb(videoKb)} MiB video memory`, keys: vgaKeys }, '-device', `cirrus-vga,vgamem_mb=${sizekbToMb(videoKb)}`);
      break;
    case 'none':
      break;
    case 'qxl': {
      const half = Math.floor(videoKb / 2 / 1024);
      w.add({ group: 'display', meaning: 'QXL card (video memory split in two regions)', keys: vgaKeys }, '-device', `qxl-vga,vram_size_mb=${half},ram_size_mb=${half}`);
      break;
    }
    default:
      return failure(logLine('video-card-invalid', FN, domid, 'Invalid emulated video card specified'));
  }

  const boot = str(hvm, 'boot');
  if (boot !== undefined) w.add({ group: 'other', meaning: 'boot order (c disk, d CD-ROM, n network)', keys: ['boot'] }, '-boot', `order=${boot}`);

  const usbErr = writeUsb(w, i);
  if (usbErr) return usbErr;

  const soundhw = str(hvm, 'soundhw');
  if (soundhw !== undefined) {
    const note = { group: 'other' as const, meaning: `sound card ${soundhw}`, keys: ['soundhw'] };
    if (!rules.soundhwAsDevice) {
      w.add(note, '-soundhw', soundhw);
    } else {
      const card = SOUND_CARDS.find((c) => c === soundhw.toLowerCase());
      if (!card) return failure(logLine('soundhw-unknown', FN, domid, `Unknown soundhw option '${soundhw}'`));
      if (card === 'hda') {
        w.add(note, '-device', 'intel-hda');
        w.add(note, '-device', 'hda-duplex');
      } else {
        w.add(note, '-device', card);
      }
    }
  }

  if (!acpiEnabled(d)) w.add({ group: 'other', meaning: 'no ACPI tables', keys: ['acpi'] }, '-no-acpi');

  const maxVcpus = int(d.b, 'max_vcpus') || 1;
  if (maxVcpus > 1) {
    const note = { group: 'identity' as const, meaning: 'vCPUs online at boot, and the most that can be hot-plugged', keys: ['vcpus', 'maxvcpus'] };
    if (Array.isArray(d.b.avail_vcpus) && d.b.avail_vcpus.length > 0) {
      w.add(note, '-smp', `${availVcpus(d.b).length},maxcpus=${maxVcpus}`);
    } else {
      w.add(note, '-smp', `${maxVcpus}`);
    }
  }
  return undefined;
}

/** `usb`/`usbdevice` (legacy) or `usbversion` + SPICE USB redirection. */
function writeUsb(w: ArgvWriter, i: HvmBlockInput): Failure | undefined {
  const hvm = i.d.hvm;
  const usbdevice = str(hvm, 'usbdevice');
  const list = strList(hvm, 'usbdevice_list') ?? [];
  if (defboolVal(hvm, 'usb') || usbdevice !== undefined || list.length > 0) {
    if (usbdevice !== undefined && list.length > 0) return failure(logLine('usbdevice-and-list', FN, i.domid, 'Both usbdevice and usbdevice_list set'));
    w.add({ group: 'other', meaning: 'USB 1.1 controller', keys: ['usb'] }, '-usb');
    for (const dev of usbdevice !== undefined ? [usbdevice] : list) {
      w.add({ group: 'other', meaning: `emulated USB device ${dev}`, keys: ['usbdevice'] }, '-usbdevice', dev);
    }
    return undefined;
  }
  const version = int(hvm, 'usbversion');
  if (!version) return undefined;
  const note = { group: 'other' as const, meaning: `USB ${version === 1 ? '1.1' : version === 2 ? '2.0' : '3.0'} controller`, keys: ['usbversion'] };
  switch (version) {
    case 1:
      w.add(note, '-device', 'piix3-usb-uhci,id=usb');
      break;
    case 2:
      w.add(note, '-device', 'ich9-usb-ehci1,id=usb,addr=0x1d.0x7,multifunction=on');
      for (let k = 1; k < 4; k++) {
        const fn = k - 1 === 0 ? '0' : `0x${(k - 1).toString(16)}`;
        w.add({ ...note, meaning: `USB 1.1 companion controller ${k}` }, '-device', `ich9-usb-uhci${k},masterbus=usb.0,firstport=${2 * (k - 1)},addr=0x1d.${fn},multifunction=on`);
      }
      break;
    case 3:
      w.add(note, '-device', 'nec-usb-xhci,id=usb');
      break;
    default:
      return failure(logLine('usbversion-invalid', FN, i.domid, 'usbversion parameter is invalid, must be between 1 and 3'));
  }
  const redir = int(obj(hvm, 'spice'), 'usbredirection');
  if (redir < 0 || redir >= 5) return failure(logLine('usbredirection-invalid', FN, i.domid, 'usbredirection parameter is invalid, it must be between 1 and 4'));
  for (let k = 1; k <= redir; k++) {
    const rnote = { group: 'other' as const, meaning: `SPICE USB redirection channel ${k}`, keys: ['spiceusbredirection'] };
    w.add(rnote, '-chardev', `spicevmc,name=usbredir,id=usbrc${k}`);
    w.add(rnote, '-device', `usb-redir,chardev=usbrc${k},id=usbrc${k}`);
  }
  return undefined;
}
