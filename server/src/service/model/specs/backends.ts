// Mirrors the vtpm, p9 and pvcalls loops of parse_config_data() in tools/xl/xl_parse.c (Xen 4.17;
// p9 also as rewritten in 4.19): comma items of KEY=VALUE (leading spaces skipped); an item without
// `=` silently ends the spec; an unknown key makes xl exit.
import { versionNumber } from '../../options';
import { strtoul, toInt32 } from './c-numbers';
import { splitPairAtFirst, strtokItems, type SpecPiece } from './strtok';
import type { P9Json, PvcallsJson, SpecContext, SpecIssue, SpecResult, VtpmJson } from './types';

interface KeyValue { key: SpecPiece; value: SpecPiece; item: SpecPiece }

/** The items up to the first one without `=`, cut at their first `=`. */
function keyValues(spec: string): KeyValue[] {
  const out: KeyValue[] = [];
  for (const item of strtokItems(spec)) {
    const eq = item.text.indexOf('=');
    if (eq < 0) break;
    out.push({
      item,
      key: { text: item.text.slice(0, eq), start: item.start, end: item.start + eq },
      value: { text: item.text.slice(eq + 1), start: item.start + eq + 1, end: item.end },
    });
  }
  return out;
}

function fatal<T>(start: number, end: number, message: string, code: string, before: SpecIssue[] = []): SpecResult<T> {
  return { device: null, issues: [...before, { severity: 'error', message, start, end, code }], fatal: true };
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** One `vtpm=[...]` element: backend (required) and uuid. */
export function parseVtpmSpec(spec: string, ctx: SpecContext): SpecResult<VtpmJson> {
  let backend: string | undefined;
  let uuid: string | undefined;
  for (const { key, value } of keyValues(spec)) {
    if (key.text === 'backend') backend = value.text;
    else if (key.text === 'uuid') {
      if (!UUID_RE.test(value.text)) return fatal(value.start, value.end, `Failed to parse vtpm UUID: ${value.text}`, 'vtpm-bad-uuid');
      uuid = value.text.toLowerCase();
    } else return fatal(key.start, key.end, `Unknown string \`${key.text}' in vtpm spec`, 'vtpm-unknown');
  }
  if (backend === undefined) return fatal(0, spec.length, 'vtpm spec missing required backend field!', 'vtpm-no-backend');
  const out: VtpmJson = { backend_domname: backend, devid: ctx.index };
  if (uuid !== undefined && uuid !== '00000000-0000-0000-0000-000000000000') out.uuid = uuid;
  return { device: out, issues: [], fatal: false };
}

/**
 * What an earlier p9 element left behind: xl keeps tag, security_model, path and backend in
 * variables shared by the whole list, so a later element inherits the fields it does not set.
 */
export interface P9Carry { tag?: string; security_model?: string; path?: string; backend?: string }

/**
 * One `p9=[...]` element: tag, security_model, path (all required, possibly inherited from the
 * previous elements through `carry`, which is updated) and backend. xl prints no devid for p9s.
 */
export function parseP9Spec(spec: string, ctx: SpecContext, carry: P9Carry = {}): SpecResult<P9Json> {
  if (versionNumber(ctx.options.xenVersion) >= 419) return parseP9SpecSince419(spec, ctx);
  for (const { key, value } of keyValues(spec)) {
    if (key.text === 'security_model') carry.security_model = value.text;
    else if (key.text === 'path') carry.path = value.text;
    else if (key.text === 'tag') carry.tag = value.text;
    else if (key.text === 'backend') carry.backend = value.text;
    else return fatal(key.start, key.end, `Unknown string \`${key.text}' in 9pfs spec`, 'p9-unknown');
  }
  if (carry.path === undefined || carry.security_model === undefined || carry.tag === undefined) {
    return fatal(0, spec.length, '9pfs spec missing required field!', 'p9-missing-field');
  }
  const out: P9Json = {};
  if (carry.backend !== undefined) out.backend_domname = carry.backend;
  out.tag = carry.tag;
  out.path = carry.path;
  out.security_model = carry.security_model;
  return { device: out, issues: [], fatal: false };
}

/** One `pvcalls=[...]` element: backend only. */
export function parsePvcallsSpec(spec: string, ctx: SpecContext): SpecResult<PvcallsJson> {
  let backend: string | undefined;
  for (const { key, value } of keyValues(spec)) {
    if (key.text === 'backend') backend = value.text;
    else return fatal(key.start, key.end, `Unknown string \`${key.text}' in pvcalls spec`, 'pvcalls-unknown');
  }
  const out: PvcallsJson = {};
  if (backend !== undefined) out.backend_domname = backend;
  out.devid = ctx.index;
  return { device: out, issues: [], fatal: false };
}

const P9_TYPES = ['unknown', 'qemu', 'xen_9pfsd'];

/**
 * p9 as Xen 4.19+ reads it: pairs cut at the first `=` and trimmed, no inheritance between elements,
 * no required field; `type=xen_9pfsd` without a path gets XEN_LOG_DIR/guests/NAME.
 */
export function parseP9SpecSince419(spec: string, ctx: SpecContext): SpecResult<P9Json> {
  const items = strtokItems(spec, ',', false);
  if (items.length === 0) return fatal(0, spec.length, 'xl crashes on a p9 spec with no items (segmentation fault)', 'p9-xl-crash');
  const out: P9Json = {};
  const ints: Record<string, number> = {};
  let type = 'unknown';
  let autoDelete = false;
  const f: Record<string, string> = {};
  for (const item of items) {
    const pair = splitPairAtFirst(item);
    if (!pair) return fatal(item.start, item.end, `failed to parse 9pfs configuration: ${item.text}`, 'p9-bad-item');
    const [key, value] = pair;
    switch (key.text) {
      case 'security_model': case 'path': case 'tag': f[key.text] = value.text; break;
      case 'backend': f.backend_domname = value.text; break;
      case 'type': {
        const t = value.text.toLowerCase();
        if (!P9_TYPES.includes(t)) return fatal(value.start, value.end, `failed to parse 9pfs type: ${value.text}`, 'p9-bad-type');
        type = t;
        break;
      }
      case 'max-files': case 'max-open-files': case 'max-space': {
        const n = strtoul(value.text, 10);
        if (n.end === 0 || n.value === (1n << 64n) - 1n) return fatal(value.start, value.end, `xl: failed to convert "${value.text}" to number`, 'p9-not-a-number');
        ints[key.text.replace(/-/g, '_')] = toInt32(n.value);
        break;
      }
      case 'auto-delete': autoDelete = strtoul(value.text, 0).value !== 0n; break;
      default: return fatal(key.start, key.end, `Unknown 9pfs parameter '${key.text}'`, 'p9-unknown');
    }
  }
  if (type === 'xen_9pfsd' && f.path === undefined) f.path = `/var/log/xen/guests/${ctx.guestName ?? ''}`;
  for (const k of ['backend_domname', 'tag', 'path', 'security_model']) if (f[k] !== undefined) out[k] = f[k];
  if (type !== 'unknown') out.type = type;
  for (const k of ['max_space', 'max_files', 'max_open_files']) if (ints[k]) out[k] = ints[k];
  if (autoDelete) out.auto_delete = true;
  return { device: out, issues: [], fatal: false };
}
