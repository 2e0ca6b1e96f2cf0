// Which words of a qemu-xen command line (as libxl builds it, devicemodel/) a QEMU release
// refuses, from the facts of models.ts. QEMU stops at the first one; this lists all of them, in
// argv order, as the goldens of test/fixtures/qemu do (the harness removes each refused option and
// runs QEMU again).
import type { QemuModel, QemuRefusalReason } from './models';

export interface QemuRefusal {
  /** Position of the option in argv (argv[0] is the binary). */
  readonly index: number;
  /** The option, e.g. `-no-acpi`, `-display`. */
  readonly option: string;
  /** Its value when it has one (e.g. `sdl` for `-display sdl`). */
  readonly value?: string;
  readonly reason: QemuRefusalReason;
  /** What in the value QEMU refuses: a display type, a block format, a device, a parameter. */
  readonly detail?: string;
  /** Why, in our words, naming the option and the QEMU release. */
  readonly message: string;
  /** What to write instead, in our words. */
  readonly fix: string;
}

/** Options libxl can emit that take no value (the others take the next word). */
const FLAGS = new Set([
  '-S', '-no-acpi', '-no-shutdown', '-no-user-config', '-nodefaults', '-nographic', '-usb', '-xen-attach',
  '-xen-domid-restrict', '-no-hpet', '-no-reboot', '-enable-kvm', '-daemonize', '-snapshot', '-full-screen',
  '-no-quit', '-no-fd-bootchk', '-localtime',
]);

/** Options whose `id=` QEMU checks while it parses the command line (id_wellformed). */
const ID_OPTIONS = new Set(['-drive', '-device', '-chardev', '-netdev', '-object']);

/** `a=b,c=d` as QEMU's option parser reads it (`,,` is a literal comma); a leading bare word is the implied key. */
export function qemuOptionList(value: string, implied?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let cur = '';
  const parts: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === ',') {
      if (value[i + 1] === ',') { cur += ','; i++; continue; }
      parts.push(cur); cur = '';
    } else cur += c;
  }
  parts.push(cur);
  parts.forEach((p, i) => {
    const eq = p.indexOf('=');
    if (eq >= 0) out.push([p.slice(0, eq), p.slice(eq + 1)]);
    else if (i === 0 && implied !== undefined) out.push([implied, p]);
    else out.push([p, 'on']);
  });
  return out;
}

function where(model: QemuModel): string {
  return `${model.distribution}'s QEMU ${model.version}`;
}

/** The options of argv with their values: [index, option, value?]. */
export function qemuOptions(argv: readonly string[]): Array<[number, string, string | undefined]> {
  const out: Array<[number, string, string | undefined]> = [];
  for (let i = 1; i < argv.length; i++) {
    const o = argv[i]!;
    if (!o.startsWith('-')) continue;
    if (FLAGS.has(o) || i + 1 >= argv.length) { out.push([i, o, undefined]); continue; }
    out.push([i, o, argv[i + 1]]);
    i++;
  }
  return out;
}

