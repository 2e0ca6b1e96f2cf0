// Mirrors the refusals libxl makes later, while building the domain (after its defaults), that a
// config alone decides (Xen 4.17): libxl__arch_domain_create's TSC mode check and
// hvm_set_viridian_features (tools/libs/light/libxl_x86.c). The oracle does not build domains, so
// these come from reading the source, not from a golden. applyLibxlDefaults hands them on as
// DefaultsResult.buildRefusals; checks/domain-build.ts says them as libxl-build-refuses errors.
import type { DefaultsContext } from './context';
import { versionNumber } from '../options';
import { defboolVal, domainView, isObject, str, type HvmInfo } from '../model/domain-view';
import type { LibxlMessage } from './messages';

/** libxl_viridian_enlightenment, by bit number. */
const VIRIDIAN_GROUPS = [
  'base', 'freq', 'time_ref_count', 'reference_tsc', 'hcall_remote_tlb_flush', 'apic_assist',
  'crash_ctl', 'synic', 'stimer', 'hcall_ipi', 'ex_processor_masks', 'no_vp_limit', 'cpu_hotplug',
] as const;
/** What viridian=1 turns on (the "defaults" set). */
const VIRIDIAN_DEFAULT_SET = ['base', 'freq', 'time_ref_count', 'apic_assist', 'crash_ctl', 'no_vp_limit', 'cpu_hotplug'];

/**
 * Refusals of the domain build for a resolved config (from applyLibxlDefaults), in the order libxl
 * reaches them: the viridian groups (HVM) are set before the TSC mode is looked at, and the first
 * refusal stops the build.
 */
export function domainBuildRefusals(resolved: Record<string, unknown>, ctx: Pick<DefaultsContext, 'options'>): LibxlMessage[] {
  const { type, bInfo, hvm } = domainView(resolved);
  if (type === 'hvm' && isObject(bInfo['type.hvm'])) {
    const m = viridianRefusal(hvm);
    if (m) return [m];
  }
  if (str(bInfo, 'tsc_mode') === 'native_paravirt' && versionNumber(ctx.options.xenVersion) >= versionNumber('4.12')) {
    return [{ reason: 'tsc-native-paravirt-removed', level: 'error', function: 'libxl__arch_domain_create', text: 'TSC Mode native_paravirt (a.k.a PVRDTSCP) has been removed', keys: ['tsc_mode'] }];
  }
  return [];
}

function bits(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((b): b is number => Number.isInteger(b) && b >= 0) : [];
}

function viridianRefusal(hvm: HvmInfo): LibxlMessage | undefined {
  const fn = 'hvm_set_viridian_features';
  const enabled = new Set<number>(defboolVal(hvm, 'viridian') ? VIRIDIAN_DEFAULT_SET.map((g) => VIRIDIAN_GROUPS.indexOf(g as never)) : []);
  const disable = new Set(bits(hvm.viridian_disable));
  for (const b of bits(hvm.viridian_enable)) {
    const name = VIRIDIAN_GROUPS[b];
    if (disable.has(b)) {
      return { reason: 'viridian-group-conflict', level: 'error', function: fn, text: `${name ?? '(null)'} group both enabled and disabled`, keys: ['viridian'] };
    }
    if (name) enabled.add(b);
  }
  for (const b of disable) if (VIRIDIAN_GROUPS[b]) enabled.delete(b);
  if (enabled.size > 0 && !enabled.has(0)) {
    return { reason: 'viridian-base-missing', level: 'error', function: fn, text: 'base group not enabled', keys: ['viridian'] };
  }
  return undefined;
}
