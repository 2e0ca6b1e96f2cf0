// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data from shadow_memory to nestedhvm:
// migration/tsc/rtc/video/event-channel knobs, kernel, ramdisk, cmdline (root=/extra=), acpi,
// bootloader (with 4.18's bootloader_restrict and bootloader_user) and bootloader_args, timer_mode.
import { defboolJson, enumFromString, setInt, setMemkb, setString, setStringList, TIMER_MODE, TSC_MODE } from './libxl-json';
import type { ParseState } from './parse-state';
import { toUint32 } from './strtol';
import { versionNumber } from '../options';

export function parseBootAndTiming(st: ParseState): void {
  const { cfg, b, c } = st;
  const shadow = cfg.getLong('shadow_memory');
  if (shadow.ok) setMemkb(b, 'shadow_memkb', shadow.value * 1024n);
  const nomig = cfg.getDefbool('nomigrate');
  if (nomig.ok) b.disable_migrate = defboolJson(nomig.value);

  parseTscMode(st);

  const rtc = cfg.getLong('rtc_timeoffset');
  if (rtc.ok) setInt(b, 'rtc_timeoffset', toUint32(rtc.value));
  const viewer = cfg.getLong('vncviewer');
  if (viewer.ok) {
    st.warn('vncviewer', 'WARNING: ignoring "vncviewer" option. Use "-V" option of "xl create" to automatically spawn vncviewer.', 'xl-ignored');
  }
  const lt = cfg.getDefbool('localtime');
  if (lt.ok) b.localtime = defboolJson(lt.value);
  const video = cfg.getLong('videoram');
  if (video.ok) setMemkb(b, 'video_memkb', video.value * 1024n);
  const evtchn = cfg.getLong('max_event_channels');
  if (evtchn.ok) setInt(b, 'event_channels', toUint32(evtchn.value));

  for (const key of ['kernel', 'ramdisk', 'device_tree']) {
    const r = cfg.getString(key);
    if (r.ok) setString(b, key, r.value);
  }
  parseCmdline(st);

  const dd = cfg.getDefbool('driver_domain');
  if (dd.ok) c.driver_domain = defboolJson(dd.value);
  const acpi = cfg.getDefbool('acpi');
  if (acpi.ok) b.acpi = defboolJson(acpi.value);

  const bl = cfg.getString('bootloader');
  if (bl.ok) setString(b, 'bootloader', bl.value);
  if (versionNumber(st.options.xenVersion) >= 418) {
    // 4.18: bootloader_restrict (its default from xl.conf's) and bootloader_user.
    const restrict = cfg.getDefbool('bootloader_restrict');
    if (restrict.ok) b.bootloader_restrict = defboolJson(restrict.value);
    else if (st.globals.bootloaderRestrict !== undefined) b.bootloader_restrict = defboolJson(st.globals.bootloaderRestrict);
    const user = cfg.getString('bootloader_user');
    if (user.ok) setString(b, 'bootloader_user', user.value);
  }
  const args = cfg.getListAsStringList('bootloader_args', true);
  if (args.ok) setStringList(b, 'bootloader_args', args.value);
  else if (args.errno === 'EINVAL') {
    const s = cfg.getString('bootloader_args');
    if (s.ok) {
      st.warn('bootloader_args', 'WARNING: Specifying "bootloader_args" as a string is deprecated. Please use a list of arguments.', 'xl-deprecated');
      setStringList(b, 'bootloader_args', st.splitWords('bootloader_args', s.value, ' \t\n'));
    }
  }

  parseTimerMode(st);

  const nested = cfg.getDefbool('nestedhvm');
  if (nested.ok) b.nested_hvm = defboolJson(nested.value);
}

/** tsc_mode: an integer (deprecated, with a hint) or a name. */
function parseTscMode(st: ParseState): void {
  const { cfg, b } = st;
  const n = cfg.getLong('tsc_mode', true);
  if (n.ok) {
    const name = n.value >= 0n && n.value <= 3n ? TSC_MODE[Number(n.value) as 0] : null;
    st.warn('tsc_mode', 'WARNING: specifying "tsc_mode" as an integer is deprecated. Please use the named parameter variant. ' +
      (name ? `e.g. tsc_mode="${name}"` : ''), 'xl-deprecated');
    if (n.value < 0n || n.value > 3n) st.fail('tsc_mode', `ERROR: invalid value ${n.value} for "tsc_mode"`, 1, 'xl-invalid-value');
    if (n.value !== 0n) b.tsc_mode = name;
    else delete b.tsc_mode;
    return;
  }
  const s = cfg.getString('tsc_mode');
  if (s.ok) {
    // Debugging output of xl up to 4.18: said as information, since xl prints it.
    if (st.release.printsTscModeString) st.report.line(`got a tsc mode string: "${s.value}"`, { ...st.at('tsc_mode', 'xl-chatter'), severity: 'information' });
    const v = enumFromString(TSC_MODE, s.value);
    if (v === null) st.fail('tsc_mode', `ERROR: invalid value "${s.value}" for "tsc_mode"`, 1, 'xl-invalid-value');
    if (v) b.tsc_mode = TSC_MODE[v as 1];
    else delete b.tsc_mode;
  }
}

/** timer_mode: refused for PV; an integer (deprecated) or a name. */
function parseTimerMode(st: ParseState): void {
  const { cfg, b } = st;
  const pvRefusal = 'ERROR: "timer_mode" option is not supported for PV guests.';
  const n = cfg.getLong('timer_mode', true);
  if (n.ok) {
    const name = n.value >= -1n && n.value <= 3n ? TIMER_MODE[Number(n.value) as 0] : null;
    if (st.type === 'pv') st.fail('timer_mode', pvRefusal, 3, 'xl-timer-mode-pv');
    st.warn('timer_mode', 'WARNING: specifying "timer_mode" as an integer is deprecated. Please use the named parameter variant. ' +
      (name ? `e.g. timer_mode="${name}"` : ''), 'xl-deprecated');
    if (n.value < 0n || n.value > 3n) st.fail('timer_mode', `ERROR: invalid value ${n.value} for "timer_mode"`, 1, 'xl-invalid-value');
    b.timer_mode = TIMER_MODE[Number(n.value) as 0];
    return;
  }
  const s = cfg.getString('timer_mode');
  if (s.ok) {
    if (st.type === 'pv') st.fail('timer_mode', pvRefusal, 3, 'xl-timer-mode-pv');
    const v = enumFromString(TIMER_MODE, s.value);
    if (v === null) st.fail('timer_mode', `ERROR: invalid value "${s.value}" for "timer_mode"`, 1, 'xl-invalid-value');
    if (v === -1) delete b.timer_mode;
    else b.timer_mode = TIMER_MODE[v as 0];
  }
}

/** parse_cmdline: cmdline wins over root=/extra=. */
function parseCmdline(st: ParseState): void {
  const { cfg } = st;
  const buf = cfg.getString('cmdline');
  const root = cfg.getString('root');
  const extra = cfg.getString('extra');
  let cmdline: string | null = null;
  if (buf.ok) {
    cmdline = buf.value;
    if (root.ok || extra.ok) st.warn(root.ok ? 'root' : 'extra', 'Warning: ignoring root= and extra= in favour of cmdline=', 'xl-cmdline-overrides');
  } else if (root.ok && extra.ok) cmdline = `root=${root.value} ${extra.value}`;
  else if (root.ok) cmdline = `root=${root.value}`;
  else if (extra.ok) cmdline = extra.value;
  setString(st.b, 'cmdline', cmdline);
}
