// Mirrors the vtpm, p9 and pvcalls loops of parse_config_data() in tools/xl/xl_parse.c (Xen 4.17):
// comma items of KEY=VALUE (leading spaces skipped); an item without `=` silently ends the spec;
// an unknown key makes xl exit.
import { strtokItems, type SpecPiece } from './strtok';
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
export function parseP9Spec(spec: string, _ctx: SpecContext, carry: P9Carry = {}): SpecResult<P9Json> {
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
