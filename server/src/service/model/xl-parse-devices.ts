// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data's device loops: disk, p9, vtpm, vdispl,
// pvcalls, channel, vif, vif2, vfb, usbctrl, usbdev and (near the end) vkb. Each spec string is
// parsed by model/specs; this file walks the lists as xl does (a nested list item ends the walk).
import { listItem } from './accessors';
import type { Json } from './libxl-json';
import type { ParseState } from './parse-state';
import * as specs from './specs';
import type { SpecContext, SpecResult } from './specs';
import { parseVsnd } from './xl-parse-vsnd';
import { reportSpecIssues, specContext } from './xl-parse-spec-glue';

type SpecParser = (spec: string, ctx: SpecContext) => SpecResult<Json>;

/**
 * Clean disk and vif results (no issue, no crash, a device of plain values) by everything their
 * parsers read: the spec, its index, the guest type, the options, the file name, xl.conf's vif
 * defaults. A keystroke elsewhere in a config with hundreds of devices then parses none of them
 * again; walk copies the device, so a kept one is never handed out. By context, then by spec (its
 * index beside the result): no key string is built per item.
 */
const SPEC_MEMO = new Map<string, Map<string, { index: number; res: SpecResult<Json> }>>();
const SPEC_MEMO_MAX = 8192;
const SPEC_MEMO_CONTEXTS = 512;
let specMemoSize = 0;

function memoFor(st: ParseState, kind: string): Map<string, { index: number; res: SpecResult<Json> }> {
  const o = st.options;
  const key = JSON.stringify([kind, st.type, o.xenVersion, o.host, o.paths, o.sourceName, st.src, st.nicDefaults ?? null]);
  // Bounded: all is dropped once it holds SPEC_MEMO_MAX results or SPEC_MEMO_CONTEXTS contexts.
  if (specMemoSize >= SPEC_MEMO_MAX || SPEC_MEMO.size >= SPEC_MEMO_CONTEXTS) { SPEC_MEMO.clear(); specMemoSize = 0; }
  let m = SPEC_MEMO.get(key);
  if (!m) SPEC_MEMO.set(key, (m = new Map()));
  return m;
}

/** Drops every kept result (tests compare with analyses that start from nothing). */
export function forgetKeptSpecResults(): void {
  SPEC_MEMO.clear();
  specMemoSize = 0;
}

function clean(res: SpecResult<Json>): boolean {
  if (res.issues.length || res.fatal || res.crash || !res.device) return false;
  for (const k of Object.keys(res.device)) {
    const v = res.device[k];
    if (typeof v === 'object' && v !== null) return false;
  }
  return true;
}

/** Walks `key`'s list, parsing each string item into `arrayKey`; `devid` mirrors ARRAY_EXTEND_INIT. */
function walk(st: ParseState, key: string, arrayKey: string, parse: SpecParser, withDevid: boolean, remember = false): void {
  const list = st.cfg.getList(key);
  if (!list.ok) return;
  const memo = remember ? memoFor(st, key) : undefined;
  for (let i = 0; ; i++) {
    const spec = listItem(list.value, i);
    if (spec === null) break;
    const kept = memo?.get(spec);
    let res = kept && kept.index === i ? kept.res : undefined;
    if (!res) {
      res = parse(spec, specContext(st, i));
      if (memo && clean(res)) {
        if (!memo.has(spec)) specMemoSize++;
        memo.set(spec, { index: i, res });
      }
    }
    reportSpecIssues(st, key, res, null, 1, list.value.items[i]);
    const dev: Json = withDevid ? { devid: i } : {};
    const device = res.device ?? {};
    // Object.assign is the spread without its slow generic path (~10x on device objects of many
    // shapes); only an own `__proto__` key would differ (a setter there), and keeps the spread.
    st.push(arrayKey, Object.hasOwn(device, '__proto__') ? { ...dev, ...device } : Object.assign(dev, device));
  }
}

/** disk .. usbdev, in xl's order. */
export function parseDevices(st: ParseState): void {
  walk(st, 'disk', 'disks', specs.parseDiskSpec, false, true);
  // xl initialises each p9 twice, the second time resetting devid to -1; its tag/path/
  // security_model/backend locals live across the loop, so later specs inherit earlier values.
  const p9carry: specs.P9Carry = {};
  walk(st, 'p9', 'p9s', (spec, ctx) => specs.parseP9Spec(spec, ctx, p9carry), false);
  walk(st, 'vtpm', 'vtpms', specs.parseVtpmSpec, true);
  walk(st, 'vdispl', 'vdispls', specs.parseVdisplSpec, true);
  walk(st, 'pvcalls', 'pvcallsifs', specs.parsePvcallsSpec, true);
  parseVsnd(st);
  walk(st, 'channel', 'channels', specs.parseChannelSpec, st.release.channelDevid);
  walk(st, 'vif', 'nics', specs.parseNicSpec, true, true);
  const vif2 = st.cfg.getList('vif2');
  if (vif2.ok) st.warn('vif2', 'WARNING: vif2: netchannel2 is deprecated and not supported by xl', 'xl-deprecated');
  parseVfbs(st);
  walk(st, 'usbctrl', 'usbctrls', specs.parseUsbctrlSpec, true);
  walk(st, 'usbdev', 'usbdevs', specs.parseUsbdevSpec, false);
}

/** vfb=[...]: each spec makes a vfb and a vkb with the same devid. */
function parseVfbs(st: ParseState): void {
  const list = st.cfg.getList('vfb');
  if (!list.ok) return;
  for (let i = 0; ; i++) {
    const spec = listItem(list.value, i);
    if (spec === null) break;
    const res = specs.parseVfbSpec(spec, specContext(st, i));
    reportSpecIssues(st, 'vfb', res, null, 1, list.value.items[i]);
    const vfb: Json = { devid: i, vnc: {}, sdl: {}, ...(res.device?.vfb ?? {}) };
    const vkb: Json = { devid: st.count('vkbs'), ...(res.device?.vkb ?? {}) };
    st.push('vfbs', vfb);
    st.push('vkbs', vkb);
  }
}

/** vkb=[...] (parse_vkb_list), read after the display options. */
export function parseVkbs(st: ParseState): void {
  const list = st.cfg.getList('vkb');
  if (!list.ok) return;
  for (let i = 0; ; i++) {
    const spec = listItem(list.value, i);
    if (spec === null) break;
    const devid = st.count('vkbs');
    const res = specs.parseVkbSpec(spec, specContext(st, devid));
    reportSpecIssues(st, 'vkb', res, null, 1, list.value.items[i]);
    st.push('vkbs', { devid, ...(res.device ?? {}) });
  }
}
