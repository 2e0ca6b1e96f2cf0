// What xl takes from /etc/xen/xl.conf (tools/xl/xl.c parse_global_config, Xen 4.10 .. 4.22): the
// global defaults it then applies to every guest it creates (xl_parse.c, xl_nic.c, xl_vmcontrol.c),
// and what it prints about the file. Pure: the caller parses the file's bytes and hands in the
// settings; the guest model (model/xl-parse*.ts) applies the defaults.
import type { Finding } from '../finding';
import type { XenVersion } from '../options';
import { versionNumber } from '../options';
import type { Setting } from '../syntax/settings';
import { ConfigReader, valueSpan } from './accessors';
import { XlReport } from './xl-report';
import { Bitmap, parseCpuRange } from './cpumap';
import { XL_CONF_KEYS, xlConfKey } from '../catalogue/xl-conf-keys';

/** The guest defaults of an xl.conf; a field left out is xl's built-in default. */
export interface XlGlobals {
  /** run_hotplug_scripts (xl's default: 1 = libxl runs them). */
  readonly runHotplugScripts?: boolean;
  /** claim_mode (xl's default: 1). */
  readonly claimMode?: boolean;
  readonly blkdevStart?: string;
  /** vif.default.* (and the deprecated vifscript / defaultbridge). */
  readonly vifScript?: string;
  readonly vifBridge?: string;
  readonly vifGatewaydev?: string;
  readonly vifBackend?: string;
  readonly maxGrantFrames?: number;
  readonly maxMaptrackFrames?: number;
  readonly maxGrantVersion?: number;
  /** vm.cpumask, vm.hvm.cpumask, vm.pv.cpumask as written (parsed against the guest's host). */
  readonly cpumask?: { readonly vm?: string; readonly hvm?: string; readonly pv?: string };
  /** bootloader_restrict (4.18+): the default of the guests' own. */
  readonly bootloaderRestrict?: boolean;
}

export interface XlConfReading {
  readonly globals: XlGlobals;
  /** Unknown keys, xl's complaints about values, deprecated names. */
  readonly findings: Finding[];
  /** What xl prints about the file when it starts. */
  readonly stderr: string;
  /** Non-zero when xl stops at start because of the file (every command fails). */
  readonly exitStatus: number;
}