/** Every refusal of `argv` (a qemu-xen device model's command line) by the QEMU of `model`. */
export function qemuRefusals(argv: readonly string[], model: QemuModel): QemuRefusal[] {
  const out: QemuRefusal[] = [];
  const q = where(model);
  const ideTaken = ideDriveSlots(argv);
  const kAt = argv.indexOf('-k');
  const keymap = kAt > 0 ? argv[kAt + 1] : undefined;
  for (const [index, option, value] of qemuOptions(argv)) {
    const base = { index, option, ...(value !== undefined ? { value } : {}) };
    const unknown = model.unknownOptions[option];
    if (unknown) {
      out.push({
        ...base, reason: unknown.reason,
        message: unknown.reason === 'option-removed'
          ? `${q} no longer has ${option} and stops with "invalid option".`
          : `${q} does not have ${option} yet and stops with "invalid option".`,
        fix: unknown.instead,
      });
      continue;
    }
    if (value === undefined) continue;
    const id = ID_OPTIONS.has(option) ? qemuOptionList(value).find(([k]) => k === 'id')?.[1] : undefined;
    if (id !== undefined && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(id)) {
      out.push({
        ...base, reason: 'bad-identifier', detail: id,
        message: `${q} refuses ${option} with id=${id}: an id must start with a letter and hold only letters, digits, '-', '.' and '_'.`,
        fix: id === '(null)' ? 'libxl printed a missing name as (null): give the disk what libxl expects of it (for COLO disks, the export name)' : 'use a well-formed id',
      });
      continue;
    }
    if (option === '-display') {
      const type = qemuOptionList(value, 'type')[0]?.[1] ?? '';
      if (!model.displayTypes.includes(type)) {
        out.push({
          ...base, reason: 'display-not-built', detail: type,
          message: `${q} is built without the ${type} display (its -display types: ${model.displayTypes.join(', ')}) and refuses -display ${type}.`,
          fix: 'use VNC or SPICE for the console instead',
        });
      }
    } else if (option === '-drive') {
      const format = qemuOptionList(value).find(([k]) => k === 'format')?.[1];
      if (format !== undefined && !model.blockFormats.includes(format)) {
        out.push({
          ...base, reason: 'block-format-not-built', detail: format,
          message: `${q} has no ${format} block driver and refuses the -drive with format=${format}.`,
          fix: `convert the image to ${model.blockFormats.includes('qcow2') ? 'qcow2 or raw' : 'raw'} (qemu-img convert) and change the disk's format`,
        });
      }
    } else if (option === '-device') {
      const list = qemuOptionList(value, 'driver');
      const prop = (k: string) => list.find(([n]) => n === k)?.[1];
      const driver = prop('driver') ?? '';
      if (model.missingDevices.includes(driver)) {
        out.push({
          ...base, reason: 'device-not-built', detail: driver,
          message: `${q} is built without the ${driver} device and refuses -device ${driver}.`,
          fix: `remove what asks for ${driver}`,
        });
      } else if (model.audioDevicesRefused.includes(driver)) {
        out.push({
          ...base, reason: 'no-audio-driver', detail: driver,
          message: `${q} has no audio driver it can use by default (only none, spice and wav are built in) and refuses the sound device ${driver} ("no default audio driver available").`,
          fix: 'remove soundhw',
        });
      } else if (driver === 'cirrus-vga' && prop('vgamem_mb') !== undefined && !model.cirrusVgamemMb.includes(Number(prop('vgamem_mb')))) {
        out.push({
          ...base, reason: 'device-property-value', detail: `vgamem_mb=${prop('vgamem_mb')}`,
          message: `${q} refuses cirrus-vga with vgamem_mb=${prop('vgamem_mb')}: the Cirrus card takes ${model.cirrusVgamemMb.join(', ')} MB only.`,
          fix: `set videoram to ${model.cirrusVgamemMb.join(', ')} MB (or use vga = "stdvga")`,
        });
      } else if ((driver === 'ide-cd' || driver === 'ide-hd') && /^ide\.\d+$/.test(prop('bus') ?? '')) {
        const slot = `${prop('bus')!.slice(4)}:${prop('unit') ?? '0'}`;
        if (ideTaken.has(slot)) {
          const [bus, unit] = slot.split(':');
          out.push({
            ...base, reason: 'ide-slot-in-use', detail: slot,
            message: `${q} refuses -device ${driver} on IDE bus ${bus} unit ${unit} ("IDE unit ${unit} is in use"): another disk of this guest is already there.`,
            fix: 'give each IDE disk and CD-ROM its own vdev (hda-hdd / xvda-xvdd map to the same four IDE slots)',
          });
        }
        ideTaken.add(slot);
      }
    } else if (option === '-usbdevice' && value.includes(':')) {
      out.push({
        ...base, reason: 'usbdevice-parameters', detail: value.split(':')[0],
        message: `${q} refuses -usbdevice ${value}: it no longer takes parameters after the device kind ("usbdevice parameters are not supported anymore").`,
        fix: 'pass the USB device with usbdev (usbctrl + usbdev = [ "type=hostdev,hostbus=..,hostaddr=.." ]) or device_model_args_hvm = [ "-device", "usb-host,..." ]',
      });
    } else if (option === '-smp') {
      const list = qemuOptionList(value, 'cpus');
      const n = Math.max(...list.filter(([k]) => k === 'cpus' || k === 'maxcpus').map(([, v]) => Number(v)).filter(Number.isFinite), 0);
      if (n > model.maxCpus && argv.some((x, i) => argv[i - 1] === '-machine' && /^(type=)?xenfv\b/.test(x))) {
        out.push({
          ...base, reason: 'too-many-vcpus', detail: String(n),
          message: `${q} refuses -smp ${value}: the xenfv machine takes at most ${model.maxCpus} vCPUs ("Invalid SMP CPUs ${n}").`,
          fix: `set maxvcpus (and vcpus) to ${model.maxCpus} or fewer`,
        });
      }
    } else if (option === '-vnc' && keymap !== undefined && !model.keymaps.includes(keymap)) {
      out.push({
        ...base, reason: 'unknown-keymap', detail: keymap,
        message: `${q} has no keymap ${keymap} and refuses -vnc with -k ${keymap} ("could not read keymap file").`,
        fix: `set keymap to one of ${model.keymaps.join(', ')}`,
      });
    }
    if (option === '-vnc' && !model.vncPassword) {
      const pw = qemuOptionList(value).find(([k]) => k === 'password')?.[1];
      if (pw !== undefined && pw !== 'off') {
        out.push({
          ...base, reason: 'vnc-password-not-built', detail: 'password',
          message: `${q} is built without the DES cipher VNC passwords need and refuses -vnc ...,password ("Cipher backend does not support DES algorithm").`,
          fix: 'remove vncpasswd and keep VNC on 127.0.0.1 (vnclisten), reached through an SSH tunnel, or use SPICE',
        });
      }
    }
    if (option === '-global') {
      if (!globalAccepted(value)) {
        const key = qemuOptionList(value).map(([k]) => k).find((k) => !['driver', 'property', 'value'].includes(k)) ?? value;
        out.push({
          ...base, reason: 'global-syntax', detail: key,
          message: `${q} refuses -global ${value}: -global takes DRIVER.PROPERTY=VALUE.`,
          fix: 'write the -global value as DRIVER.PROPERTY=VALUE',
        });
      }
    }
    const removed = model.removedParameters[option];
    if (removed) {
      for (const [k] of qemuOptionList(value)) {
        const instead = removed[k];
        if (instead === undefined) continue;
        out.push({
          ...base, reason: 'parameter-removed', detail: k,
          message: `${q} no longer takes ${option} ${k}= and stops with "Invalid parameter '${k}'".`,
          fix: instead,
        });
        break;
      }
    }
  }
  return out;
}

/** IDE slots (`bus:unit`) the `-drive if=ide,index=N` options take: the machine creates them before any -device. */
function ideDriveSlots(argv: readonly string[]): Set<string> {
  const taken = new Set<string>();
  for (const [, option, value] of qemuOptions(argv)) {
    if (option !== '-drive' || value === undefined) continue;
    const list = qemuOptionList(value);
    const get = (k: string) => list.find(([n]) => n === k)?.[1];
    if (get('if') !== 'ide' || get('index') === undefined) continue;
    const n = Number(get('index'));
    if (Number.isInteger(n)) taken.add(`${n >> 1}:${n & 1}`);
  }
  return taken;
}

/** qemu_global_option: `DRIVER.PROP=VALUE`, or an option list of driver=, property=, value=. */
function globalAccepted(value: string): boolean {
  if (/^[^.=]{1,63}\.[^=]{1,63}=/.test(value)) return true;
  return qemuOptionList(value).every(([k]) => k === 'driver' || k === 'property' || k === 'value');
}
