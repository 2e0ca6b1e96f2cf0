// xlcfg's own descriptions of the device keys: disks, network, passthrough and the PV device
// families (vtpm, 9pfs, channels, displays, sound, input, virtio, TEE).
import type { KeyText } from '../types';

export const DEVICE_TEXTS: Record<string, KeyText> = {
  disk: {
    summary: 'The guest\'s disks and CD-ROMs, one spec string per device.',
    doc: 'Each string names the backing object in dom0 and the guest device, either by position ' +
      '(`"TARGET,FORMAT,VDEV,ACCESS"`) or with `key=value` items such as `vdev=`, `format=`, `access=` ' +
      'and `devtype=cdrom`; see xl-disk-configuration(5). `target=` must come last because it takes ' +
      'the rest of the string, commas included. Every disk needs a `vdev`; for HVM, `hd*` and `sd*` ' +
      'names also get an emulated disk next to the PV one. Any mistake in a disk spec stops xl.',
    example: 'disk = [ "format=raw, vdev=xvda, access=rw, target=/dev/vg0/web01" ]',
  },
  vif: {
    summary: 'The guest\'s network interfaces, one spec string per NIC.',
    doc: 'Items are `key=value` pairs such as `mac=`, `bridge=`, `model=` (emulated NIC for HVM), ' +
      '`rate=` and `vifname=`; see xl-network-configuration(5). An empty string `""` still creates a ' +
      'NIC with default settings (bridge `xenbr0`, a random `00:16:3e` MAC). xl only complains about ' +
      'unknown items and carries on, so a misspelt item silently does nothing; only bad `rate`, ' +
      '`devid` and `mtu` values stop it.',
    example: 'vif = [ "mac=00:16:3e:12:34:56, bridge=xenbr0" ]',
  },
  vtpm: {
    summary: 'Virtual TPM devices served by a vTPM backend domain.',
    doc: 'Each spec needs `backend=` naming the domain that runs the vTPM; `uuid=` pins the TPM\'s ' +
      'identity (random otherwise). The backend domain must already run when this guest starts.',
    example: 'vtpm = [ "backend=vtpm-web01" ]',
  },
  p9: {
    summary: '9pfs shares that export a dom0 directory into the guest.',
    doc: 'Each spec gives `tag=` (the name the guest mounts), `path=` (the directory in the backend) ' +
      'and `security_model=none`; up to 4.18 all three are required. From 4.19, `type=xen_9pfsd` ' +
      'selects Xen\'s own small daemon instead of QEMU and adds limits such as `max-files=`. With ' +
      'the QEMU backend a PV/PVH guest gets a QEMU process just for this.',
    example: 'p9 = [ "tag=share, security_model=none, path=/srv/share" ]',
  },
  pvcalls: {
    summary: 'PV Calls: let the guest use a backend domain\'s network stack at the socket level.',
    doc: 'Each spec is `backend=DOMAIN`. Socket calls of the guest are forwarded to the backend, ' +
      'which must run a PV Calls backend; the guest kernel needs the matching frontend.',
    example: 'pvcalls = [ "backend=netdom" ]',
  },
  vfb: {
    summary: 'Paravirtual framebuffers (graphical console) for PV and PVH guests.',
    doc: 'Items are `vnc=`, `vnclisten=`, `vncdisplay=`, `vncpasswd=`, `sdl=`, `keymap=` and the ' +
      'like; each framebuffer also brings a PV keyboard and mouse, and needs a QEMU in dom0 to serve ' +
      'it. For an HVM guest\'s emulated card use the top-level `vnc*`, `sdl` and `vga` keys ' +
      'instead. An item without `=` quietly ends the parsing of its spec.',
    example: 'vfb = [ "vnc=1, vnclisten=127.0.0.1, vncdisplay=5" ]',
  },
  channel: {
    summary: 'Byte-stream channels between the guest and dom0, e.g. for guest agents.',
    doc: 'Each spec needs `name=` (a well-known name the agent looks for) and usually ' +
      '`connection=pty` or `connection=socket` with `path=`. They appear in the guest as extra PV ' +
      'consoles. In dom0 they are served by QEMU, so a PV guest with a channel gets a QEMU process.',
    example: 'channel = [ "name=org.qemu.guest_agent.0, connection=socket, path=/run/xen/qga-web01.sock" ]',
  },
  rdm: {
    summary: 'How reserved device memory (RMRRs) is handled for passthrough: `"strategy=host"`.',
    doc: '`strategy=host` makes libxl keep every host RMRR region free in the guest\'s memory map, ' +
      'which some passed-through devices need. Beware: in Xen 4.15 to 4.22 adding a valid ' +
      '`policy=strict` or `policy=relaxed` makes xl drop the whole setting without a word, so write ' +
      'only `"strategy=host"`.',
    example: 'rdm = "strategy=host"',
  },
  usbctrl: {
    summary: 'USB controllers for passing host USB devices to the guest.',
    doc: 'Each spec may give `type=` (`auto`, `pv`, `qusb` or `devicemodel`), `version=` (1 to 3, ' +
      'default 2) and `ports=` (1 to 31, default 8). Usually one controller is created automatically ' +
      'when `usbdev` needs it.',
    example: 'usbctrl = [ "type=auto, version=2, ports=4" ]',
  },
  usbdev: {
    summary: 'Host USB devices attached to the guest at start.',
    doc: 'Each spec is `hostbus=N, hostaddr=M` as shown by `lsusb`, optionally with `controller=` ' +
      'and `port=`. Bus and address change when a device is unplugged, so this suits devices that ' +
      'stay put.',
    example: 'usbdev = [ "hostbus=1, hostaddr=3" ]',
  },
  pci: {
    summary: 'Host PCI devices passed through to the guest.',
    doc: 'Each spec is a host address `"DDDD:BB:DD.F"` (or a `name=` registered with ' +
      '`xl pci-assignable-add -n`, 4.15+) with optional `,key=value` items such as `permissive=` or ' +
      '`vslot=`; see xl-pci-configuration(5). Devices must first be made assignable to pciback. ' +
      'libxl refuses passthrough for HVM guests that boot ballooned down (`maxmem` above `memory`), and ' +
      'for PV guests it turns on `e820_host`.',
    example: 'pci = [ "0000:03:00.0" ]',
  },
  pci_permissive: {
    summary: 'Default for every `pci` device: let the guest write all of its config space.',
    doc: 'Some devices need writes that pciback blocks by default. Turning this on is a security ' +
      'risk because the guest can reprogram the device; prefer `permissive=1` on just the device ' +
      'that needs it.',
    example: 'pci_permissive = 1',
  },
  pci_msitranslate: {
    summary: 'Default for every `pci` device: turn the guest\'s MSI into legacy interrupts on the host.',
    doc: 'A workaround for devices or guests whose MSI handling misbehaves under Xen. Per-device ' +
      '`msitranslate=` overrides it.',
    example: 'pci_msitranslate = 1',
  },
  pci_seize: {
    summary: 'Default for every `pci` device: let xl bind it to pciback itself.',
    doc: 'With `1`, xl detaches a listed device from its dom0 driver if it is not yet assignable. ' +
      'Convenient, but it can take away a device dom0 still needs (such as its own NIC).',
    example: 'pci_seize = 1',
  },
  pci_power_mgmt: {
    summary: 'Default for every `pci` device: let the guest control the device\'s power states (HVM).',
    doc: 'Passes power-management requests of the guest through to the device. HVM only; ' +
      'per-device `power_mgmt=` overrides it.',
    example: 'pci_power_mgmt = 1',
  },
  gfx_passthru: {
    summary: 'Use a passed-through GPU as the HVM guest\'s main display instead of the emulated one.',
    doc: 'With `1` the emulated VGA is switched off and the real card listed in `pci` becomes the ' +
      'console, so VNC shows nothing; libxl detects the card\'s kind, or the string `"igd"` names an ' +
      'Intel integrated GPU. The card must also be in `pci` and belongs to one guest at a time. ' +
      'Results depend strongly on the card and the guest drivers.',
    example: 'gfx_passthru = 1',
  },
  rdm_mem_boundary: {
    summary: 'Memory boundary in MiB used when reserved device memory clashes with guest RAM.',
    doc: 'When reserved device memory overlaps guest RAM above this boundary, libxl ends low memory ' +
      'below the reserved region. Below the boundary the RDM policy decides: strict refuses the guest, ' +
      'relaxed warns and hides the region from the guest. Only relevant with `rdm` or per-device ' +
      '`rdm_policy`.',
    example: 'rdm_mem_boundary = 2048',
  },
  dtdev: {
    summary: 'Host device-tree nodes whose devices are given to the Arm guest.',
    doc: 'Each string is the full path of a node in the host\'s device tree. Usually combined with ' +
      '`device_tree` (describing the device to the guest), `iomem` and `irqs`.',
    example: 'dtdev = [ "/soc/ethernet@ff0e0000" ]',
  },
  ioports: {
    summary: 'x86 I/O ports (hex, single or `START-END`) handed to the guest for direct use.',
    doc: 'Each entry is a port like `"2f8"` or an inclusive range like `"2f8-2ff"`, always in hex. ' +
      'This grants raw hardware access and bypasses isolation, so use it only for devices that are ' +
      'really dedicated to the guest.',
    example: 'ioports = [ "2f8-2ff" ]',
  },
  iomem: {
    summary: 'Host memory pages given to the guest, written `"START,COUNT[@GFN]"` in hex page numbers.',
    doc: 'Grants direct access to device memory. START and COUNT are page numbers, not byte ' +
      'addresses; without `@GFN` the pages appear at the same address in the guest. The IOMMU is not ' +
      'set up for these mappings, so DMA from the device is not confined.',
    example: 'iomem = [ "fe000,10" ]',
  },
  irqs: {
    summary: 'Physical interrupt numbers the guest may use (decimal).',
    doc: 'Routes the listed host IRQs to the guest, normally for a device given with `ioports`, ' +
      '`iomem` or `dtdev`. On Arm, `vuart` uses IRQ 32, so that one cannot be given.',
    example: 'irqs = [ 3 ]',
  },
  vdispl: {
    summary: 'Paravirtual displays, each with one or more connectors (`ID:WxH`).',
    doc: 'Each spec gives `backend=`, optional `be-alloc=` and `connectors=` as `;`-separated ' +
      '`ID:WIDTHxHEIGHT` entries. A display backend must run in the backend domain; mostly used on ' +
      'embedded Arm systems.',
    example: 'vdispl = [ "backend=dom0, connectors=hdmi:1920x1080" ]',
  },
  vsnd: {
    summary: 'Paravirtual sound cards, each a list of card, PCM and stream item strings.',
    doc: 'Each inner list is one card. Its strings start with `CARD`, `PCM` or `STREAM` and carry ' +
      '`key=value` items; a PCM belongs to the card before it, a stream to the PCM before it. Sample ' +
      'formats use names like `s16_le` and `f32_le` (the manual\'s `float_le` spelling is not ' +
      'accepted). Needs a sound backend in the backend domain.',
    example: 'vsnd = [ [ "CARD, short-name=Card0", "PCM, name=Main", "STREAM, unique-id=pcm0, type=p" ] ]',
  },
  vkb: {
    summary: 'Paravirtual keyboard, pointer and multi-touch devices.',
    doc: 'Each spec must give `backend-type=` (`qemu` or `linux`) and may switch features such as ' +
      '`feature-abs-pointer=1`. Setting any `multi-touch-*` size turns multi-touch on. From 4.19, ' +
      'for HVM guests this list overrides `vkb_device`.',
    example: 'vkb = [ "backend-type=linux, feature-abs-pointer=1" ]',
  },
  virtio: {
    summary: 'Generic virtio-mmio devices served by a backend domain (Arm).',
    doc: 'Each spec names the device-tree `type=` (for example `virtio,device22`), the `backend=` ' +
      'domain and `transport=mmio`; `grant_usage=` controls whether grants are used. An unknown ' +
      'transport makes xl stop without a message. New in 4.18.',
    example: 'virtio = [ "backend=dom0, type=virtio,device22, transport=mmio" ]',
  },
  tee: {
    summary: 'Give the Arm guest access to a Trusted Execution Environment (`optee` or `ffa`).',
    doc: '`optee` lets the guest talk to OP-TEE running in the secure world; `ffa` uses Arm\'s ' +
      'FF-A interface and needs Xen 4.18 or later. Both are technology previews; the TEE must support ' +
      'virtualisation.',
    example: 'tee = "optee"',
  },
  vif2: {
    summary: 'Netchannel2 interfaces, which no longer exist; ignored with a warning.',
    doc: 'The netchannel2 driver was never merged and xl only warns that it ignores the key. Move the ' +
      'interfaces to `vif`.',
    example: 'vif = [ "bridge=xenbr0" ]   # replaces vif2',
  },
};
