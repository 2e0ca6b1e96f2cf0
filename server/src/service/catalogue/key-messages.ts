// Mirrors the messages of tools/xl/xl_parse.c and libxl (Xen 4.17 / 4.22) per key: the exact text
// xl or libxl prints (printf placeholders kept), whether it is fatal, and xl's exit status.
// Generated once from the project's keys.json; these strings are facts, reproduced verbatim.

export interface XlMessage {
  readonly text: string;
  readonly level: 'error' | 'warning';
  /** xl's exit status when the message is fatal. */
  readonly exit?: number;
  /** Printed without a trailing newline. */
  readonly newline?: false;
}

export const KEY_MESSAGES: Readonly<Record<string, readonly XlMessage[]>> = {
  name: [
    { text: "Domain name must be specified.", level: 'error', exit: 1 },
  ],
  type: [
    { text: "Invalid domain type %s.", level: 'error', exit: 1 },
  ],
  builder: [
    { text: "Invalid domain type %s.", level: 'error', exit: 1 },
    { text: "Contradicting \"builder\" and \"type\" options specified.", level: 'error', exit: 1 },
  ],
  maxvcpus: [
    { text: "xl: maxvcpus < vcpus", level: 'error', exit: 1 },
  ],
  cpus: [
    { text: "Invalid pcpu range: %s.", level: 'error', exit: 1 },
    { text: "Can't combine \"^\" and \"all\".", level: 'error', exit: 1 },
    { text: "libxl_node_to_cpumap failed.", level: 'error', exit: 1 },
  ],
  cpus_soft: [
    { text: "Invalid pcpu range: %s.", level: 'error', exit: 1 },
    { text: "Can't combine \"^\" and \"all\".", level: 'error', exit: 1 },
    { text: "libxl_node_to_cpumap failed.", level: 'error', exit: 1 },
  ],
  maxmem: [
    { text: "xl: maxmem and vnuma memory size mismatch", level: 'error', exit: 1 },
  ],
  vnuma: [
    { text: "xl: cannot get vnode config option list", level: 'error', exit: 1 },
    { text: "xl: failed to split \"%s\" into pair", level: 'error', exit: 1 },
    { text: "xl: invalid pnode number: %lu", level: 'error', exit: 1 },
    { text: "xl: failed to convert \"%s\" to number", level: 'error', exit: 1 },
    { text: "xl: vnuma vcpus and maxvcpus= mismatch", level: 'error', exit: 1 },
    { text: "xl: vnuma specifies more vcpus than pcpus, use maxvcpus= to override this check.", level: 'error', exit: 1 },
    { text: "xl: maxmem and vnuma memory size mismatch", level: 'error', exit: 1 },
    { text: "SRC:LINE:0: warning: value is not a list", level: 'warning' },
  ],
  on_poweroff: [
    { text: "Unknown on_poweroff action \"%s\" specified", level: 'error', exit: 1 },
  ],
  on_reboot: [
    { text: "Unknown on_reboot action \"%s\" specified", level: 'error', exit: 1 },
  ],
  on_watchdog: [
    { text: "Unknown on_watchdog action \"%s\" specified", level: 'error', exit: 1 },
  ],
  on_crash: [
    { text: "Unknown on_crash action \"%s\" specified", level: 'error', exit: 1 },
  ],
  on_soft_reset: [
    { text: "Unknown on_soft_reset action \"%s\" specified", level: 'error', exit: 1 },
  ],
  kernel: [
    { text: "WARNING: you seem to be using \"kernel\" directive to override HVM guest firmware. Ignore that. Use \"firmware_override\" instead if you really want a non-default firmware", level: 'warning' },
    { text: "Neither kernel nor bootloader specified", level: 'error', exit: 1 },
    { text: "ERROR: both kernel and firmware specified", level: 'error', exit: 1 },
  ],
  cmdline: [
    { text: "Warning: ignoring root= and extra= in favour of cmdline=", level: 'warning' },
  ],
  firmware: [
    { text: "ERROR: both kernel and firmware specified", level: 'error', exit: 1 },
    { text: "ERROR: only pvgrub{32|64} supported as firmware options", level: 'error', exit: 1 },
  ],
  uuid: [
    { text: "Failed to parse UUID: %s", level: 'error', exit: 1 },
  ],
  passthrough: [
    { text: "ERROR: unknown passthrough option '%s'", level: 'error', exit: 1 },
  ],
  xenstore_quota: [
    { text: "xl: Can't get element %d in Xenstore quota list", level: 'error', exit: 1 },
    { text: "Quota specification \"%s\" lacks \"=\".", level: 'error', exit: 1 },
    { text: "Quota specification \"%s\" uses illegal value \"%s\".", level: 'error', exit: 1 },
  ],
  disk: [
    { text: "SRC: config parsing error in disk specification: MSG: near `TOKEN' in `SPEC'", level: 'error', exit: 1 },
    { text: "xlu_disk_parse failed: %s", level: 'error', exit: 1 },
  ],
  vtpm: [
    { text: "Unknown string `%s' in vtpm spec", level: 'error', exit: 1 },
    { text: "vtpm spec missing required backend field!", level: 'error', exit: 1 },
    { text: "Failed to parse vtpm UUID: %s", level: 'error', exit: 1 },
  ],
  p9: [
    { text: "Unknown string `%s' in 9pfs spec", level: 'error', exit: 1 },
    { text: "9pfs spec missing required field!", level: 'error', exit: 1 },
    { text: "failed to parse 9pfs configuration: %s", level: 'error', exit: 1, newline: false },
    { text: "failed to parse 9pfs type: %s", level: 'error', exit: 1 },
    { text: "Unknown 9pfs parameter '%s'", level: 'error', exit: 1 },
    { text: "xl: failed to convert \"%s\" to number", level: 'error', exit: 1 },
  ],
  pvcalls: [
    { text: "Unknown string `%s' in pvcalls spec", level: 'error', exit: 1 },
  ],
  channel: [
    { text: "failed to parse channel configuration: %s", level: 'error', exit: 1, newline: false },
    { text: "unknown channel connection '%s'", level: 'error', exit: 1 },
    { text: "unknown channel parameter '%s', ignoring", level: 'warning' },
    { text: "channel has unknown 'connection'", level: 'error', exit: 1 },
    { text: "channel connection 'socket' requires path=..", level: 'error', exit: 1 },
  ],
  usbctrl: [
    { text: "Invalid usb controller type '%s'", level: 'error', exit: 1 },
    { text: "Unknown string `%s' in usbctrl spec", level: 'error', exit: 1 },
  ],
  usbdev: [
    { text: "Invalid usb device type: %s", level: 'error', exit: 1 },
    { text: "Unknown string `%s' in usbdev spec", level: 'error', exit: 1 },
  ],
  pci: [
    { text: "unable to parse PCI_SPEC_STRING `%s' for passthrough", level: 'error', exit: 6 },
    { text: "Unknown PCI_SPEC_STRING option: %s", level: 'error', newline: false },
    { text: "Unknown RDM policy: %s", level: 'error', newline: false },
  ],
  gfx_passthru: [
    { text: "ERROR: invalid value \"%s\" for \"gfx_passthru\"", level: 'error', exit: 1 },
  ],
  dtdev: [
    { text: "unable to duplicate string for dtdevs", level: 'error', exit: 255 },
  ],
  ioports: [
    { text: "xl: Unable to get element #%d in ioport list", level: 'error', exit: 1 },
    { text: "xl: Invalid argument parsing ioport: %s", level: 'error', exit: 1 },
    { text: "xl: ioport %lx too big", level: 'error', exit: 1 },
  ],
  iomem: [
    { text: "xl: Unable to get element %d in iomem list", level: 'error', exit: 1 },
    { text: "xl: Invalid argument parsing iomem: %s", level: 'error', exit: 1 },
  ],
  irqs: [
    { text: "xl: Unable to get element %d in irq list", level: 'error', exit: 1 },
    { text: "xl: Invalid argument parsing irq: %s", level: 'error', exit: 1 },
    { text: "xl: irq %lx too big", level: 'error', exit: 1 },
  ],
  vdispl: [
    { text: "Unknown string \"%s\" in vdispl spec", level: 'error', exit: 1 },
    { text: "Can't parse connector resolution", level: 'error', exit: 1 },
    { text: "At least one connector should be specified.", level: 'error', exit: 1 },
  ],
  vsnd: [
    { text: "Failed to get vsnd card list: %s", level: 'error', exit: 1 },
    { text: "Invalid key: %s", level: 'error', exit: 1 },
    { text: "Invalid parameter: %s", level: 'error', exit: 1 },
    { text: "No vsnd pcm device", level: 'error', exit: 1 },
    { text: "No vsnd stream", level: 'error', exit: 1 },
    { text: "No pcm device", level: 'error', exit: 1 },
    { text: "Invalid stream type: %s", level: 'error', exit: 1 },
    { text: "Invalid pcm format: %s", level: 'error', exit: 1 },
  ],
  vkb: [
    { text: "Unknown string \"%s\" in vkb spec", level: 'error', exit: 1 },
    { text: "Unknown backend_type \"%s\" in vkb spec", level: 'error', exit: 1 },
    { text: "backend-type should be set in vkb spec", level: 'error', exit: 1 },
    { text: "multi-touch-width, multi-touch-height, multi-touch-num-contacts should be set for multi touch in vkb spec", level: 'error', exit: 1 },
  ],
  virtio: [
    { text: "Unknown string \"%s\" in virtio spec", level: 'error', exit: 1 },
  ],
  tee: [
    { text: "Unknown tee \"%s\" specified", level: 'error', exit: 3 },
  ],
  bootloader: [
    { text: "ERROR: this instance of Xen has been built without support of \"pygrub\".", level: 'error', exit: 3 },
  ],
  bootloader_args: [
    { text: "WARNING: Specifying \"bootloader_args\" as a string is deprecated. Please use a list of arguments.", level: 'warning' },
    { text: "xl: Unable to parse bootloader_args.", level: 'error', exit: 3 },
  ],
  hdtype: [
    { text: "ERROR: invalid value \"%s\" for \"hdtype\"", level: 'error', exit: 1 },
  ],
  bios: [
    { text: "ERROR: invalid value \"%s\" for \"bios\"", level: 'error', exit: 1 },
  ],
  bios_path_override: [
    { text: "WARNING: bios_path_override given without specific bios name", level: 'warning' },
  ],
  altp2m: [
    { text: "ERROR: invalid value %ld for \"altp2m\"", level: 'error', exit: 1 },
    { text: "ERROR: invalid value \"%s\" for \"altp2m\"", level: 'error', exit: 1 },
  ],
  altp2mhvm: [
    { text: "WARNING: Specifying \"altp2mhvm\" is deprecated. Please use \"altp2m\" instead.", level: 'warning' },
  ],
  altp2m_count: [
    { text: "ERROR: invalid value %ld for \"altp2m_count\"", level: 'error', exit: 1 },
  ],
  cpuid: [
    { text: "while parsing CPUID line: \"%s\":", level: 'warning' },
    { text: "  error #%i: %s", level: 'warning' },
    { text: "while parsing CPUID string: \"%s\":", level: 'warning' },
    { text: "  error: first word must be \"host\"", level: 'warning' },
    { text: "while parsing CPUID flag: \"%s\":", level: 'warning' },
  ],
  smbios: [
    { text: "xl: Unable to get element #%d in smbios list", level: 'error', exit: 1 },
    { text: "xl: failed to split \"%s\" at '='", level: 'error', exit: 1 },
    { text: "xl: empty value not allowed for smbios \"%s=\"", level: 'error', exit: 1 },
    { text: "xl: unknown smbios type '%s'", level: 'error', exit: 1 },
    { text: "xl: smbios limited to 99 oem strings", level: 'error', exit: 1 },
    { text: "xl: Unable to parse smbios options.", level: 'error', exit: 1 },
  ],
  ms_vm_genid: [
    { text: "ERROR: \"ms_vm_genid\" option must be \"generate\" or \"none\"", level: 'error', exit: 1 },
    { text: "ERROR: failed to generate a VM Generation ID", level: 'error', exit: 1 },
  ],
  tsc_mode: [
    { text: "WARNING: specifying \"tsc_mode\" as an integer is deprecated. Please use the named parameter variant. %s%s%s", level: 'warning' },
    { text: "ERROR: invalid value %ld for \"tsc_mode\"", level: 'error', exit: 1 },
    { text: "ERROR: invalid value \"%s\" for \"tsc_mode\"", level: 'error', exit: 1 },
    { text: "got a tsc mode string: \"%s\"", level: 'warning' },
  ],
  timer_mode: [
    { text: "ERROR: \"timer_mode\" option is not supported for PV guests.", level: 'error', exit: 3 },
    { text: "WARNING: specifying \"timer_mode\" as an integer is deprecated. Please use the named parameter variant. %s%s%s", level: 'warning' },
    { text: "ERROR: invalid value %ld for \"timer_mode\"", level: 'error', exit: 1 },
    { text: "ERROR: invalid value \"%s\" for \"timer_mode\"", level: 'error', exit: 1 },
  ],
  mmio_hole: [
    { text: "ERROR: invalid value %ld for \"mmio_hole\"", level: 'error', exit: 1 },
  ],
  viridian: [
    { text: "xl: unknown viridian enlightenment '%s'", level: 'error', exit: 3 },
    { text: "xl: Unable to parse viridian enlightenments.", level: 'error', exit: 3 },
  ],
  vga: [
    { text: "Unknown vga \"%s\" specified", level: 'error', exit: 1 },
  ],
  vnclisten: [
    { text: "ERROR: Display specified both in vnclisten and vncdisplay!", level: 'error', exit: 1 },
  ],
  serial: [
    { text: "xl: Unable to parse serial.", level: 'error', exit: 3 },
  ],
  usbdevice: [
    { text: "xl: Unable to parse usbdevice.", level: 'error', exit: 3 },
  ],
  vendor_device: [
    { text: "xl: unknown vendor_device '%s'", level: 'error', exit: 3 },
  ],
  device_model_version: [
    { text: "Unknown device_model_version \"%s\" specified", level: 'error', exit: 1 },
  ],
  device_model_override: [
    { text: "WARNING: device model override given without specific DM version", level: 'warning' },
  ],
  device_model: [
    { text: "WARNING: ignoring device_model directive.\\nWARNING: Use \"device_model_override\" instead if you really want a non-default device_model", level: 'warning' },
    { text: "WARNING: Or use \"device_model_stubdomain_override\" if you  want to enable stubdomains", level: 'warning' },
    { text: "WARNING: ignoring \"device_model_stubdomain_override\" directive for pv guest", level: 'warning' },
  ],
  device_model_args: [
    { text: "SRC:LINE: warning: parameter `device_model_args' is a single value but should be a list", level: 'warning' },
    { text: "xl: Unable to parse device_model_args.", level: 'error', exit: 3 },
  ],
  device_model_args_pv: [
    { text: "SRC:LINE: warning: parameter `device_model_args_pv' is a single value but should be a list", level: 'warning' },
    { text: "xl: Unable to parse device_model_args_pv.", level: 'error', exit: 3 },
  ],
  device_model_args_hvm: [
    { text: "SRC:LINE: warning: parameter `device_model_args_hvm' is a single value but should be a list", level: 'warning' },
    { text: "xl: Unable to parse device_model_args_hvm.", level: 'error', exit: 3 },
  ],
  gic_version: [
    { text: "Unknown gic_version \"%s\" specified", level: 'error', exit: 3 },
  ],
  vuart: [
    { text: "ERROR: invalid value \"%s\" for \"vuart\"", level: 'error', exit: 1 },
  ],
  sve: [
    { text: "Unknown sve \"%s\" specified", level: 'error', exit: 1 },
  ],
  llc_colors: [
    { text: "xl: Can't get element %d in LLC color list", level: 'error', exit: 1 },
    { text: "xl: Invalid LLC color range: %s", level: 'error', exit: 1 },
    { text: "xl: Start LLC color is greater than end: %s", level: 'error', exit: 1 },
  ],
  arm_sci: [
    { text: "Unknown ARM_SCI type: %s", level: 'error', exit: 1 },
  ],
  mca_caps: [
    { text: "ERROR: unrecognized MCA capability '%s'.", level: 'error', exit: 3 },
    { text: "ERROR: unable to parse mca_caps.", level: 'error', exit: 3 },
  ],
  msr_relaxed: [
    { text: "WARNING: msr_relaxed will be removed in future versions.\\nIf it fixes an issue you are having please report to xen-devel@lists.xenproject.org.", level: 'warning' },
  ],
  vif2: [
    { text: "WARNING: vif2: netchannel2 is deprecated and not supported by xl", level: 'warning' },
  ],
  vncviewer: [
    { text: "WARNING: ignoring \"vncviewer\" option. Use \"-V\" option of \"xl create\" to automatically spawn vncviewer.", level: 'warning' },
  ],
};
