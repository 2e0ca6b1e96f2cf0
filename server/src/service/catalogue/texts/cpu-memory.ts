// xlcfg's own descriptions of the vCPU, scheduling, memory and CPU-feature keys.
import type { KeyText } from '../types';

export const CPU_MEMORY_TEXTS: Record<string, KeyText> = {
  vcpus: {
    summary: 'How many virtual CPUs are online when the guest starts.',
    doc: 'The guest can bring more online later, up to `maxvcpus`. More vCPUs than the host has ' +
      'physical CPUs (in the guest\'s pool) works but usually hurts performance. A `vcpus` above ' +
      '`maxvcpus` is refused by xl.',
    example: 'vcpus = 2',
  },
  maxvcpus: {
    summary: 'Largest number of vCPUs the guest may ever use; extra ones start offline.',
    doc: 'Set it above `vcpus` to allow hot-adding CPUs at run time with `xl vcpu-set`. It must not ' +
      'be smaller than `vcpus`. Each possible vCPU costs a little memory in Xen even while offline.',
    example: 'maxvcpus = 8',
    defaultText: 'the value of `vcpus`',
  },
  cpus: {
    summary: 'Hard affinity: which physical CPUs the vCPUs may run on.',
    doc: 'A single string applies to every vCPU, for example `"2-5"`, `"0,2,4"`, `"node:1"` or ' +
      '`"all,^0"` (exclusions with `^`). A list gives one such string per vCPU, in order, and also ' +
      'turns off automatic NUMA placement. CPUs beyond what the host has are refused. Pinning too ' +
      'tightly can starve the guest when those CPUs are busy.',
    example: 'cpus = "2-5"',
    defaultText: 'no pinning (any CPU of the pool)',
  },
  cpus_soft: {
    summary: 'Soft affinity: physical CPUs the scheduler should prefer.',
    doc: 'Uses the same syntax as `cpus`, but the scheduler may still run vCPUs elsewhere when the ' +
      'preferred CPUs are busy. When neither `cpus` nor `cpus_soft` is set, libxl picks a NUMA node ' +
      'for the guest automatically. Only the credit schedulers honour soft affinity.',
    example: 'cpus_soft = "node:0"',
    defaultText: 'none; libxl chooses a NUMA placement when neither `cpus` nor `cpus_soft` is given',
  },
  cpu_weight: {
    summary: 'Share of CPU time relative to other guests (credit schedulers).',
    doc: 'A guest with weight 512 gets twice the CPU of one with 256 when both are busy. The range ' +
      'is 1 to 65535. It only matters under contention; an idle host gives every guest what it asks.',
    example: 'cpu_weight = 512',
  },
  cap: {
    summary: 'Ceiling on CPU use, where 100 equals one full physical CPU.',
    doc: '`100` limits the whole guest to one CPU\'s worth of time, `250` to two and a half; `0` ' +
      'means no ceiling. Unlike `cpu_weight` the cap applies even when the host is idle. Enforced by ' +
      'both credit schedulers.',
    example: 'cap = 200',
  },
  period: {
    summary: 'Scheduling period for the RTDS real-time scheduler.',
    doc: 'Together with the budget it decides how often and how long a vCPU is guaranteed to run. ' +
      'xl still reads it but current xl.cfg(5) no longer describes it; `xl sched-rtds` is the ' +
      'documented way to tune RTDS guests.',
    example: 'period = 10000',
  },
  slice: {
    summary: 'Parameter of the SEDF scheduler, which no longer exists; no effect.',
    doc: 'SEDF was removed from Xen in 4.6. xl still parses the key but nothing uses the value. ' +
      'Delete it from old configs.',
    example: '# slice = 10   (remove: no effect)',
  },
  latency: {
    summary: 'Parameter of the SEDF scheduler, which no longer exists; no effect.',
    doc: 'SEDF was removed from Xen in 4.6. xl still parses the key but nothing uses the value. ' +
      'Delete it from old configs.',
    example: '# latency = 1   (remove: no effect)',
  },
  extratime: {
    summary: 'Lets an RTDS vCPU use spare CPU time beyond its budget.',
    doc: 'With `1` a real-time vCPU may keep running once its guaranteed budget is used up, if the ' +
      'CPU would otherwise idle. xl still reads it although current manuals no longer describe it; ' +
      '`xl sched-rtds` is the documented control.',
    example: 'extratime = 1',
  },
  memory: {
    summary: 'RAM the guest starts with, in MiB.',
    doc: 'Plain numbers are mebibytes: `memory = 2048` is 2 GiB. Suffixes are not understood: a bare ' +
      '`2G` is a syntax error, and `"2G"` makes xl warn and ignore the value. If `maxmem` is larger the guest starts ballooned ' +
      'down to this amount. The toolstack takes a little extra for video RAM and page tables, so the ' +
      'host needs slightly more free memory than this.',
    example: 'memory = 2048',
    defaultText: 'the value of `maxmem`; 32 MiB when neither is given',
  },
  maxmem: {
    summary: 'Most RAM the guest may balloon up to, in MiB.',
    doc: 'When larger than `memory`, the guest boots with `memory` and can grow up to `maxmem`. HVM ' +
      'guests then start in populate-on-demand mode and must load a balloon driver early, or they ' +
      'can crash when they touch memory that was never given to them. PoD does not combine with PCI ' +
      'passthrough. A `maxmem` below `memory` makes no sense.',
    example: 'maxmem = 4096',
    defaultText: 'the value of `memory`',
  },
  vnuma: {
    summary: 'Virtual NUMA topology shown to the guest.',
    doc: 'A list with one inner list per virtual node; each node gives `pnode=` (host node), ' +
      '`size=` (MiB), `vcpus=` (a CPU list) and `vdistances=` (distances to every node). All four ' +
      'should be given. Not available for PV guests, and save, restore and migration do not work ' +
      'for a guest that has it.',
    example: 'vnuma = [ ["pnode=0","size=2048","vcpus=0-1","vdistances=10,20"], ["pnode=1","size=2048","vcpus=2-3","vdistances=20,10"] ]',
  },
  shadow_memory: {
    summary: 'Memory in MiB set aside for the guest\'s paging structures.',
    doc: 'Xen needs this pool for shadow page tables, or for HAP/EPT tables, and on Arm for the P2M. ' +
      'libxl sizes it from the vCPU count and RAM, which is right for nearly every guest; raise it ' +
      'only when Xen logs that the pool ran out.',
    example: 'shadow_memory = 16',
    defaultText: 'computed by libxl: about 1 MiB per vCPU plus 8 KiB per MiB of RAM',
  },
  hap: {
    summary: 'Use hardware-assisted paging (Intel EPT / AMD NPT) for the guest.',
    doc: '`1` lets the CPU translate guest memory in hardware, which is faster for almost every ' +
      'workload; `0` falls back to shadow page tables kept by Xen. It is on whenever the hardware ' +
      'supports it.',
    example: 'hap = 1',
    defaultText: '1 when the CPU supports it',
  },
  oos: {
    summary: 'Let shadow page tables lag behind the guest\'s own (an optimisation of shadow paging).',
    doc: 'An optimisation that lets some guest page tables be written without trapping each write. ' +
      'It has no effect with `hap = 1`. Only turn it off when debugging shadow-paging problems.',
    example: 'oos = 0',
  },
  nestedhvm: {
    summary: 'Let the guest run its own hypervisor (nested virtualisation).',
    doc: 'Exposes VMX or SVM to the guest so it can host VMs itself, for example for testing or ' +
      'Windows features built on virtualisation. Nested guests run noticeably slower, and it is ' +
      'incompatible with `altp2m`.',
    example: 'nestedhvm = 1',
  },
  altp2m: {
    summary: 'Alternate physical-memory views for introspection (`disabled`, `mixed`, `external`, `limited`).',
    doc: 'altp2m lets a guest or an outside tool keep several views of the guest\'s memory with ' +
      'different permissions. `external` lets only a tool in another domain drive it, `mixed` also ' +
      'the guest itself, and `limited` lets the guest only switch VMFUNC and #VE on or off. Needs ' +
      'hardware support (EPT), and libxl refuses it together with `nestedhvm` or with a guest that ' +
      'boots ballooned down (`maxmem` above `memory`). The numbers 0 to 3 name the same modes.',
    example: 'altp2m = "external"',
  },
  altp2mhvm: {
    summary: 'Old on/off switch for altp2m on HVM guests.',
    doc: 'Replaced by `altp2m`, which also chooses who may use it; xl prints a deprecation warning ' +
      'when it sees this key. `altp2mhvm = 1` behaves like `altp2m = "mixed"`, unless `altp2m` ' +
      'itself selects a mode, which then wins.',
    example: 'altp2m = "mixed"   # replaces altp2mhvm = 1',
  },
  altp2m_count: {
    summary: 'How many alternate memory views the guest may have.',
    doc: 'Only used when `altp2m` is enabled; then it defaults to 10. Each view costs memory in Xen. ' +
      'Read by xl from Xen 4.21.',
    example: 'altp2m_count = 20',
    defaultText: '10 when altp2m is enabled, otherwise 0',
  },
  cpuid: {
    summary: 'Adjust the CPUID features the guest sees.',
    doc: 'The libxl form is one string: start from `host` and switch features, e.g. ' +
      '`"host,tm=0,sse3=0"`. The older xend form is a list of `"LEAF:REG=BITS"` strings with 32 ' +
      'characters each (`1`, `0`, `x`, `k`, `s`). Hiding features helps migration between different ' +
      'CPUs. Mistakes are printed but do not stop the guest from starting, so check xl\'s output.',
    example: 'cpuid = "host,avx512f=0"',
  },
  tsc_mode: {
    summary: 'How the guest reads the timestamp counter: `default`, `always_emulate` or `native`.',
    doc: '`default` reads the TSC natively as long as it stays monotonic and emulates it otherwise, ' +
      'which also covers migration between hosts. `always_emulate` shows a steady 1 GHz counter at a ' +
      'cost on every read; `native` never intervenes and gives no guarantees. `native_paravirt` was dropped in Xen 4.12 and libxl ' +
      'refuses it there. The old numeric forms 0-3 still work.',
    example: 'tsc_mode = "default"',
  },
  localtime: {
    summary: 'Start the guest\'s clock in local time instead of UTC (`1`).',
    doc: 'Windows expects the hardware clock in local time, most other systems in UTC. Combine ' +
      'with `rtc_timeoffset` for other offsets. libxl adds dom0\'s time zone offset to the guest\'s ' +
      'clock offset when the guest is built.',
    example: 'localtime = 1',
  },
  rtc_timeoffset: {
    summary: 'Shift of the guest\'s wall clock relative to dom0, in seconds.',
    doc: 'Shifts the guest\'s wall clock relative to dom0; negative values go back in time and must ' +
      'be quoted. It adds to the shift from `localtime`.',
    example: 'rtc_timeoffset = 3600',
  },
  timer_mode: {
    summary: 'What virtual timers do about ticks the guest missed.',
    doc: 'Ticks get missed while a vCPU is not running. `no_delay_for_missed_ticks` (the default) ' +
      'still delivers them but keeps guest time on real time; `delay_for_missed_ticks` lets guest ' +
      'time lag while it catches up tick by tick; `no_missed_ticks_pending` keeps none pending; ' +
      '`one_missed_tick_pending` folds them into one late tick. Numbers 0-3 are the old form.',
    example: 'timer_mode = "no_delay_for_missed_ticks"',
  },
  msr_relaxed: {
    summary: 'Go back to lenient handling of MSRs Xen does not know (`1`).',
    doc: 'Since Xen 4.15, reading an unknown MSR raises a fault in the guest. Some older guests ' +
      'crash on that; this switch restores the old behaviour as a stopgap. xl prints a warning ' +
      'whenever the key is present, even with `0`.',
    example: 'msr_relaxed = 1',
  },
  mca_caps: {
    summary: 'Extra machine-check features for the guest (only `lmce`).',
    doc: '`"lmce"` gives the guest local machine-check exceptions, which some guests use to handle ' +
      'memory errors on one CPU only. Needs hardware support.',
    example: 'mca_caps = [ "lmce" ]',
  },
  vpmu: {
    summary: 'Expose the hardware performance counters to the guest (experimental, Arm).',
    doc: 'Lets the guest use `perf` and similar tools against real counters. libxl refuses the guest ' +
      'when the host cannot offer a virtual PMU. Counters may leak information between guests, so ' +
      'keep it for trusted guests.',
    example: 'vpmu = 1',
  },
};