/** Reads an xl.conf's settings as the target release's xl does. */
export function readXlConf(settings: readonly Setting[], xen: XenVersion, sourceName = '/etc/xen/xl.conf'): XlConfReading {
  const report = new XlReport();
  const cfg = new ConfigReader(settings, sourceName, report);
  const at = (s: Setting | undefined, code: string) => ({ span: s ? valueSpan(s) : { start: 0, end: 0 }, code, data: s ? { key: s.name } : {} });
  const since = (v: XenVersion) => versionNumber(xen) >= versionNumber(v);
  const g: { -readonly [K in keyof XlGlobals]: XlGlobals[K] } = {};
  let exitStatus = 0;

  const ab = cfg.getString('autoballoon');
  if (ab.ok && !['on', '1', 'off', '0', 'auto'].includes(ab.value)) {
    // xl prints this without a newline.
    report.print('invalid autoballoon option');
    report.note('xl does not know this autoballoon value and keeps its default ("auto"); use "on", "off" or "auto"', at(ab.setting, 'xl-conf-invalid'));
  }
  const hotplug = cfg.getLong('run_hotplug_scripts');
  if (hotplug.ok) g.runHotplugScripts = hotplug.value !== 0n;
  cfg.getString('lockfile');
  for (const [old, key, field] of [['vifscript', 'vif.default.script', 'vifScript'], ['defaultbridge', 'vif.default.bridge', 'vifBridge']] as const) {
    const o = cfg.getString(old);
    if (o.ok) {
      report.line(`the global config option ${old} is deprecated, please switch to ${key}`,
        { ...at(o.setting, 'xl-conf-deprecated'), data: { key: old, replacement: key } });
      g[field] = o.value;
    }
    const n = cfg.getString(key);
    if (n.ok) g[field] = n.value;
  }
  const gw = cfg.getString('vif.default.gatewaydev');
  if (gw.ok) g.vifGatewaydev = gw.value;
  const be = cfg.getString('vif.default.backend');
  if (be.ok) g.vifBackend = be.value;
  const of = cfg.getString('output_format');
  if (of.ok && of.value !== 'json' && of.value !== 'sxp') {
    report.line(`invalid default output format "${of.value}"`, at(of.setting, 'xl-conf-invalid'));
  }
  const blk = cfg.getString('blkdev_start');
  if (blk.ok) g.blkdevStart = blk.value;
  const claim = cfg.getLong('claim_mode');
  if (claim.ok) g.claimMode = claim.value !== 0n;
  cfg.getString('remus.default.netbufscript');
  cfg.getString('colo.default.proxyscript');

  const limits = [['max_grant_frames', 'maxGrantFrames', '4.10'], ['max_maptrack_frames', 'maxMaptrackFrames', '4.10'], ['max_grant_version', 'maxGrantVersion', '4.16']] as const;
  for (const [key, field, from] of limits) {
    if (!since(from) || exitStatus) continue;
    const r = cfg.getBoundedLong(key, 0n, 0x7fffffffn, true);
    if (r.ok) g[field] = Number(r.value);
    else if (r.errno !== 'ESRCH') {
      report.note(`xl stops at start without a message, for every command: \`${key}' must be a number from 0 to 2147483647`,
        { ...at(r.setting, 'xl-conf-rejects'), severity: 'error' });
      exitStatus = 1;
    }
  }
  if (!exitStatus && since('4.12')) {
    const masks: { -readonly [K in 'vm' | 'hvm' | 'pv']?: string } = {};
    for (const [key, field] of [['vm.cpumask', 'vm'], ['vm.hvm.cpumask', 'hvm'], ['vm.pv.cpumask', 'pv']] as const) {
      const m = cfg.getString(key);
      if (!m.ok) continue;
      masks[field] = m.value;
      // The reference host's topology, only to say what xl would print about the text.
      const err = parseCpuRange(m.value, new Bitmap(8), { nrCpus: 8, cpusOfNode: (n) => (n === 0n ? [0, 1, 2, 3, 4, 5, 6, 7] : []) });
      if (err) report.line(err, at(m.setting, 'xl-conf-invalid'));
    }
    if (Object.keys(masks).length) g.cpumask = masks;
  }
  if (!exitStatus && since('4.14')) {
    const dp = cfg.getString('domid_policy');
    if (dp.ok && dp.value !== 'xen' && dp.value !== 'random') {
      report.print('invalid domid_policy option');
      report.note('xl does not know this domid_policy value and keeps its default ("xen"); use "xen" or "random"', at(dp.setting, 'xl-conf-invalid'));
    }
  }
  if (!exitStatus && since('4.18')) {
    const br = cfg.getDefbool('bootloader_restrict');
    if (br.ok) g.bootloaderRestrict = br.value;
  }

  const findings = [...report.findings];
  const seen = new Set<string>();
  for (const s of settings) {
    if (seen.has(`${s.name}\0${s.keyStart}`)) continue;
    seen.add(`${s.name}\0${s.keyStart}`);
    const key = xlConfKey(s.name);
    const span = { start: s.keyStart, end: s.keyEnd };
    if (!key) {
      const near = nearest(s.name);
      findings.push({ ...span, code: 'xl-conf-unknown-key', severity: 'warning',
        message: `xl does not read \`${s.name}' from xl.conf, so it has no effect${near ? ` (did you mean \`${near}'?)` : ''}`,
        data: { key: s.name, ...(near ? { suggestion: near } : {}) } });
    } else if (!since(key.since)) {
      findings.push({ ...span, code: 'xl-conf-unknown-key', severity: 'warning',
        message: `xl reads \`${s.name}' from xl.conf only from Xen ${key.since} on; the targeted Xen ${xen} ignores it`, data: { key: s.name, since: key.since } });
    }
  }
  return { globals: g, findings, stderr: report.lines().join('\n'), exitStatus };
}

/** A known key close to `name` (at most two edits away). */
function nearest(name: string): string | undefined {
  let best: string | undefined, bestD = 3;
  for (const k of XL_CONF_KEYS) {
    const d = distance(name, k.name);
    if (d < bestD) { best = k.name; bestD = d; }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
