// xlcfg's own descriptions of the Arm-only platform keys.
import type { KeyText } from '../types';

export const ARM_TEXTS: Record<string, KeyText> = {
  gic_version: {
    summary: 'Version of the interrupt controller emulated for the Arm guest: `v2` or `v3`.',
    doc: '`default` copies the host\'s GIC. A GICv3 host can only offer v2 to guests when the hardware ' +
      'supports it, so an explicit choice may fail on some boards.',
    example: 'gic_version = "v3"',
  },
  vuart: {
    summary: 'Emulated UART for the Arm guest\'s early console (`sbsa_uart`).',
    doc: 'Gives the guest an SBSA-compatible UART for early boot messages, reached with ' +
      '`xl console -t vuart`. It occupies IRQ 32, so that IRQ cannot be passed through with `irqs`.',
    example: 'vuart = "sbsa_uart"',
  },
  sve: {
    summary: 'Arm SVE vector length in bits (`"128"` to `"2048"`), `"hw"` or `"disabled"`.',
    doc: 'Write the length as a quoted multiple of 128, or `"hw"` for the most the host supports. ' +
      'libxl refuses lengths above the platform\'s limit and refuses SVE on hosts without it. Arm64 ' +
      'only, new in 4.18.',
    example: 'sve = "256"',
  },
  llc_colors: {
    summary: 'Last-level cache colours reserved for the guest, as `"N"` or `"N-M"` ranges.',
    doc: 'Cache colouring gives guests disjoint parts of the shared cache, for more predictable ' +
      'timing on real-time systems. Xen must be booted with colouring enabled. New in 4.20.',
    example: 'llc_colors = [ "0-3" ]',
  },
  nr_spis: {
    summary: 'Number of shared peripheral interrupts (SPIs) of the guest\'s virtual GIC.',
    doc: 'The toolstack normally works this out from the passed-through interrupts. Raise it when a ' +
      'device needs SPIs the automatic count misses; the maximum is 960. New in 4.19.',
    example: 'nr_spis = 64',
  },
  trap_unmapped_accesses: {
    summary: 'Fault on guest accesses to unmapped addresses instead of ignoring them.',
    doc: 'With the Arm default `1` the guest gets a fault. With `0` reads return all ones and writes ' +
      'are dropped, which some guests expect when probing for devices. New in 4.21.',
    example: 'trap_unmapped_accesses = 0',
  },
  arm_sci: {
    summary: 'Arm SCMI mediation for the guest: `"type=scmi_smc"` or `"type=none"`.',
    doc: 'With `scmi_smc` Xen lets the guest reach the SCMI firmware (clocks, power, resets) through ' +
      'SMC calls under Xen\'s control. Items other than `type=` are ignored. New in 4.21.',
    example: 'arm_sci = "type=scmi_smc"',
  },
};
