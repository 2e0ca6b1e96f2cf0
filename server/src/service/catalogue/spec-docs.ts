// Short texts, written for xlcfg, for the items inside spec strings (hover and completion inside a
// device spec): what each field does and what its enumerated values mean. Which fields exist is in
// spec-fields.ts, which releases know them in spec-field-gates.ts; the facts come from xl_parse.c
// and libxlutil's spec parsers (Xen 4.17 to 4.22).
import type { GuestType } from './types';

export interface SpecFieldDoc {
  readonly doc: string;
  /** What each enumerated value means. */
  readonly values?: Readonly<Record<string, string>>;
  /** The value is read as an integer (atoi/strtoul): hover shows the number xl stores. */
  readonly numeric?: 'bool' | 'int' | 'hex';
  /** Only these guest types make use of the field. */
  readonly guestTypes?: readonly GuestType[];
}

const ON_OFF = { 0: 'off', 1: 'on' } as const;
const bool = (doc: string, guestTypes?: readonly GuestType[]): SpecFieldDoc =>
  ({ doc, values: { '0': ON_OFF[0], '1': ON_OFF[1] }, numeric: 'bool', ...(guestTypes ? { guestTypes } : {}) });
const backend: SpecFieldDoc = { doc: 'The domain (name or id) that runs the backend of this device; dom0 when not given.' };

