// The keys of xl's own configuration file, /etc/xen/xl.conf, as tools/xl/xl.c parse_global_config
// reads them (Xen 4.10 .. 4.22). xl reads that file once, at start, before any command; some keys
// give defaults to the guests `xl create` builds, the others steer xl itself. The descriptions are
// ours.
import { versionNumber, type XenVersion } from '../options';

export type XlConfValue = 'string' | 'number' | 'boolean' | 'cpus';

export interface XlConfKey {
  readonly name: string;
  /** The first release whose xl reads it. */
  readonly since: XenVersion;
  readonly value: XlConfValue;
  /** The values xl accepts, when it accepts only a few. */
  readonly values?: readonly string[];
  /** What xl does without the key. */
  readonly default: string;
  readonly doc: string;
  /** The key xl asks to use instead (it still reads this one, and says so on every run). */
  readonly replacedBy?: string;
  /** What the key gives the guests xl creates (the field of libxl's domain config), when anything. */
  readonly guests?: string;
}

const k = (name: string, since: XenVersion, value: XlConfValue, def: string, doc: string, more: Partial<XlConfKey> = {}): XlConfKey =>
  ({ name, since, value, default: def, doc, ...more });

export const XL_CONF_KEYS: readonly XlConfKey[] = [
  k('autoballoon', '4.10', 'string', '"auto"',
    'Whether xl takes memory away from dom0 to make room for a new guest. `"auto"` does so unless the hypervisor command line fixes dom0\'s memory with `dom0_mem=`.',
    { values: ['on', 'off', 'auto', '1', '0'] }),
  k('run_hotplug_scripts', '4.10', 'number', '1',
    'With 1, libxl runs the vif and block hotplug scripts itself; with 0 it leaves them to udev rules. Every guest created gets it as `run_hotplug_scripts`.',
    { guests: 'c_info.run_hotplug_scripts' }),
  k('lockfile', '4.10', 'string', '"/var/lock/xl"',
    'The file xl locks while it creates a domain, so that two `xl create` do not interleave.'),
  k('vifscript', '4.10', 'string', 'the vif-bridge script',
    'Old name of `vif.default.script`; xl still reads it but prints a deprecation line on every run.',
    { replacedBy: 'vif.default.script', guests: 'nics[].script' }),
  k('vif.default.script', '4.10', 'string', 'libxl\'s default (vif-bridge)',
    'The hotplug script of every vif whose spec names no `script=`.',
    { guests: 'nics[].script' }),
  k('defaultbridge', '4.10', 'string', '"xenbr0"',
    'Old name of `vif.default.bridge`; xl still reads it but prints a deprecation line on every run.',
    { replacedBy: 'vif.default.bridge', guests: 'nics[].bridge' }),
  k('vif.default.bridge', '4.10', 'string', 'libxl\'s default (xenbr0)',
    'The bridge of every vif whose spec names no `bridge=`.',
    { guests: 'nics[].bridge' }),
  k('vif.default.gatewaydev', '4.10', 'string', 'none',
    'The outgoing device of every vif whose spec names no `gatewaydev=` (used by the vif-route and vif-nat scripts).',
    { guests: 'nics[].gatewaydev' }),
  k('vif.default.backend', '4.10', 'string', 'dom0',
    'The backend domain (a domain name) of every vif whose spec names no `backend=`: a network driver domain.',
    { guests: 'nics[].backend_domname' }),
  k('output_format', '4.10', 'string', '"json"',
    'How xl prints a domain\'s configuration (`xl list -l`, `xl create -n`): `json` or the old `sxp`.',
    { values: ['json', 'sxp'] }),
  k('blkdev_start', '4.10', 'string', 'libxl\'s default ("xvda")',
    'The first device name libxl hands out when it attaches a disk to dom0 (for a bootloader such as pygrub). Every guest created gets it as `blkdev_start`.',
    { guests: 'b_info.blkdev_start' }),
  k('claim_mode', '4.10', 'number', '1',
    'With 1, xl claims the guest\'s memory from the hypervisor before it builds the guest, so that a create that cannot get its memory fails at once. Every guest created gets it as `claim_mode`.',
    { guests: 'b_info.claim_mode' }),
  k('remus.default.netbufscript', '4.10', 'string', 'the remus-netbuf-setup script',
    'The script `xl remus` runs to buffer a protected guest\'s network output.'),
  k('colo.default.proxyscript', '4.10', 'string', 'the colo-proxy-setup script',
    'The script COLO replication runs to set up its network proxy.'),
  k('max_grant_frames', '4.10', 'number', 'the hypervisor\'s default',
    'The default number of grant-table frames of a guest whose config sets no `max_grant_frames` (0 to 2147483647; any other value stops every xl command at start).',
    { guests: 'b_info.max_grant_frames' }),
  k('max_maptrack_frames', '4.10', 'number', 'the hypervisor\'s default',
    'The default number of maptrack frames of a guest whose config sets no `max_maptrack_frames` (0 to 2147483647; any other value stops every xl command at start).',
    { guests: 'b_info.max_maptrack_frames' }),
  k('vm.cpumask', '4.12', 'cpus', 'all CPUs',
    'The physical CPUs any guest\'s vcpus may run on: xl narrows every guest\'s hard affinity (`cpus`) to them, and a guest without `cpus` gets them as its affinity. An affinity that ends up empty stops `xl create`.',
    { guests: 'b_info.vcpu_hard_affinity' }),
  k('vm.hvm.cpumask', '4.12', 'cpus', 'all CPUs',
    'As `vm.cpumask`, for HVM and PVH guests only; both masks apply.',
    { guests: 'b_info.vcpu_hard_affinity' }),
  k('vm.pv.cpumask', '4.12', 'cpus', 'all CPUs',
    'As `vm.cpumask`, for PV guests only; both masks apply.',
    { guests: 'b_info.vcpu_hard_affinity' }),
  k('domid_policy', '4.14', 'string', '"xen"',
    'Who picks a new domain\'s id: `xen` (the hypervisor, the next free one) or `random`.',
    { values: ['xen', 'random'] }),
  k('max_grant_version', '4.16', 'number', 'the newest the hypervisor offers',
    'The default highest grant-table version a guest whose config sets no `max_grant_version` may use (0 to 2147483647; any other value stops every xl command at start).',
    { guests: 'b_info.max_grant_version' }),
  k('bootloader_restrict', '4.18', 'boolean', '0',
    'The default of the guests\' `bootloader_restrict`: run the bootloader (pygrub) as an unprivileged user. A guest\'s own `bootloader_restrict` wins.',
    { guests: 'b_info.bootloader_restrict' }),
];

const BY_NAME = new Map(XL_CONF_KEYS.map((x) => [x.name, x]));

export function xlConfKey(name: string): XlConfKey | undefined {
  return BY_NAME.get(name);
}

/** The key, when the target release's xl reads it. */
export function xlConfKeyIn(name: string, xen: XenVersion): XlConfKey | undefined {
  const key = BY_NAME.get(name);
  return key && versionNumber(key.since) <= versionNumber(xen) ? key : undefined;
}

/** The basename that makes a file xl's global config. */
export const XL_CONF_NAME = 'xl.conf';
