// Mirrors tools/xl/xl_vmcontrol.c create_domain + xl_vcpu.c apply_global_affinity_masks (Xen 4.17):
// right after parsing, xl ANDs every hard-affinity map with xl.conf's global masks (vm.cpumask and
// vm.hvm.cpumask or vm.pv.cpumask; all CPUs when xl.conf sets none) and exits when a map ends up
// empty. A guest without `cpus` gets one map per vcpu, all CPUs, when a mask is not full.
import type { ParseState } from './parse-state';
import { Bitmap, parseCpuRange } from './cpumap';
import { topologyOf } from './xl-parse-memory-cpus';

export function applyGlobalAffinityMasks(st: ParseState): void {
  const masks = st.globals.cpumask;
  const mask = (text: string | undefined): Bitmap => {
    const m = new Bitmap(st.host.nrCpus);
    if (text === undefined) m.setAny();
    else parseCpuRange(text, m, topologyOf(st)); // xl goes on with what it parsed
    return m;
  };
  const vm = mask(masks?.vm);
  const typed = mask(st.type === 'pv' ? masks?.pv : masks?.hvm);
  const full = (m: Bitmap) => m.toJson().length === m.capacity;
  let maps = st.b.vcpu_hard_affinity as number[][] | undefined;
  if (!maps && (!full(vm) || !full(typed))) {
    const all = new Bitmap(st.host.nrCpus);
    all.setAny();
    maps = Array.from({ length: st.maxVcpus }, () => all.toJson());
    if (maps.length) st.b.vcpu_hard_affinity = maps;
  }
  if (!maps?.length) return;
  if (masks) {
    const allowed = new Set(vm.toJson().filter((c) => typed.toJson().includes(c)));
    maps = maps.map((m) => m.filter((c) => allowed.has(c)));
    st.b.vcpu_hard_affinity = maps;
  }
  if (maps.some((m) => m.length === 0)) {
    st.fail('cpus', 'vcpu hard affinity map is empty', 1, 'xl-empty-affinity');
  }
}