export const SPEC_FIELD_DOCS: Readonly<Record<string, Readonly<Record<string, SpecFieldDoc>>>> = {
  disk: {
    target: { doc: 'What backs the disk: a file, a block device or a name the script understands. Everything after `target=` is taken, commas included, so write it last.' },
    format: {
      doc: 'The image format of the target.',
      values: {
        raw: 'a plain image or block device (the default)', qcow: 'QEMU copy-on-write, version 1', qcow2: 'QEMU copy-on-write, version 2',
        vhd: 'Virtual Hard Disk image', qed: 'QEMU enhanced disk image', empty: 'no medium (an empty CD-ROM drive)',
      },
    },
    vdev: { doc: 'The name the guest sees for the disk (`xvda`, `hda`, `sdb`, ...); it also decides the device number.' },
    access: {
      doc: 'Whether the guest may write to the disk.',
      values: { r: 'read-only', ro: 'read-only', rw: 'read-write (the default)', w: 'read-write' },
    },
    devtype: { doc: 'The kind of device shown to the guest.', values: { disk: 'a hard disk (the default)', cdrom: 'a CD-ROM drive' } },
    cdrom: { doc: 'The same as `devtype=cdrom`: the guest sees a CD-ROM drive.' },
    backend: backend,
    backendtype: {
      doc: 'Which backend serves the disk; libxl picks one when it is not given.',
      values: { phy: 'the kernel block backend (blkback)', tap: 'the tapdisk backend (blktap)', qdisk: 'QEMU\'s disk backend', standalone: 'no backend is set up (for virtio disks handled elsewhere)' },
    },
    specification: {
      doc: 'The protocol the guest uses for the disk.',
      values: { xen: 'Xen\'s paravirtual block protocol (the default)', virtio: 'a virtio disk (needs a device model that provides it)' },
    },
    script: { doc: 'A hotplug script, run in the backend domain, that makes the target usable (e.g. for iSCSI or DRBD).' },
    'direct-io-safe': { doc: 'Tells the backend that the target is safe to open with direct I/O (no page cache in dom0).' },
    discard: { doc: 'Lets the guest send discard (TRIM) requests to the backend.' },
    'no-discard': { doc: 'Stops the guest from sending discard (TRIM) requests.' },
    trusted: { doc: 'The backend is trusted by the guest (from 4.19 a flag; older scanners take the word as a positional parameter).' },
    untrusted: { doc: 'The backend is not trusted by the guest; frontends may then bounce data through their own buffers.' },
    grant_usage: { doc: 'Whether a virtio disk uses grant mappings.', values: { '0': 'no grants (the backend maps guest memory directly)', '1': 'grant mappings are used' } },
    colo: { doc: 'Turns on COLO replication for this disk.' },
    'no-colo': { doc: 'Turns off COLO replication for this disk.' },
    'colo-host': { doc: 'COLO: the host of the secondary\'s NBD server.' },
    'colo-port': { doc: 'COLO: the port of the secondary\'s NBD server.' },
    'colo-export': { doc: 'COLO: the NBD export name on the secondary.' },
    'active-disk': { doc: 'COLO: the secondary\'s active disk image.' },
    'hidden-disk': { doc: 'COLO: the secondary\'s hidden disk image.' },
  },
  vif: {
    mac: { doc: 'The MAC address of the guest\'s interface (six hex octets separated by `:`); a random one with Xen\'s prefix 00:16:3e when not given.' },
    bridge: { doc: 'The bridge in the backend domain that the interface is added to (default `xenbr0`).' },
    gatewaydev: { doc: 'The network device the routing script uses as the gateway.' },
    netdev: { doc: 'Another name for `gatewaydev`.' },
    ip: { doc: 'IP addresses for the interface, separated by spaces; used by the hotplug scripts (anti-spoofing, routes).' },
    script: { doc: 'The hotplug script run in the backend domain (default `vif-bridge`).' },
    backend: backend,
    vifname: { doc: 'The name of the backend\'s interface in the backend domain (default `vifDOMID.DEVID`).' },
    model: { doc: 'For an emulated card (HVM): the NIC model QEMU shows (`e1000`, `rtl8139`, ...).', guestTypes: ['hvm'] },
    rate: { doc: 'Outgoing bandwidth limit, e.g. `10Mb/s` or `1MB/s@20ms` (the optional part is the replenish interval).' },
    type: { doc: 'Whether the guest gets only the PV interface or an emulated card too.', values: { vif: 'only the paravirtual interface', ioemu: 'an emulated card as well as the PV interface (HVM)' } },
    devid: { doc: 'The device number of the interface (default: its position in the list).' },
    mtu: { doc: 'The MTU of the backend interface.' },
    vlan: { doc: 'VLAN id for the interface (Open vSwitch scripts).' },
    accel: { doc: 'An acceleration plugin name; xl stores it, nothing uses it today.' },
    trusted: { doc: 'The backend is trusted by the guest.' },
    untrusted: { doc: 'The backend is not trusted by the guest.' },
  },
  pci: {
    bdf: { doc: 'The host device: `[DOMAIN:]BUS:DEV.FUNC` in hex, `*` as FUNC for every function.' },
    vslot: { doc: 'The slot the device takes on the guest\'s PCI bus (hex).', guestTypes: ['hvm'] },
    permissive: bool('Lets the guest write to configuration space registers that pciback would otherwise block (unsafe with untrusted guests).'),
    msitranslate: bool('Has QEMU translate MSI to INTx for the device (HVM, qemu-xen-traditional).', ['hvm']),
    seize: bool('Has xl unbind the device from its dom0 driver and give it to pciback when it is not assignable yet.'),
    power_mgmt: bool('Lets the guest control the device\'s power states (HVM).', ['hvm']),
    rdm_policy: {
      doc: 'What to do when the guest\'s memory clashes with a reserved region of this device.',
      values: { strict: 'refuse to start the guest', relaxed: 'warn and go on' },
    },
    name: { doc: 'A name from `xl pci-assignable-add -n` instead of a BDF.' },
  },
  vfb: {
    vnc: bool('Export the framebuffer over VNC.'),
    vnclisten: { doc: 'The address (and `:DISPLAY`) the VNC server listens on.' },
    vncdisplay: { doc: 'The VNC display number (port 5900 + N).' },
    vncunused: bool('Use the first free VNC display from the one given.'),
    vncpasswd: { doc: 'The VNC password (empty: none).' },
    sdl: bool('Show the framebuffer in an SDL window in dom0.'),
    display: { doc: 'The X display the SDL window opens on.' },
    xauthority: { doc: 'The X authority file for the SDL window.' },
    opengl: bool('Use OpenGL for the SDL window.'),
    keymap: { doc: 'The keyboard layout for VNC (e.g. `en-us`, `de`).' },
  },
  vkb: {
    'backend-type': { doc: 'Which backend serves the virtual keyboard; xl refuses a vkb without it.', values: { qemu: 'QEMU in dom0', linux: 'a Linux backend (the `backend` domain\'s kernel or a user-space backend)' } },
    backend: backend,
    'unique-id': { doc: 'An identifier that the backend uses to find its input device.' },
    'feature-disable-keyboard': bool('Do not offer a keyboard.'),
    'feature-disable-pointer': bool('Do not offer a pointer.'),
    'feature-abs-pointer': bool('Report absolute pointer positions.'),
    'feature-raw-pointer': bool('Report raw (unscaled) pointer positions.'),
    'feature-multi-touch': bool('Offer a multi-touch device; needs the three multi-touch sizes.'),
    'multi-touch-width': { doc: 'Width of the multi-touch surface.' },
    'multi-touch-height': { doc: 'Height of the multi-touch surface.' },
    'multi-touch-num-contacts': { doc: 'How many contacts the multi-touch device tracks.' },
    width: { doc: 'Width of the pointer\'s coordinate space.' },
    height: { doc: 'Height of the pointer\'s coordinate space.' },
  },
  vdispl: {
    backend: backend,
    'be-alloc': bool('The backend allocates the display buffers (instead of the frontend).'),
    connectors: { doc: 'The displays: `ID:WIDTHxHEIGHT` entries separated by `;`.' },
  },
  channel: {
    backend: backend,
    name: { doc: 'The channel\'s name, by which the guest finds it (e.g. `org.qemu.guest_agent.0`).' },
    connection: { doc: 'How the dom0 end is offered.', values: { pty: 'a pseudo-terminal', socket: 'a UNIX socket at `path`' } },
    path: { doc: 'The UNIX socket for `connection=socket`.' },
  },
  usbctrl: {
    type: {
      doc: 'Which kind of USB controller.',
      values: { auto: 'let libxl choose', pv: 'a PV controller served by the kernel backend', qusb: 'a PV controller served by QEMU', devicemodel: 'an emulated controller in QEMU (HVM)' },
    },
    version: { doc: 'The USB version of the controller.', values: { '1': 'USB 1.1', '2': 'USB 2.0', '3': 'USB 3.0 (emulated controllers only)' }, numeric: 'int' },
    ports: { doc: 'How many ports the controller has (1 to 31).', numeric: 'int' },
  },
  usbdev: {
    type: { doc: 'The kind of USB device.', values: { hostdev: 'a USB device of the host, passed through' } },
    hostbus: { doc: 'The host bus number of the device (as `lsusb` shows it).', numeric: 'int' },
    hostaddr: { doc: 'The device\'s address on that bus.', numeric: 'int' },
    controller: { doc: 'The guest controller (devid) to attach to; a free one is picked or made when not given.', numeric: 'int' },
    port: { doc: 'The port of that controller.', numeric: 'int' },
  },
  vtpm: {
    backend: backend,
    uuid: { doc: 'The UUID that identifies this vTPM to its backend.' },
  },
  p9: {
    tag: { doc: 'The mount tag the guest uses to find the share.' },
    security_model: { doc: 'How file ownership and permissions are mapped; only `none` is supported.', values: { none: 'files are accessed with the backend\'s credentials' } },
    path: { doc: 'The directory in the backend domain that is shared.' },
    backend: backend,
    type: { doc: 'Which backend serves the share.', values: { qemu: 'QEMU\'s 9pfs backend', xen_9pfsd: 'Xen\'s own 9pfs daemon (e.g. for the Xenstore stubdomain)' } },
    'max-files': { doc: 'xen_9pfsd: the most files the share may hold.' },
    'max-open-files': { doc: 'xen_9pfsd: the most files open at once.' },
    'max-space': { doc: 'xen_9pfsd: the most space in MiB the share may use.' },
    'auto-delete': bool('xen_9pfsd: delete the oldest files when a limit is reached.'),
  },
  pvcalls: { backend: backend },
  virtio: {
    backend: backend,
    type: { doc: 'The virtio device, as a compatible string (e.g. `virtio,device22`).' },
    transport: { doc: 'How the device is reached.', values: { mmio: 'memory-mapped virtio' } },
    grant_usage: bool('Whether the device uses grant mappings.'),
  },
  rdm: {
    strategy: { doc: 'Which reserved device memory regions the guest keeps clear.', values: { host: 'every region the host reports' } },
    policy: { doc: 'What happens when a region clashes with the guest\'s memory.', values: { strict: 'the guest is refused', relaxed: 'a warning, and the guest starts' } },
  },
  vnuma: {
    pnode: { doc: 'The host NUMA node whose memory backs this virtual node.', numeric: 'int' },
    size: { doc: 'Memory of this virtual node in MiB; the nodes add up to `memory`.', numeric: 'int' },
    vcpus: { doc: 'The vCPUs of this node, as numbers and ranges (`0-3,6`).' },
    vdistances: { doc: 'The distances from this node to each virtual node, in node order (`10,20`).' },
  },
  vsnd: {
    backend: backend,
    'short-name': { doc: 'The card\'s short name.' },
    'long-name': { doc: 'The card\'s long name.' },
    'sample-rates': { doc: 'Sample rates in Hz, separated by `;`.' },
    'sample-formats': { doc: 'Sample formats (e.g. `s16_le`), separated by `;`.' },
    'channels-min': { doc: 'The fewest channels.', numeric: 'int' },
    'channels-max': { doc: 'The most channels.', numeric: 'int' },
    'buffer-size': { doc: 'The buffer size in bytes.', numeric: 'int' },
    name: { doc: 'PCM: the device\'s name.' },
    'unique-id': { doc: 'STREAM: the stream\'s identifier.' },
    type: { doc: 'STREAM: its direction.', values: { p: 'playback', c: 'capture' } },
  },
  arm_sci: {
    type: { doc: 'The firmware interface the guest gets.', values: { none: 'none', scmi_smc: 'SCMI over SMC' } },
  },
};

