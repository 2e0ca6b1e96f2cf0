// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data: the domain's identity and create info
// (seclabels, type/builder, hap, name, uuid, oos, pool, PVH shim), scheduler parameters and the
// on_* shutdown actions.
import { ACTION_ON_SHUTDOWN, defboolJson, setInt, setString, struct } from './libxl-json';
import type { GuestType, ParseState } from './parse-state';
import { toInt32 } from './strtol';

/** init_seclabel / seclabel. */
export function parseSeclabels(st: ParseState): void {
  const { cfg, c, b } = st;
  const init = cfg.getString('init_seclabel');
  if (init.ok) setString(c, 'ssid_label', init.value);
  const sec = cfg.getString('seclabel');
  if (sec.ok) {
    if (c.ssid_label !== undefined) setString(b, 'exec_ssid_label', sec.value);
    else setString(c, 'ssid_label', sec.value);
  }
  // xl's global run_hotplug_scripts (xl.conf default: 1).
  c.run_hotplug_scripts = defboolJson(st.globals.runHotplugScripts ?? true);
}

/** strncmp(buf, word, strlen(buf)) == 0: buf is a prefix of word (the empty string matches). */
export const isPrefixOf = (buf: string, word: string): boolean => word.startsWith(buf);

/** How xl reads a `type` word (by prefix: `h` is hvm); null when it refuses it. */
export function typeWordGuestType(word: string): GuestType | null {
  if (isPrefixOf(word, 'hvm')) return 'hvm';
  if (isPrefixOf(word, 'pv')) return 'pv';
  if (isPrefixOf(word, 'pvh')) return 'pvh';
  return null;
}

/** How xl reads the deprecated `builder` word (hvm, or generic = pv, by prefix); null when it refuses it. */
export function builderGuestType(word: string): GuestType | null {
  if (isPrefixOf(word, 'hvm')) return 'hvm';
  if (isPrefixOf(word, 'generic')) return 'pv';
  return null;
}

/** type= (prefix match), then the deprecated builder=. */
export function parseGuestType(st: ParseState): void {
  const { cfg } = st;
  let type: GuestType | null = null;
  const t = cfg.getString('type');
  if (t.ok) {
    type = typeWordGuestType(t.value);
    if (type === null) st.fail('type', `Invalid domain type ${t.value}.`, 1, 'xl-invalid-type');
  }
  const bld = cfg.getString('builder');
  if (bld.ok) {
    const builderType = builderGuestType(bld.value);
    if (builderType === null) return st.fail('builder', `Invalid domain type ${bld.value}.`, 1, 'xl-invalid-type');
    if (type !== null && type !== builderType) {
      st.fail('builder', 'Contradicting "builder" and "type" options specified.', 1, 'xl-builder-contradicts-type', ['type']);
    }
    type = builderType;
  }
  st.type = type ?? 'pv'; // x86 default
  st.c.type = st.type;
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** libuuid's uuid_parse as libxl_uuid_from_string uses it; null when refused. */
export function parseUuid(s: string): string | null {
  return UUID_RE.test(s) ? s.toLowerCase() : null;
}

/** What the oracle's uuid_generate stub returns for the n-th call. */
export const generatedUuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** hap, name, uuid, oos, pool; then libxl_domain_build_info_init_type and the PVH shim keys. */
export function parseIdentity(st: ParseState): void {
  const { cfg, c } = st;
  const hap = cfg.getDefbool('hap');
  if (hap.ok) c.hap = defboolJson(hap.value);

  const name = cfg.getString('name');
  if (!name.ok) st.fail('name', 'Domain name must be specified.', 1, 'xl-name-missing');
  setString(c, 'name', name.value);

  const uuid = cfg.getString('uuid');
  if (uuid.ok) {
    const u = parseUuid(uuid.value);
    if (u === null) st.fail('uuid', `Failed to parse UUID: ${uuid.value}`, 1, 'xl-invalid-uuid');
    if (u !== '00000000-0000-0000-0000-000000000000') c.uuid = u;
  } else {
    c.uuid = generatedUuid(1);
  }

  const oos = cfg.getDefbool('oos');
  if (oos.ok) c.oos = defboolJson(oos.value);
  const pool = cfg.getString('pool');
  if (pool.ok) setString(c, 'pool_name', pool.value);

  initBuildInfoType(st);

  if (st.type === 'pvh') {
    const u = st.u;
    const shim = cfg.getDefbool('pvshim');
    if (shim.ok) u.pvshim = defboolJson(shim.value);
    for (const key of ['pvshim_path', 'pvshim_cmdline', 'pvshim_extra']) {
      const r = cfg.getString(key);
      if (r.ok) setString(u, key, r.value);
    }
  }
  // xl.conf's blkdev_start.
  if (st.globals.blkdevStart !== undefined) setString(st.b, 'blkdev_start', st.globals.blkdevStart);
}

/** libxl_domain_build_info_init_type: the keyed union member with its always-printed structs. */
function initBuildInfoType(st: ParseState): void {
  const u: Record<string, unknown> = {};
  if (st.type === 'hvm') {
    for (const k of ['vga', 'vnc', 'sdl', 'spice', 'rdm']) u[k] = {};
  }
  st.u = u;
  // pci's per-device rdm_policy copies u.hvm.rdm.policy: "invalid" for HVM; for PV/PVH that union
  // memory reads as 0, i.e. "strict" (checked with the oracle).
  st.rdmPolicy = st.type === 'hvm' ? undefined : 'strict';
  st.b.sched_params = {};
  st.b[`type.${st.type}`] = u;
  st.b.arch_arm = {};
  st.b.arch_x86 = {};
}

/** cpu_weight, cap, period, slice, latency, extratime (each -1 when unset). */
export function parseSchedParams(st: ParseState): void {
  const sp = struct(st.b, 'sched_params');
  const keys: [string, string][] = [
    ['cpu_weight', 'weight'], ['cap', 'cap'], ['period', 'period'], ['slice', 'slice'],
    ['latency', 'latency'], ['extratime', 'extratime'],
  ];
  for (const [key, field] of keys) {
    const r = st.cfg.getLong(key);
    if (r.ok) setInt(sp, field, toInt32(r.value), -1);
  }
}

/** xl's own spelling of the actions (parse_action_on_shutdown uses strcmp). */
const ACTION_WORDS: Record<string, number> = {
  destroy: 1, restart: 2, 'rename-restart': 3, preserve: 4, 'coredump-destroy': 5,
  'coredump-restart': 6, 'soft-reset': 7,
};

/** on_poweroff, on_reboot, on_watchdog, on_crash, on_soft_reset. */
export function parseShutdownActions(st: ParseState): void {
  const defaults: [string, string][] = [
    ['on_poweroff', 'destroy'], ['on_reboot', 'restart'], ['on_watchdog', 'destroy'],
    ['on_crash', 'destroy'], ['on_soft_reset', 'soft-reset'],
  ];
  for (const [key, dflt] of defaults) {
    const r = st.cfg.getString(key);
    const word = r.ok ? r.value : dflt;
    const action = Object.hasOwn(ACTION_WORDS, word) ? ACTION_WORDS[word] : undefined;
    if (action === undefined) {
      st.fail(key, `Unknown ${key} action "${word}" specified`, 1, 'xl-unknown-action');
    }
    if (action === 1) delete st.d[key];
    else st.d[key] = ACTION_ON_SHUTDOWN[action as keyof typeof ACTION_ON_SHUTDOWN];
  }
}
