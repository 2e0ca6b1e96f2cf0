// xlcfg's own descriptions of the keys that decide how the guest boots: kernels, firmware,
// bootloaders, shims and firmware tables.
import type { KeyText } from '../types';

export const BOOT_TEXTS: Record<string, KeyText> = {
  kernel: {
    summary: 'Kernel image in dom0 to boot the guest from directly.',
    doc: 'The path is read on the host, not inside the guest\'s disk. PV and PVH guests need one of ' +
      '`kernel`, `bootloader` or a pvgrub `firmware`. For HVM this is direct kernel boot, which only ' +
      'qemu-xen supports; an old-style `kernel = ".../hvmloader"` is ignored with a warning. Pair it ' +
      'with `ramdisk` and `cmdline` (or `root`/`extra`).',
    example: 'kernel = "/var/lib/xen/images/vmlinuz-6.1"',
  },
  ramdisk: {
    summary: 'Initial ramdisk (initrd) in dom0 that goes with `kernel`.',
    doc: 'Loaded next to the kernel for direct boot; most distribution kernels need it to find ' +
      'their root disk. It is useless without `kernel`: for HVM libxl refuses a ramdisk or command ' +
      'line given without a kernel.',
    example: 'ramdisk = "/var/lib/xen/images/initrd.img-6.1"',
  },
  cmdline: {
    summary: 'The whole kernel command line for direct kernel boot.',
    doc: 'When set, `root` and `extra` are ignored, so put everything here, for example the root ' +
      'device and the console. It is only used for direct kernel boot.',
    example: 'cmdline = "root=/dev/xvda1 ro console=hvc0"',
  },
  root: {
    summary: 'Root device, added to the kernel command line as `root=...`.',
    doc: 'A shortcut from older configs: xl builds the command line from `root` and `extra`. It is ' +
      'ignored as soon as `cmdline` is present. Write only the device, without the `root=` prefix.',
    example: 'root = "/dev/xvda1 ro"',
  },
  extra: {
    summary: 'Additional kernel options, put after `root` on the command line.',
    doc: 'Combined with `root` into the command line of a directly booted kernel; typical content is ' +
      'the console setting. Ignored when `cmdline` is present.',
    example: 'extra = "console=hvc0 quiet"',
  },
  firmware: {
    summary: 'Firmware to boot: `bios`, `uefi`, `seabios`, `ovmf`, `rombios`, a path, or `pvgrub32`/`pvgrub64` for PV/PVH.',
    doc: 'For HVM, `uefi` selects OVMF and `bios` keeps the BIOS that suits the device model; any ' +
      'other word is taken as the path of a custom firmware image. For PV and PVH, `pvgrub64` or ' +
      '`pvgrub32` boot a GRUB built for Xen that reads the guest\'s own boot menu, so no dom0 ' +
      'bootloader is needed. xl matches leading parts of the words, so a typo such as `"pvgrub"` ' +
      'points at a file that does not exist.',
    example: 'firmware = "uefi"',
  },
  pvshim: {
    summary: 'Boot a PV guest kernel wrapped in a PVH domain by the PV shim.',
    doc: 'The shim is a small Xen that runs the unmodified PV guest inside a PVH domain, which ' +
      'shields the host from attacks that need PV mode (the reason was Meltdown). It only applies ' +
      'with `type = "pvh"`; the kernel stays a PV kernel.',
    example: 'pvshim = 1',
  },
  pvshim_path: {
    summary: 'Shim binary to use instead of the one shipped with Xen.',
    doc: 'Only read with `type = "pvh"` and `pvshim = 1`. The default is `xen-shim` in Xen\'s firmware ' +
      'directory.',
    example: 'pvshim_path = "/usr/lib/xen/boot/xen-shim-debug"',
    defaultText: '`xen-shim` in Xen\'s firmware directory',
  },
  pvshim_cmdline: {
    summary: 'Command line handed to the PV shim itself.',
    doc: 'Replaces the built-in shim command line, which names the shim and sends its console to the ' +
      'Xen console. Use `pvshim_extra` to add options without losing those.',
    example: 'pvshim_cmdline = "pv-shim console=xen,pv loglvl=all"',
  },
  pvshim_extra: {
    summary: 'Options added to the PV shim\'s command line.',
    doc: 'Appended after `pvshim_cmdline` (or its default), for example to raise the shim\'s log level ' +
      'while debugging. Only used for PVH guests with `pvshim = 1`.',
    example: 'pvshim_extra = "loglvl=all"',
  },
  bootloader: {
    summary: 'Program run in dom0 to fetch the kernel and initrd from the guest\'s disk (usually pygrub).',
    doc: 'With a bootloader the guest manages its own kernels: the program reads the boot menu from ' +
      'the first disk and hands the chosen kernel to xl. PV and PVH only. From Xen 4.19 the old ' +
      '`/usr/bin/pygrub` link is gone, so write `"pygrub"`; pygrub parses untrusted guest data as ' +
      'root unless `bootloader_restrict` is used, and pvgrub `firmware` avoids that altogether.',
    example: 'bootloader = "pygrub"',
  },
  bootloader_args: {
    summary: 'Arguments handed to the `bootloader` program.',
    doc: 'Give a list with one argument per element. A single string still works but is split at ' +
      'spaces, which breaks arguments that contain spaces.',
    example: 'bootloader_args = [ "--entry=1" ]',
  },
  bootloader_restrict: {
    summary: 'Run the bootloader deprivileged, as an unprivileged user (`1`).',
    doc: 'pygrub parses files from the guest\'s disk, so a hostile guest could attack it. With this ' +
      'set, libxl runs it without a terminal and as one of the QEMU deprivilege users (or ' +
      '`bootloader_user`). New in 4.18; the 4.15 to 4.17 security updates offer the same through the ' +
      '`LIBXL_BOOTLOADER_RESTRICT` environment variable only.',
    example: 'bootloader_restrict = 1',
    defaultText: 'taken from xl.conf; otherwise off unless `LIBXL_BOOTLOADER_RESTRICT` is set',
  },
  bootloader_user: {
    summary: 'Unix user a restricted bootloader runs as.',
    doc: 'Only used with `bootloader_restrict`. Each guest should have its own user so one guest\'s ' +
      'bootloader cannot touch another\'s. New in 4.18.',
    example: 'bootloader_user = "xen-boot-web01"',
    defaultText: 'the QEMU deprivilege users (see `dm_restrict`)',
  },
  e820_host: {
    summary: 'Copy the host\'s e820 memory layout, PCI holes included, into a PV guest (`1`).',
    doc: 'PCI devices passed to a PV guest need holes in guest memory where the host has them, or ' +
      'the guest kernel may place RAM over device addresses. It is switched on automatically when ' +
      '`pci` lists devices. PV only.',
    example: 'e820_host = 1',
    defaultText: '0, or 1 when `pci` lists devices',
  },
  boot: {
    summary: 'Boot device order of the emulated BIOS, as letters (`c` hard disk, `d` CD, `n` PXE).',
    doc: 'Letters are tried from left to right, so `"dc"` boots an installer CD first and then the ' +
      'disk. The manual says the default is `cd`, but libxl actually uses `cda` (disk, CD-ROM, then ' +
      'floppy). xl passes the text to QEMU unchecked. HVM only; UEFI guests use their own boot ' +
      'manager instead.',
    example: 'boot = "dc"',
    defaultText: 'documented as `cd`; libxl really uses `cda`',
  },
  bios: {
    summary: 'HVM firmware: `seabios`, `ovmf` (UEFI) or `rombios`.',
    doc: 'The choice must suit the device model: qemu-xen runs SeaBIOS (its default) or OVMF, and ' +
      'libxl refuses `rombios` with it; qemu-xen-traditional only works with `rombios` (up to 4.20). ' +
      'Use `ovmf` for guests that expect UEFI, such as Windows 11 or Secure Boot setups.',
    example: 'bios = "ovmf"',
    defaultText: '`seabios` with qemu-xen; `rombios` with qemu-xen-traditional (4.10 to 4.20)',
  },
  bios_path_override: {
    summary: 'Load the BIOS image from this file instead of the built-in one.',
    doc: 'The file must be the same kind of firmware that `bios` names; a mismatch leads to a guest ' +
      'that does not boot. Handy for testing a newer OVMF build.',
    example: 'bios_path_override = "/usr/share/ovmf/OVMF.fd"',
  },
  firmware_override: {
    summary: 'Older way to load an own HVM firmware file; same as `firmware = "PATH"`.',
    doc: 'Never described in xl.cfg(5) but still read, and xl\'s own warning about ' +
      '`kernel = "hvmloader"` points to it. Prefer `firmware` with a path.',
    example: 'firmware_override = "/usr/lib/xen/boot/hvmloader-debug"',
  },
  acpi_firmware: {
    summary: 'File of extra ACPI tables (compiled AML) added to the guest\'s tables.',
    doc: 'The tables are appended to those hvmloader builds, for example an SSDT that describes ' +
      'extra hardware or licensing data. HVM only; the file must contain valid, compiled tables.',
    example: 'acpi_firmware = "/etc/xen/acpi/ssdt.aml"',
  },
  smbios_firmware: {
    summary: 'File of SMBIOS structures that add to or replace the guest\'s defaults.',
    doc: 'Each structure in the file is preceded by its size as a 32-bit number. Useful when software ' +
      'in the guest checks vendor or serial data. For single strings `smbios` (4.18+) is easier.',
    example: 'smbios_firmware = "/etc/xen/smbios/oem.bin"',
  },
  smbios: {
    summary: 'Individual SMBIOS strings for the guest, each `"KEY=VALUE"`.',
    doc: 'Sets fields such as the manufacturer, product name or serial number without building a ' +
      'binary blob. New in Xen 4.18; HVM only.',
    example: 'smbios = [ "manufacturer=Example Ltd", "serial=ABC123" ]',
  },
  device_tree: {
    summary: 'Partial device tree (compiled) merged into the Arm guest\'s tree.',
    doc: 'Used for device passthrough on Arm: the `/passthrough` and `/aliases` nodes of this file ' +
      'are copied into the tree the guest boots with. The phandle 65000 is taken by the toolstack and ' +
      'must not be used in the file.',
    example: 'device_tree = "/etc/xen/dt/guest-passthrough.dtb"',
  },
};
