// Mirrors parse_nic_config() in tools/xl/xl_parse.c and xlu_vif_parse_rate() in
// tools/libs/util/libxlu_vif.c (Xen 4.17): one `vif=[...]` element becomes a libxl_device_nic.
// xl only complains (and carries on) about a bad type, a bad mac or an unknown item; a bad rate,
// devid or mtu makes it exit.
import { versionNumber } from '../../options';
import { strtoul, toInt32, toUint32 } from './c-numbers';
import { issueAt, strtokItems, valueAfterEquals, type SpecPiece } from './strtok';
import { sourceOf, type NicJson, type SpecContext, type SpecIssue, type SpecResult } from './types';

/** Items that just store their value in a string field of the nic (key -> libxl field). */
const STRING_ITEMS: Record<string, string> = {
  bridge: 'bridge', gatewaydev: 'gatewaydev', ip: 'ip', script: 'script', backend: 'backend_domname',
  vifname: 'ifname', model: 'model', forwarddev: 'coloft_forwarddev',
};
const COLO_STRING_ITEMS = [
  'colo_sock_mirror_id', 'colo_sock_mirror_ip', 'colo_sock_mirror_port',
  'colo_sock_compare_sec_in_id', 'colo_sock_compare_sec_in_ip', 'colo_sock_compare_sec_in_port',
  'colo_sock_redirector0_id', 'colo_sock_redirector0_ip', 'colo_sock_redirector0_port',
  'colo_sock_redirector1_id', 'colo_sock_redirector1_ip', 'colo_sock_redirector1_port',
  'colo_sock_redirector2_id', 'colo_sock_redirector2_ip', 'colo_sock_redirector2_port',
  'colo_sock_compare_pri_in_id', 'colo_sock_compare_pri_in_ip', 'colo_sock_compare_pri_in_port',
  'colo_sock_compare_notify_id', 'colo_sock_compare_notify_ip', 'colo_sock_compare_notify_port',
  'colo_filter_mirror_queue', 'colo_filter_mirror_outdev',
  'colo_filter_redirector0_queue', 'colo_filter_redirector0_indev', 'colo_filter_redirector0_outdev',
  'colo_filter_redirector1_queue', 'colo_filter_redirector1_indev', 'colo_filter_redirector1_outdev',
  'colo_compare_pri_in', 'colo_compare_sec_in', 'colo_compare_out', 'colo_compare_notify_dev',
  'colo_sock_sec_redirector0_id', 'colo_sock_sec_redirector0_ip', 'colo_sock_sec_redirector0_port',
  'colo_sock_sec_redirector1_id', 'colo_sock_sec_redirector1_ip', 'colo_sock_sec_redirector1_port',
  'colo_filter_sec_redirector0_queue', 'colo_filter_sec_redirector0_indev', 'colo_filter_sec_redirector0_outdev',
  'colo_filter_sec_redirector1_queue', 'colo_filter_sec_redirector1_indev', 'colo_filter_sec_redirector1_outdev',
  'colo_filter_sec_rewriter0_queue', 'colo_checkpoint_host', 'colo_checkpoint_port',
];
for (const k of COLO_STRING_ITEMS) STRING_ITEMS[k] = k;

/** `vlan=` is read from Xen 4.19; before, it is an unrecognized argument. */
const VLAN_SINCE = 419;
const UINT32_MAX = 0xffffffffn;
const UINT64_MAX = (1n << 64n) - 1n;

interface NicState {
  devid: number;
  mtu: number;
  mac: number[];
  nictype?: 'vif' | 'vif_ioemu';
  rateBytesPerInterval: bigint;
  rateIntervalUsecs: number;
  trusted?: boolean;
  strings: Record<string, string>;
}

type RateOutcome = { ok: true; bytesPerInterval: bigint; intervalUsecs: number } | { ok: false; what: string; near: SpecPiece };

