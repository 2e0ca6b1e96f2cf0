// Mirrors tools/xl/xl_vmcontrol.c create_domain + xl_vcpu.c apply_global_affinity_masks (Xen 4.17):
// right after parsing, xl ANDs every hard-affinity map with xl.conf's global masks (all CPUs when
// xl.conf sets none) and exits when a map ends up empty.
import type { ParseState } from './parse-state';

export function applyGlobalAffinityMasks(st: ParseState): void {
  const maps = st.b.vcpu_hard_affinity as number[][] | undefined;
  if (!maps) return;
  if (maps.some((m) => m.length === 0)) {
    st.fail('cpus', 'vcpu hard affinity map is empty', 1, 'xl-empty-affinity');
  }
}
