// Mirrors parse_vkb_config() and parse_vkb_list() in tools/xl/xl_parse.c (Xen 4.17): one
// `vkb=[...]` element. Any unknown item, a bad backend-type, no backend-type at all, or
// feature-multi-touch without its sizes makes xl exit.
import { strtoul, toUint32 } from './c-numbers';
import { issueAt, strtokItems, valueAfterEquals } from './strtok';
import type { SpecContext, SpecResult, VkbJson } from './types';

const NUMBER_FIELDS: Record<string, string> = {
  'feature-disable-keyboard': 'feature_disable_keyboard',
  'feature-disable-pointer': 'feature_disable_pointer',
  'feature-abs-pointer': 'feature_abs_pointer',
  'feature-raw-pointer': 'feature_raw_pointer',
  'feature-multi-touch': 'feature_multi_touch',
  'multi-touch-width': 'multi_touch_width',
  'multi-touch-height': 'multi_touch_height',
  'multi-touch-num-contacts': 'multi_touch_num_contacts',
  width: 'width',
  height: 'height',
};
const BOOL_FIELDS = new Set(['feature_disable_keyboard', 'feature_disable_pointer', 'feature_abs_pointer',
  'feature_raw_pointer', 'feature_multi_touch']);

/**
 * One `vkb=[...]` element. `ctx.index` must be the vkb's position among ALL vkbs (those made by
 * `vfb=` come first), which is its devid.
 */
export function parseVkbSpec(spec: string, ctx: SpecContext): SpecResult<VkbJson> {
  const fields: Record<string, number> = {};
  let backend: string | undefined;
  let backendType: string | undefined;
  let uniqueId: string | undefined;
  for (const item of strtokItems(spec)) {
    const key = item.text.includes('=') ? item.text.slice(0, item.text.indexOf('=')) : null;
    const value = valueAfterEquals(item);
    if (key === 'backend') backend = value.text;
    else if (key === 'backend-type') {
      const t = value.text.toLowerCase();
      if (t !== 'qemu' && t !== 'linux' && t !== 'unknown') {
        return { device: null, fatal: true, issues: [issueAt(value, 'error', `Unknown backend_type "${value.text}" in vkb spec`, 'vkb-bad-backend-type')] };
      }
      backendType = t;
    } else if (key === 'unique-id') uniqueId = value.text;
    else if (key !== null && NUMBER_FIELDS[key] !== undefined) {
      const f = NUMBER_FIELDS[key]!;
      const n = toUint32(strtoul(value.text, 0).value);
      fields[f] = BOOL_FIELDS.has(f) ? (n ? 1 : 0) : n;
    } else {
      return { device: null, fatal: true, issues: [issueAt(item, 'error', `Unknown string "${item.text}" in vkb spec`, 'vkb-unknown')] };
    }
  }
  if (backendType === undefined || backendType === 'unknown') {
    return { device: null, fatal: true, issues: [{ severity: 'error', message: 'backend-type should be set in vkb spec', start: 0, end: spec.length, code: 'vkb-no-backend-type' }] };
  }
  const sizes = !!(fields.multi_touch_height || fields.multi_touch_width || fields.multi_touch_num_contacts);
  if (sizes) fields.feature_multi_touch = 1;
  if (fields.feature_multi_touch && !sizes) {
    return { device: null, fatal: true, issues: [{ severity: 'error', message: 'multi-touch-width, multi-touch-height, multi-touch-num-contacts should be set for multi touch in vkb spec', start: 0, end: spec.length, code: 'vkb-multi-touch-sizes' }] };
  }
  const out: VkbJson = {};
  if (backend !== undefined) out.backend_domname = backend;
  out.devid = ctx.index;
  out.backend_type = backendType;
  if (uniqueId !== undefined) out.unique_id = uniqueId;
  for (const f of Object.values(NUMBER_FIELDS)) {
    const v = fields[f];
    if (v) out[f] = BOOL_FIELDS.has(f) ? true : v;
  }
  return { device: out, issues: [], fatal: false };
}
