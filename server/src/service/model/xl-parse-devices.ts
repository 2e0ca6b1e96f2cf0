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

/** Walks `key`'s list, parsing each string item into `arrayKey`; `devid` mirrors ARRAY_EXTEND_INIT. */
function walk(st: ParseState, key: string, arrayKey: string, parse: SpecParser, withDevid: boolean): void {
  const list = st.cfg.getList(key);
  if (!list.ok) return;
  for (let i = 0; ; i++) {
    const spec = listItem(list.value, i);
    if (spec === null) break;
    const res = parse(spec, specContext(st, i));
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
  walk(st, 'disk', 'disks', specs.parseDiskSpec, false);
  // xl initialises each p9 twice, the second time resetting devid to -1; its tag/path/
  // security_model/backend locals live across the loop, so later specs inherit earlier values.
  const p9carry: specs.P9Carry = {};
  walk(st, 'p9', 'p9s', (spec, ctx) => specs.parseP9Spec(spec, ctx, p9carry), false);
  walk(st, 'vtpm', 'vtpms', specs.parseVtpmSpec, true);
  walk(st, 'vdispl', 'vdispls', specs.parseVdisplSpec, true);
  walk(st, 'pvcalls', 'pvcallsifs', specs.parsePvcallsSpec, true);
  parseVsnd(st);
  walk(st, 'channel', 'channels', specs.parseChannelSpec, st.release.channelDevid);
  walk(st, 'vif', 'nics', specs.parseNicSpec, true);
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
