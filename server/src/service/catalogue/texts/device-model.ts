// xlcfg's own descriptions of the device-model keys: which QEMU runs, where, as whom, with what
// extra arguments.
import type { KeyText } from '../types';

export const DEVICE_MODEL_TEXTS: Record<string, KeyText> = {
  dm_restrict: {
    summary: 'Confine the guest\'s QEMU after it starts, to limit the damage of a QEMU bug (tech preview).',
    doc: 'With `1`, libxl starts the dom0 qemu-xen so that it may only touch this guest and, for HVM, ' +
      'runs it as an unprivileged user; from 4.12 it also chroots it and caps its resources. The host must have ' +
      'the deprivilege users (`xen-qemuuser-range-base` or `xen-qemuuser-shared`), or libxl refuses ' +
      'to start the guest. libxl refuses it outright with qemu-xen-traditional, which is also what ' +
      'HVM stub domains use by default up to 4.20. It is a technology preview: failures of the extra ' +
      'protection are not treated as security issues.',
    example: 'dm_restrict = 1',
  },
  device_model_user: {
    summary: 'Account in dom0 under which this guest\'s QEMU process runs.',
    doc: 'libxl hands it to QEMU (`-runas`, or `-run-with user=` from 4.20 when QEMU supports it), ' +
      'even without `dm_restrict`, but only for HVM guests. Each guest needs its own user, or the ' +
      'guests\' QEMUs can interfere with each other. The user must exist in dom0, and from 4.12 a ' +
      'user that maps to uid 0 (such as `root`) makes libxl refuse the guest.',
    example: 'device_model_user = "xen-qemu-web01"',
  },
  device_model_version: {
    summary: 'Which QEMU runs the guest\'s devices: `qemu-xen` or (up to 4.20) `qemu-xen-traditional`.',
    doc: '`qemu-xen` is current upstream QEMU and the default. `qemu-xen-traditional` is Xen\'s old ' +
      'fork: not security-supported as a dom0 process since 4.15, no longer built by default since ' +
      '4.16, and gone in 4.21, where xl rejects the value. Without the key, an HVM guest with ' +
      '`device_model_stubdomain_override = 1` gets the traditional model up to 4.20, so say ' +
      '`qemu-xen` explicitly for stub domains.',
    example: 'device_model_version = "qemu-xen"',
    defaultText: '`qemu-xen`; HVM stub domains get `qemu-xen-traditional` up to 4.20',
  },
  device_model_override: {
    summary: 'Path of the QEMU binary to run in dom0.',
    doc: 'The binary must match `device_model_version`; set that key too, since xl warns when only ' +
      'the override is given. Without a version, a path that does not exist made upstream libxl (up ' +
      'to 4.20) quietly switch to qemu-xen-traditional, so check the path carefully.',
    example: 'device_model_override = "/usr/local/bin/qemu-system-i386"',
  },
  device_model: {
    summary: 'Obsolete way of naming the device-model binary; ignored with a warning.',
    doc: 'xl only warns that it ignores the key. Use `device_model_override` for the path, together ' +
      'with `device_model_version`.',
    example: 'device_model_override = "/usr/lib/xen/bin/qemu-system-i386"   # replaces device_model',
  },
  stubdomain_kernel: {
    summary: 'Kernel image of the device-model stub domain.',
    doc: 'Only used with `device_model_stubdomain_override = 1`. The default depends on the device ' +
      'model: the Linux stub domain kernel for qemu-xen, the MiniOS image for the traditional model.',
    example: 'stubdomain_kernel = "/usr/lib/xen/boot/qemu-stubdom-linux-kernel"',
    defaultText: 'qemu-xen: `qemu-stubdom-linux-kernel`; traditional: `ioemu-stubdom.gz` (in Xen\'s firmware directory)',
  },
  stubdomain_cmdline: {
    summary: 'Boot options for the stub domain\'s own kernel.',
    doc: 'Extra options for the Linux stub domain\'s kernel, e.g. to raise its log level while ' +
      'debugging. Only used with a stub domain.',
    example: 'stubdomain_cmdline = "loglevel=7"',
  },
  stubdomain_ramdisk: {
    summary: 'Root file system image of the Linux device-model stub domain.',
    doc: 'Holds QEMU and its helpers for a qemu-xen stub domain. Only used with ' +
      '`device_model_stubdomain_override = 1`.',
    example: 'stubdomain_ramdisk = "/usr/lib/xen/boot/qemu-stubdom-linux-rootfs"',
    defaultText: 'qemu-xen: `qemu-stubdom-linux-rootfs` in Xen\'s firmware directory',
  },
  stubdomain_memory: {
    summary: 'RAM in MiB of the device-model stub domain.',
    doc: 'Comes on top of the guest\'s own memory. The Linux stub domain (qemu-xen) needs about 128 ' +
      'MiB, the MiniOS one about 28; raise it for guests with many devices.',
    example: 'stubdomain_memory = 256',
    defaultText: '128 for a Linux (qemu-xen) stub domain, 28 for MiniOS (traditional)',
  },
  device_model_stubdomain_override: {
    summary: 'Run the HVM guest\'s QEMU in a small separate domain instead of dom0.',
    doc: 'A stub domain keeps a compromised QEMU away from dom0, which is a stronger boundary than ' +
      '`dm_restrict`. Without `device_model_version`, Xen 4.10 to 4.20 use the MiniOS ' +
      'qemu-xen-traditional stub domain; write `device_model_version = "qemu-xen"` to get the Linux ' +
      'stub domain, whose images must be installed (Debian ships none). HVM only.',
    example: 'device_model_stubdomain_override = 1',
  },
  device_model_stubdomain_seclabel: {
    summary: 'FLASK security context given to the stub domain that runs QEMU.',
    doc: 'Lets a FLASK policy give the stub domain exactly the rights it needs over its guest. Only ' +
      'meaningful with XSM enabled and a stub domain in use.',
    example: 'device_model_stubdomain_seclabel = "system_u:system_r:dm_dom_t"',
  },
  device_model_args: {
    summary: 'Extra QEMU arguments, added for every guest type.',
    doc: 'A list with one argument per element, appended to the command line libxl builds. Nothing ' +
      'checks them, so a wrong option only shows up when QEMU fails to start. A plain string is not ' +
      'accepted.',
    example: 'device_model_args = [ "-device", "virtio-rng-pci" ]',
  },
  device_model_args_pv: {
    summary: 'Extra QEMU arguments for PV and PVH guests only.',
    doc: 'Like `device_model_args`, but only used when the guest is PV or PVH and has a QEMU. Must be ' +
      'a list.',
    example: 'device_model_args_pv = [ "-trace", "events=/etc/xen/trace-events" ]',
  },
  device_model_args_hvm: {
    summary: 'Extra QEMU arguments for HVM guests only.',
    doc: 'Like `device_model_args`, but only used for HVM guests. Must be a list; arguments that clash ' +
      'with the ones libxl generates make QEMU fail.',
    example: 'device_model_args_hvm = [ "-global", "ide-hd.physical_block_size=4096" ]',
  },
};