/** vsnd: the word that starts each string of a card's list. */
export const VSND_LEVELS: Readonly<Record<string, string>> = {
  card: 'the card itself: backend, names and default parameters',
  pcm: 'a PCM device of the card (its streams follow)',
  stream: 'a stream of the last PCM device',
};

/** vsnd fields each level takes (the shared parameters come with every level). */
export const VSND_LEVEL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  card: ['backend', 'short-name', 'long-name'],
  pcm: ['name'],
  stream: ['unique-id', 'type'],
};
export const VSND_SHARED_FIELDS: readonly string[] = ['sample-rates', 'sample-formats', 'channels-min', 'channels-max', 'buffer-size'];

export function specFieldDoc(key: string, field: string): SpecFieldDoc | undefined {
  return SPEC_FIELD_DOCS[key]?.[field];
}

/** Keys whose strings (or items) are not `field=value` lists: a part of them is explained instead. */
export const SPEC_PART_KEYS = ['cpus', 'cpus_soft', 'iomem', 'ioports', 'irqs', 'dtdev', 'serial'] as const;

/** serial= values (QEMU character devices) with their meaning. */
export const SERIAL_VALUES: Readonly<Record<string, string>> = {
  pty: 'a pseudo-terminal in dom0 (`xl console -t serial` reaches it)',
  stdio: 'QEMU\'s own standard input and output',
  vc: 'a virtual console of QEMU\'s display',
  null: 'nothing: output is dropped',
  none: 'no serial port',
  'mon:': 'the QEMU monitor, sharing the device written after it (`mon:stdio`)',
  'file:': 'output written to a file (`file:PATH`)',
  'pipe:': 'a pair of named pipes (`pipe:PATH` for PATH.in and PATH.out)',
  'tcp:': 'a TCP connection (`tcp:HOST:PORT[,server,nowait]`)',
  'udp:': 'UDP packets (`udp:HOST:PORT`)',
  'unix:': 'a UNIX socket (`unix:PATH[,server,nowait]`)',
  '/dev/': 'a host tty (e.g. `/dev/ttyS0`): the guest drives the host\'s serial line',
};
