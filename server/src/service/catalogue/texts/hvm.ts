// xlcfg's own descriptions of the HVM platform keys: ACPI, timers, emulated buses and devices,
// Viridian enlightenments.
import type { KeyText } from '../types';

export const HVM_TEXTS: Record<string, KeyText> = {
  hdtype: {
    summary: 'Controller for emulated hard disks: `ide` or `ahci`.',
    doc: '`ahci` (SATA) is faster and lifts IDE\'s limit of four emulated disks, but old guests may ' +
      'lack a driver for it. Only disks with `hd*` or `sd*` names get an emulated controller.',
    example: 'hdtype = "ahci"',
  },
  pae: {
    summary: 'Expose PAE (physical address extension) to the HVM guest.',
    doc: '64-bit guests and the no-execute bit both need PAE, so leave it on. Turning it off is only ' +
      'for very old 32-bit operating systems.',
    example: 'pae = 1',
  },
  acpi: {
    summary: 'Give the guest ACPI tables (power buttons, CPU hotplug, modern OS support).',
    doc: 'Almost every guest OS expects ACPI; without it, `xl shutdown` cannot press the virtual ' +
      'power button. On by default on x86, off by default on Arm. Turn it off only for guests that ' +
      'break with it.',
    example: 'acpi = 1',
  },
  acpi_s3: {
    summary: 'Advertise suspend-to-RAM (S3) in the guest\'s ACPI tables.',
    doc: 'Guests that see S3 may suspend themselves, and waking such a VM is awkward. Set `0` for ' +
      'servers that should never go to sleep. HVM only.',
    example: 'acpi_s3 = 0',
  },
  acpi_s4: {
    summary: 'Advertise suspend-to-disk (S4) in the guest\'s ACPI tables.',
    doc: 'Hibernation inside a VM is rarely wanted, and a guest that hibernates looks shut down to ' +
      'xl. Set `0` to stop guests offering it. HVM only.',
    example: 'acpi_s4 = 0',
  },
  acpi_laptop_slate: {
    summary: 'Add the laptop/slate mode switch device that Windows looks for.',
    doc: 'Windows uses this ACPI device to switch between laptop and tablet modes. Only useful for ' +
      'Windows guests that need it.',
    example: 'acpi_laptop_slate = 1',
  },
  nx: {
    summary: 'Expose the no-execute (NX/XD) page protection to the guest.',
    doc: 'Needed by every modern OS for basic exploit protection. Turning it off helps only very old ' +
      'guests or migration to hosts without the feature.',
    example: 'nx = 1',
  },
  hpet: {
    summary: 'Emulate a High Precision Event Timer.',
    doc: 'Some guests use the HPET as their clock or tick source. It is on by default and rarely ' +
      'needs touching; turn it off only when a guest OS has trouble with it.',
    example: 'hpet = 0',
  },
  vpt_align: {
    summary: 'Align the guest\'s periodic timers to fire together.',
    doc: 'Grouping timer interrupts lets the host CPU sleep longer and saves power. Leave it on ' +
      'unless a guest depends on exact timer phases.',
    example: 'vpt_align = 1',
  },
  apic: {
    summary: 'Provide the MP and PIR tables that describe the APIC to single-vCPU guests.',
    doc: 'Only matters for old guests without ACPI that have a single vCPU. Turning it off hides the ' +
      'interrupt controller tables from them; modern guests read the same data from ACPI.',
    example: 'apic = 1',
  },
  ms_vm_genid: {
    summary: 'Give the guest a Microsoft VM Generation ID (`"generate"`).',
    doc: 'Windows domain controllers use this ID to notice they were restored from a snapshot or ' +
      'cloned, and then avoid replication mistakes. `"generate"` creates a new ID on every start; ' +
      '`"none"` leaves it out.',
    example: 'ms_vm_genid = "generate"',
  },
  mmio_hole: {
    summary: 'Size in MiB of the gap below 4 GiB kept free for device memory (qemu-xen).',
    doc: 'Passed-through devices with large BARs need a bigger hole. Valid sizes are 256 to 3840, ' +
      'and 3072 is a size that has worked well for large cards. A bigger hole moves more guest RAM above 4 GiB, which old ' +
      '32-bit guests without PAE cannot use.',
    example: 'mmio_hole = 3072',
  },
  xen_platform_pci: {
    summary: 'Add the Xen platform device, the hook for PV drivers inside HVM guests.',
    doc: 'Without it an HVM guest cannot use PV disk and network drivers and falls back to emulated ' +
      'devices. With `0`, qemu-xen runs a plain PC machine instead of the Xen one. Only turn it off ' +
      'for guests that misbehave with Xen\'s PV drivers.',
    example: 'xen_platform_pci = 1',
  },
  xen_platform_pci_bar_uc: {
    summary: 'Whether the Xen platform device\'s memory region is mapped uncached (MTRR).',
    doc: 'Decides whether the firmware sets the Xen platform device\'s memory region to uncached in ' +
      'the guest\'s memory type ranges. It is on by default; turn it off only if a guest\'s PV ' +
      'drivers are known to gain from cached access. x86 only, read from Xen 4.21.',
    example: 'xen_platform_pci_bar_uc = 0',
  },
  viridian: {
    summary: 'Hyper-V enlightenments for Windows guests: `1`, or a list of groups (prefix `!` to remove).',
    doc: '`1` enables a sensible default set (`"defaults"`); a list picks groups such as `"base"`, ' +
      '`"time_ref_count"`, `"reference_tsc"`, `"stimer"` or `"all"`, and `"!name"` removes one. ' +
      'Windows guests run clearly faster with them. Naming a group both with and without `!` makes ' +
      'libxl refuse the guest; newer groups only exist in newer Xen releases.',
    example: 'viridian = [ "defaults", "stimer", "!hcall_remote_tlb_flush" ]',
  },
  hvm_pirq: {
    summary: 'Let the HVM guest take device interrupts over event channels.',
    doc: 'Xen 4.19 stopped offering this to HVM guests by default; set `1` when an older guest kernel ' +
      'relies on it. Guests restored or migrated from older Xen keep it on automatically.',
    example: 'hvm_pirq = 1',
  },
  vendor_device: {
    summary: 'Which Xen vendor PCI device QEMU adds: `none` or `xenserver`.',
    doc: '`"xenserver"` selects the variant of QEMU\'s Xen PV device that XenServer\'s Windows PV ' +
      'drivers expect. Other guests do not need it.',
    example: 'vendor_device = "xenserver"',
  },
  serial: {
    summary: 'Emulated serial ports, each given as a QEMU serial backend.',
    doc: 'Common values are `"pty"` (reach it with `xl console -t serial`), `"file:/path"` or ' +
      '`"tcp:127.0.0.1:4555,server,nowait"`. Give a list for several ports; a single string also ' +
      'works. With qemu-xen the guest has no serial port unless one is configured here.',
    example: 'serial = [ "pty" ]',
    defaultText: 'no serial port with qemu-xen',
  },
  soundhw: {
    summary: 'Emulated sound card, e.g. `hda` or `ac97`.',
    doc: 'Adds a QEMU sound device; audio goes to the dom0 audio system QEMU is configured for. From ' +
      'Xen 4.17 libxl rejects names qemu-xen does not know.',
    example: 'soundhw = "hda"',
  },
  vkb_device: {
    summary: 'Give an HVM guest a PV keyboard and mouse.',
    doc: 'The PV input devices let guests with the right drivers use an absolute pointer over VNC. ' +
      'Turn it off when a guest has trouble with them. From 4.19 an explicit `vkb` list takes over.',
    example: 'vkb_device = 0',
  },
  usb: {
    summary: 'Give the HVM guest QEMU\'s emulated USB bus.',
    doc: 'Devices listed in `usbdevice` switch the bus on anyway, so on its own it only adds an empty ' +
      'controller. It cannot be combined with `usbversion` ' +
      'or SPICE USB redirection; libxl refuses such a mix.',
    example: 'usb = 1',
  },
  usbversion: {
    summary: 'Version of the emulated USB controller: 1, 2 or 3 (qemu-xen).',
    doc: 'Adds a USB controller of that generation to the guest. Do not combine it with `usb` or ' +
      '`usbdevice`; libxl refuses the mix. Values outside 1 to 3 are refused too.',
    example: 'usbversion = 3',
  },
  usbdevice: {
    summary: 'USB devices QEMU emulates for the guest, typically `"tablet"` for an absolute mouse.',
    doc: '`"tablet"` makes the VNC mouse follow the pointer exactly, which is the usual reason to set ' +
      'it; `"host:VENDOR:PRODUCT"` passes a host device through QEMU. It adds the emulated USB bus ' +
      'by itself, and a list or a single string are both accepted. Do not combine it with `usbversion`.',
    example: 'usbdevice = [ "tablet" ]',
  },
};
