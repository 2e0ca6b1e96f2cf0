// xlcfg's own one-line explanations of enumerated values, for hover on a value and completion.

const LIFECYCLE: Record<string, string> = {
  destroy: 'Tear the domain down and free its resources.',
  restart: 'Destroy the domain and build it again from the same config.',
  'rename-restart': 'Keep the old domain under a new name and start a fresh copy.',
  preserve: 'Leave the domain as it is, for inspection with xl; destroy it by hand later.',
  'coredump-destroy': 'Write a memory dump to Xen\'s dump directory, then destroy the domain.',
  'coredump-restart': 'Write a memory dump to Xen\'s dump directory, then restart the domain.',
  'soft-reset': 'Reset the domain in place, keeping its memory (for Xen-aware HVM guests, e.g. kexec).',
};

export const VALUE_TEXTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  type: {
    hvm: 'Fully virtualised PC with firmware and a QEMU device model; runs unmodified operating systems.',
    pv: 'Paravirtualised guest: a Xen-aware kernel, no emulation and no QEMU unless a device needs it.',
    pvh: 'PV-style guest in a hardware-virtualised container, without QEMU; needs a PVH-capable kernel.',
  },
  builder: {
    hvm: 'Old spelling of `type = "hvm"`.',
    generic: 'Old spelling of `type = "pv"`.',
  },
  on_poweroff: LIFECYCLE,
  on_reboot: LIFECYCLE,
  on_watchdog: LIFECYCLE,
  on_crash: LIFECYCLE,
  on_soft_reset: LIFECYCLE,
  device_model_version: {
    'qemu-xen': 'Upstream QEMU with Xen support: the supported device model and the default.',
    'qemu-xen-traditional': 'Xen\'s old QEMU fork: no security support in dom0 since 4.15, not built by default since 4.16, removed in 4.21; refuses dm_restrict.',
  },
  firmware: {
    bios: 'The BIOS that suits the device model (SeaBIOS with qemu-xen).',
    uefi: 'UEFI firmware (OVMF).',
    seabios: 'SeaBIOS, the BIOS used with qemu-xen.',
    rombios: 'The old ROMBIOS, only usable with qemu-xen-traditional.',
    ovmf: 'OVMF, the UEFI firmware.',
    pvgrub32: 'GRUB built for 32-bit PV/PVH guests; reads the guest\'s own boot menu.',
    pvgrub64: 'GRUB built for 64-bit PV/PVH guests; reads the guest\'s own boot menu.',
  },
  bios: {
    seabios: 'SeaBIOS: the default with qemu-xen.',
    ovmf: 'OVMF: UEFI firmware, for guests that need UEFI boot.',
    rombios: 'ROMBIOS: only works with qemu-xen-traditional; libxl refuses it with qemu-xen.',
  },
  vga: {
    stdvga: 'Standard VGA with VBE extensions: high resolutions, good for modern guests (16 MiB videoram minimum with qemu-xen).',
    cirrus: 'Cirrus Logic card: the default, widely supported by old guests (8 MiB videoram minimum with qemu-xen).',
    qxl: 'QXL paravirtual card for SPICE; needs qemu-xen and 128 MiB of videoram.',
    none: 'No emulated graphics card.',
  },
  hdtype: {
    ide: 'Emulated IDE controller: works everywhere, at most four emulated disks.',
    ahci: 'Emulated AHCI (SATA) controller: faster, needs an AHCI driver in the guest.',
  },
  tsc_mode: {
    default: 'Native while the TSC stays monotonic (also after migration with TSC scaling), emulated otherwise.',
    always_emulate: 'Always emulate the TSC at a fixed 1 GHz: stable everywhere, with a cost per read.',
    native: 'Run TSC reads natively with no guarantees; time may misbehave after migration.',
    native_paravirt: 'Removed in Xen 4.12 (libxl refuses it there).',
    '0': 'Old numeric form of `default`.',
    '1': 'Old numeric form of `always_emulate`.',
    '2': 'Old numeric form of `native`.',
    '3': 'Old numeric form of `native_paravirt` (removed in 4.12).',
  },
  timer_mode: {
    delay_for_missed_ticks: 'Deliver every missed tick late and let guest time step through them, so it lags behind.',
    no_delay_for_missed_ticks: 'Deliver missed ticks while guest time keeps following real time (the default).',
    no_missed_ticks_pending: 'Drop missed ticks; for guests that keep time by other means.',
    one_missed_tick_pending: 'Fold missed ticks into one late tick; guest time follows real time.',
  },
  altp2m: {
    disabled: 'No alternate memory views.',
    mixed: 'Views may be driven both by the guest and by an external tool.',
    external: 'Views may only be driven from another domain (an introspection tool).',
    limited: 'Like external, but the guest itself may turn VMFUNC and #VE on or off.',
    '0': 'Numeric form of `disabled`.',
    '1': 'Numeric form of `mixed`.',
    '2': 'Numeric form of `external`.',
    '3': 'Numeric form of `limited`.',
  },
  passthrough: {
    default: 'Let libxl decide: enabled when devices are listed, otherwise disabled.',
    disabled: 'No IOMMU set-up; devices cannot be passed through, not even later.',
    enabled: 'Prepare for passthrough so devices can be added later; libxl picks the mode.',
    sync_pt: 'Separate IOMMU page tables kept in step with the guest\'s (not on Arm).',
    share_pt: 'The IOMMU uses the guest\'s own page tables (not for PV).',
  },
  tee: {
    none: 'No TEE access.',
    optee: 'Mediate access to OP-TEE in the secure world (tech preview).',
    ffa: 'Use Arm FF-A to reach secure partitions (Xen 4.18+, tech preview).',
  },
  ms_vm_genid: {
    generate: 'Create a fresh VM Generation ID at every start.',
    none: 'No VM Generation ID.',
  },
  vendor_device: {
    none: 'No vendor device.',
    xenserver: 'Add the device XenServer\'s Windows PV drivers look for.',
  },
  gfx_passthru: {
    '0': 'No graphics passthrough.',
    '1': 'Pass the graphics card through as primary display, kind detected by libxl.',
    default: 'Graphics passthrough with the kind detected by libxl.',
    igd: 'Pass through an Intel integrated GPU.',
  },
  gic_version: {
    default: 'Same GIC version as the host.',
    v2: 'Emulate a GICv2.',
    v3: 'Emulate a GICv3.',
  },
  soundhw: {
    hda: 'Intel HD Audio: the best choice for current guests.',
    ac97: 'Intel AC\'97: older but widely supported.',
    es1370: 'Ensoniq AudioPCI ES1370.',
    sb16: 'Creative Sound Blaster 16 (ISA).',
    adlib: 'AdLib (ISA, music only).',
    cs4231a: 'Crystal CS4231A (ISA).',
    gus: 'Gravis Ultrasound (ISA).',
  },
  viridian: {
    base: 'Hypercall, vCPU index and APIC MSRs; every other group depends on it.',
    freq: 'Report TSC and APIC frequencies through Hyper-V registers.',
    time_ref_count: 'Partition reference counter, a stable clock source.',
    reference_tsc: 'Reference TSC page for fast time reads (keep tsc_mode stable).',
    hcall_remote_tlb_flush: 'Hypercall for remote TLB flushes.',
    apic_assist: 'APIC assist page that saves local APIC EOIs (no effect with posted interrupts).',
    crash_ctl: 'Crash control registers so Windows crash details reach the log.',
    synic: 'Synthetic interrupt controller (4.13+).',
    stimer: 'Synthetic timers, which Windows then prefers over the emulated HPET (4.13+).',
    hcall_ipi: 'Hypercall for sending IPIs (4.13+).',
    ex_processor_masks: 'Sparse vCPU sets in hypercalls; needed above 64 vCPUs with the TLB-flush or IPI hypercalls (4.15+).',
    no_vp_limit: 'Tell the guest there is no fixed vCPU limit; keep it for guests above 64 vCPUs (4.15+).',
    cpu_hotplug: 'Lets Windows change vCPU states at run time, i.e. vCPU hotplug (4.15+).',
    defaults: 'The default set (what `viridian = 1` enables).',
    all: 'Every group this Xen knows.',
  },
  mca_caps: {
    lmce: 'Local machine-check exceptions.',
  },
  vuart: {
    sbsa_uart: 'SBSA-compatible UART.',
  },
  sve: {
    disabled: 'No SVE for the guest.',
    hw: 'The largest vector length the host supports.',
  },
  max_grant_version: {
    '1': 'Only the original grant-table interface.',
    '2': 'Allow the larger version 2 interface as well.',
  },
  usbversion: {
    '1': 'USB 1.1 controller (UHCI).',
    '2': 'USB 2.0 controller (EHCI).',
    '3': 'USB 3.0 controller (xHCI).',
  },
};

/** Our explanation of a value of a key, if we have one. */
export function valueText(key: string, value: string): string | undefined {
  const table = VALUE_TEXTS[key];
  if (!table) return undefined;
  return table[value] ?? table[value.toLowerCase()];
}