/** xlu_vif_parse_rate: `RATE[@INTERVAL]`, RATE like 10Mb/s, INTERVAL like 20ms (default 50ms). */
export function parseVifRate(rate: SpecPiece): RateOutcome {
  const at = rate.text.indexOf('@');
  const bytes: SpecPiece = at < 0 ? rate : { text: rate.text.slice(0, at), start: rate.start, end: rate.start + at };
  const interval: SpecPiece | null = at < 0 ? null
    : { text: rate.text.slice(at + 1), start: rate.start + at + 1, end: rate.end };
  if (bytes.text === '') return { ok: false, what: 'no rate specified', near: rate };
  if (!/^[0-9]+[GMK]?[Bb]\/s$/.test(bytes.text)) return { ok: false, what: 'invalid rate', near: bytes };
  const b = strtoul(bytes.text, 0);
  if (b.value === 0n || b.value > UINT32_MAX || b.overflow) return { ok: false, what: 'rate overflow', near: bytes };
  let bytesPerSec = b.value;
  const c0 = bytes.text[b.end] ?? '';
  const c1 = bytes.text[b.end + 1] ?? '';
  if (c0 === 'G') bytesPerSec *= 1000000000n;
  else if (c0 === 'M') bytesPerSec *= 1000000n;
  else if (c0 === 'K') bytesPerSec *= 1000n;
  if (c0 === 'b' || c1 === 'b') bytesPerSec /= 8n;
  let usecs = 50000n;
  if (interval) {
    if (!/^[0-9]+[mu]?s?$/.test(interval.text)) return { ok: false, what: 'invalid replenishment interval', near: interval };
    const t = strtoul(interval.text, 0);
    if (t.value === 0n || t.value > UINT32_MAX || t.overflow) return { ok: false, what: 'replenishment interval overflow', near: interval };
    usecs = t.value;
    const unit = interval.text[t.end] ?? '';
    if (unit === 's' || unit === '') usecs *= 1000000n;
    else if (unit === 'm') usecs *= 1000n;
    if (usecs > UINT32_MAX) return { ok: false, what: 'replenishment interval overflow', near: interval };
  }
  if (usecs !== 0n && bytesPerSec > UINT64_MAX / usecs) return { ok: false, what: 'rate overflow', near: rate };
  return { ok: true, bytesPerInterval: (bytesPerSec * usecs) / 1000000n, intervalUsecs: Number(usecs) };
}

/**
 * The MAC reader: six strtoul(…, 16) calls, each skipping exactly one character after the number.
 * Like xl it reads on past the end of the item into the rest of the spec (strtok has only cut the
 * delimiter right after this item); past the end of the spec we assume nothing convertible.
 * Returns the octets read before any failure and whether all six were read.
 */
function readMac(spec: string, value: SpecPiece, itemEnd: number): { octets: number[]; ok: boolean } {
  const memory = (itemEnd < spec.length ? spec.slice(0, itemEnd) + '\0' + spec.slice(itemEnd + 1) : spec) + '\0';
  const octets: number[] = [];
  let p = value.start;
  for (let i = 0; i < 6; i++) {
    if (p >= memory.length) return { octets, ok: false };
    const n = strtoul(memory, 16, p);
    const v = toUint32(n.value);
    if (n.end === p || v > 255) return { octets, ok: false };
    octets.push(v);
    p = n.end + 1;
  }
  return { octets, ok: true };
}

/** parse_ulong: strtoul base 10; nothing converted or ULONG_MAX is fatal. */
function parseUlong(v: SpecPiece): bigint | null {
  const n = strtoul(v.text, 10);
  if (n.end === 0 || n.value === (1n << 64n) - 1n) return null;
  return n.value;
}

