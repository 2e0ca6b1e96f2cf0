// xlcfg's own descriptions of the keys that identify the domain and decide its life cycle.
import type { KeyText } from '../types';

const lifecycleDoc = (event: string, usual: string): string =>
  `Chooses what xl does ${event}. \`destroy\` tears the domain down, \`restart\` builds it again ` +
  `from the same config, \`rename-restart\` keeps the old domain under a new name and starts a fresh ` +
  `one, \`preserve\` leaves it in place for inspection, and the \`coredump-\` variants save a memory ` +
  `dump first. \`soft-reset\` is only meaningful for HVM guests that know they run on Xen. ${usual}`;

export const DOMAIN_TEXTS: Record<string, KeyText> = {
  name: {
    summary: 'The domain\'s name, which must not clash with any other domain on the host.',
    doc: 'Every config needs a name; xl refuses to start a guest without one. It is what `xl list`, ' +
      '`xl console NAME` and the other management commands use, and it becomes part of log and dump ' +
      'file names. Keep it to plain letters, digits, dots, dashes and underscores. Writing it as a ' +
      'list instead of a string counts as missing.',
    example: 'name = "web01"',
  },
  type: {
    summary: 'Guest type: paravirtualised (`pv`), PVH (`pvh`) or fully virtualised (`hvm`).',
    doc: 'This decides almost everything else: which keys apply, whether a device model (QEMU) runs, ' +
      'and how the guest boots. HVM emulates a PC with firmware and needs hardware virtualisation; ' +
      'PV guests run a Xen-aware kernel with no emulation; PVH is a PV-style guest inside a HVM ' +
      'container, without QEMU. xl matches any leading part of the word, so `"h"` or even `""` ' +
      'select hvm. Without the key xl builds a PV guest on x86 (PVH on Arm, where `pv` is turned into PVH).',
    example: 'type = "hvm"',
    defaultText: '`pv` on x86, `pvh` on Arm',
  },
  builder: {
    summary: 'Legacy spelling of the guest type: `generic` for PV, `hvm` for HVM.',
    doc: 'Configs written for xend or early xl choose the guest type with this key. It still works, ' +
      'with the same prefix matching as `type`, but it cannot ask for PVH. If `type` is also given ' +
      'both have to agree. Prefer `type = "pv"` or `type = "hvm"`.',
    example: 'builder = "hvm"   # better: type = "hvm"',
  },
  pool: {
    summary: 'Name of the CPU pool the domain is placed in.',
    doc: 'CPU pools split the host\'s physical CPUs into groups, each with its own scheduler. The ' +
      'pool must already exist (`xl cpupool-list`); otherwise the guest cannot be created. Pinning ' +
      'with `cpus` is interpreted inside the chosen pool.',
    example: 'pool = "guests"',
    defaultText: 'the first pool, `Pool-0`',
  },
  uuid: {
    summary: 'Fixed UUID for the domain instead of a freshly generated one.',
    doc: 'Without it every start gets a new random UUID. Set it when licensing, management tools ' +
      'or firmware (SMBIOS system UUID) should see the same identity each time. Two running domains ' +
      'must not share a UUID.',
    example: 'uuid = "3f2c6b0e-8a51-4d2e-9c7b-1f0a2b3c4d5e"',
    defaultText: 'a random UUID on every start',
  },
  seclabel: {
    summary: 'XSM/FLASK security context of the domain.',
    doc: 'Only meaningful when Xen was built with XSM and booted with a FLASK policy; otherwise libxl ' +
      'warns that XSM is disabled. Combined with `init_seclabel`, this is the label the domain ' +
      'switches to once it has been built. The string has the form `user:role:type`.',
    example: 'seclabel = "system_u:system_r:domU_t"',
  },
  init_seclabel: {
    summary: 'XSM label the domain carries only while it is being built.',
    doc: 'Lets a policy grant extra rights during construction that the running guest should not ' +
      'keep; after building, the domain moves to `seclabel`. Like `seclabel` it needs an XSM-enabled ' +
      'hypervisor, and a label unknown to the policy makes creation fail.',
    example: 'init_seclabel = "system_u:system_r:domU_t_building"',
  },
  max_grant_frames: {
    summary: 'How many grant-table frames the guest may use.',
    doc: 'Grant tables are how a guest shares pages with its backends, so guests with many disks, ' +
      'NICs or queues may run out with the default. The default comes from `xl.conf`, else from the ' +
      'hypervisor\'s `gnttab_max_frames` option. Watch out: a value xl cannot read (not a number, ' +
      'out of range, `+=`) makes xl exit without printing any message.',
    example: 'max_grant_frames = 64',
  },
  max_maptrack_frames: {
    summary: 'How many maptrack frames the domain may use to map other domains\' grants.',
    doc: 'Only domains that map many foreign grants, typically backend or driver domains, need ' +
      'more. The default comes from `xl.conf`, else from the hypervisor\'s `gnttab_max_maptrack_frames`. ' +
      'As with `max_grant_frames`, an unreadable value makes xl stop silently.',
    example: 'max_maptrack_frames = 1024',
  },
  max_grant_version: {
    summary: 'Highest grant-table interface version (1 or 2) the guest may select.',
    doc: 'Restricting guests to version 1 removes the larger v2 interface from their reach, which ' +
      'some hardening guides recommend. The default follows `xl.conf`, else 2 when the hypervisor ' +
      'offers v2, else 1. A version the hypervisor cannot provide makes libxl refuse the guest; an ' +
      'unreadable value makes xl exit silently.',
    example: 'max_grant_version = 1',
  },
  nomigrate: {
    summary: 'Forbid saving and migrating this guest (`1`).',
    doc: 'Set it when the guest depends on things that cannot move, such as passed-through devices. ' +
      'As a side effect Xen may advertise an invariant TSC to the guest when the TSC is not emulated, ' +
      'because the guest will never land on a host with a different clock rate.',
    example: 'nomigrate = 1',
  },
  driver_domain: {
    summary: 'Marks the guest as a driver domain that serves backends to others.',
    doc: 'Setting `1` gives the domain writable xenstore directories of its own for libxl and for a ' +
      'device model, so the toolstack pieces can run inside it. Run `xl devd` there so it reacts to ' +
      'new devices, and the kernel needs the backend drivers. Other guests then name it with ' +
      '`backend=` in their disk or vif specs.',
    example: 'driver_domain = 1',
  },
  passthrough: {
    summary: 'How the IOMMU is set up for devices passed to this guest.',
    doc: '`enabled` prepares the domain for passthrough even when no device is listed yet, so ' +
      'devices can be hot-plugged later; `disabled` turns it off. `sync_pt` keeps separate IOMMU page ' +
      'tables in step with the guest\'s, and `share_pt` lets the IOMMU use the guest\'s page tables ' +
      'directly (not for PV; `sync_pt` not on Arm). With `default` libxl enables it only when `pci` ' +
      'or `dtdev` lists devices.',
    example: 'passthrough = "enabled"',
    defaultText: 'decided by libxl: enabled when `pci` or `dtdev` list devices, otherwise disabled',
  },
  xend_suspend_evtchn_compat: {
    summary: 'Emulate the suspend event channel handling of the old xend toolstack.',
    doc: 'Very old PV drivers expect xend\'s behaviour when the guest is suspended for save or ' +
      'migration. Only enable it when such a guest fails to suspend; modern kernels do not need it.',
    example: 'xend_suspend_evtchn_compat = 1',
  },
  vmtrace_buf_kb: {
    summary: 'Size in KiB of the processor-trace buffer given to each vCPU.',
    doc: 'Allocates a buffer per vCPU so a debugger or introspection tool in dom0 can collect ' +
      'processor trace data (Intel PT). With Intel PT the size must be a power of two from 4 KiB ' +
      'to 16 MiB. `0` turns tracing off; a value xl cannot read is dropped without a word.',
    example: 'vmtrace_buf_kb = 1024',
  },
  xenstore_feature_mask: {
    summary: 'Which optional Xenstore features the guest is shown (bit mask).',
    doc: 'Bits 1, 2, 4 and 8 stand for reconnecting, error reporting, watch depth and the ' +
      'all-domains permission. Clearing a bit hides that feature, which helps when a guest kernel ' +
      'misbehaves with it. Read by xl from Xen 4.21.',
    example: 'xenstore_feature_mask = 0x3',
  },
  xenstore_quota: {
    summary: 'Per-guest Xenstore quota overrides, each written `NAME=VALUE`.',
    doc: 'Raises or lowers limits such as the number of nodes or watches for this guest only. ' +
      '`xl xenstore-quota-get -g` lists the quota names. Values are unsigned 32-bit numbers in ' +
      'decimal, hex or octal. New in Xen 4.22.',
    example: 'xenstore_quota = [ "nodes=4000", "watches=256" ]',
  },
  max_event_channels: {
    summary: 'Upper limit on event channels for this guest.',
    doc: 'Every PV device queue and virtual interrupt uses event channels. Guests with many vCPUs, ' +
      'network queues or passed-through MSI vectors can exceed the default of 1023 and then fail to ' +
      'bring devices up.',
    example: 'max_event_channels = 4095',
  },
  on_poweroff: {
    summary: 'Action taken when the guest shuts itself down.',
    doc: lifecycleDoc('when the guest powers off', 'The usual choice is the default, `destroy`.'),
    example: 'on_poweroff = "destroy"',
  },
  on_reboot: {
    summary: 'Action taken when the guest reboots.',
    doc: lifecycleDoc('when the guest reboots', 'The default, `restart`, makes reboots behave as on real hardware; ' +
      '`destroy` is handy while debugging a boot loop.'),
    example: 'on_reboot = "restart"',
  },
  on_watchdog: {
    summary: 'Action taken when Xen\'s watchdog kills the guest.',
    doc: lifecycleDoc('when the guest\'s Xen watchdog fires', 'Only matters for guests that arm the watchdog; ' +
      '`restart` is common for unattended servers.'),
    example: 'on_watchdog = "restart"',
  },
  on_crash: {
    summary: 'Action taken when the guest crashes.',
    doc: lifecycleDoc('when the guest crashes', '`coredump-restart` or `preserve` help to find out why; the ' +
      'dump lands in Xen\'s dump directory under the guest\'s name.'),
    example: 'on_crash = "coredump-restart"',
  },
  on_soft_reset: {
    summary: 'Action taken when the guest asks for a soft reset (kexec and similar).',
    doc: lifecycleDoc('on a soft reset request', 'The default `soft-reset` keeps the domain ' +
      'and lets it restart in place.'),
    example: 'on_soft_reset = "soft-reset"',
  },
  pvh: {
    summary: 'Old switch for the first PVH implementation; no longer read.',
    doc: 'Xen 4.4 to 4.8 had an experimental PVH mode turned on with `pvh = 1` in a PV config. xl ' +
      'stopped reading it in 4.9, so today it does nothing. Use `type = "pvh"` instead.',
    example: 'type = "pvh"   # replaces pvh = 1',
  },
  nodes: {
    summary: 'Former NUMA placement key that xl now ignores.',
    doc: 'xl ignored this key from 4.9 on. Pin vCPUs with `cpus` (for example `cpus = "node:0"`) or ' +
      'let libxl place the guest automatically.',
    example: 'cpus = "node:0"   # replaces nodes',
  },
  sched: {
    summary: 'Old per-guest scheduler choice; no longer read.',
    doc: 'xl ignored this key from 4.9 on. The scheduler now belongs to the CPU pool: put the guest ' +
      'in a pool that runs the scheduler you want with `pool`.',
    example: 'pool = "rt-pool"   # replaces sched',
  },
};