function toJson(n: NicState): NicJson {
  const out: NicJson = { devid: n.devid };
  if (n.mtu !== 0) out.mtu = n.mtu;
  const s = n.strings;
  if (s.backend_domname !== undefined) out.backend_domname = s.backend_domname;
  if (s.model !== undefined) out.model = s.model;
  if (n.mac.some((o) => o !== 0)) out.mac = n.mac.map((o) => o.toString(16).padStart(2, '0')).join(':');
  for (const k of Object.keys(s)) if (k !== 'backend_domname' && k !== 'model') out[k] = s[k];
  if (n.nictype) out.nictype = n.nictype;
  if (n.rateBytesPerInterval !== 0n) out.rate_bytes_per_interval = Number(n.rateBytesPerInterval);
  if (n.rateIntervalUsecs !== 0) out.rate_interval_usecs = n.rateIntervalUsecs;
  if (n.trusted !== undefined) out.trusted = n.trusted ? 'True' : 'False';
  return out;
}

/**
 * Parses one `vif=[...]` element. `ctx.index` is the nic's position (xl's default devid). xl's
 * global defaults from xl.conf (vif.default.script, .bridge, ...) come in `ctx.nicDefaults`: xl sets
 * them before it reads the spec, which overrides them.
 */
export function parseNicSpec(spec: string, ctx: SpecContext): SpecResult<NicJson> {
  const nic: NicState = { devid: ctx.index, mtu: 0, mac: [0, 0, 0, 0, 0, 0], rateBytesPerInterval: 0n, rateIntervalUsecs: 0, strings: {} };
  for (const [k, v] of Object.entries(ctx.nicDefaults ?? {})) if (v !== undefined) nic.strings[k] = v;
  const issues: SpecIssue[] = [];
  const warn = (at: SpecPiece, message: string, code: string) => issues.push(issueAt(at, 'warning', message, code));
  const fail = (at: SpecPiece, message: string, code: string): SpecResult<NicJson> => {
    issues.push(issueAt(at, 'error', message, code));
    return { device: null, issues, fatal: true };
  };
  for (const item of strtokItems(spec)) {
    const eq = item.text.indexOf('=');
    const key = eq < 0 ? null : item.text.slice(0, eq);
    const value = valueAfterEquals(item);
    if (key === 'type') {
      if (value.text === 'vif') nic.nictype = 'vif';
      else if (value.text === 'ioemu') nic.nictype = 'vif_ioemu';
      else warn(value, 'Invalid parameter `type\'.', 'vif-bad-type');
    } else if (key === 'mac') {
      const mac = readMac(spec, value, item.end);
      mac.octets.forEach((o, i) => { nic.mac[i] = o; });
      if (!mac.ok) warn(value, 'Invalid parameter `mac\'.', 'vif-bad-mac');
    } else if (key === 'netdev') {
      warn(item, 'the netdev parameter is deprecated, please use gatewaydev instead', 'vif-netdev-deprecated');
      nic.strings.gatewaydev = value.text;
    } else if (key === 'rate') {
      const r = parseVifRate(value);
      if (!r.ok) return fail(r.near, `${sourceOf(ctx)}: config parsing error in vif: ${r.what} in \`${r.near.text}'`, 'vif-bad-rate');
      nic.rateBytesPerInterval = r.bytesPerInterval;
      nic.rateIntervalUsecs = r.intervalUsecs;
    } else if (key === 'vlan' && versionNumber(ctx.options.xenVersion) >= VLAN_SINCE) {
      nic.strings.vlan = value.text;
    } else if (key !== null && STRING_ITEMS[key] !== undefined) {
      nic.strings[STRING_ITEMS[key]!] = value.text;
    } else if (key === 'accel') {
      warn(item, 'the accel parameter for vifs is currently not supported', 'vif-accel-unsupported');
    } else if (key === 'devid' || key === 'mtu') {
      const n = parseUlong(value);
      if (n === null) return fail(value, `xl: failed to convert "${value.text}" to number`, 'vif-not-a-number');
      if (key === 'devid') nic.devid = toInt32(n);
      else nic.mtu = toInt32(n);
    } else if (item.text === 'trusted') nic.trusted = true;
    else if (item.text === 'untrusted') nic.trusted = false;
    else warn(item, `unrecognized argument \`${item.text}'`, 'vif-unknown-argument');
  }
  return { device: toJson(nic), issues, fatal: false };
}
