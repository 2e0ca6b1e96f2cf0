// Mirrors xlu_pci_parse_spec_string() in tools/libs/util/libxlu_pci.c and the pci loop of
// parse_config_data() in tools/xl/xl_parse.c (Xen 4.17): `[[DDDD:]BB:DD.F[@VSLOT]][,KEY=VALUE...]`
// becomes a libxl_device_pci. Any failure makes xl exit; libxlutil's own complaint has no newline,
// so it runs into xl's `unable to parse PCI_SPEC_STRING ...` on the same stderr line.
import { atoi, strtoul, toUint32 } from './c-numbers';
import type { SpecPiece } from './strtok';
import type { PciJson, SpecContext, SpecResult } from './types';

/** The global pci_* keys and rdm= policy that every device starts from (xl's defaults: all off). */
export interface PciDefaults {
  msitranslate?: boolean;
  power_mgmt?: boolean;
  permissive?: boolean;
  seize?: boolean;
  /** b_info rdm policy: 'strict' | 'relaxed' (absent = libxl's `invalid`, not printed). */
  rdm_policy?: string;
}

const FUNC_ALL = 0xffffffff;

interface PciState {
  func: number; dev: number; bus: number; domain: number; vdevfn: number; vfunc_mask: number;
  msitranslate: boolean; power_mgmt: boolean; permissive: boolean; seize: boolean;
  rdm_policy?: string; name?: string;
}

/** sscanf's `%x`: like strtoul base 16, stored in an unsigned int. */
function scanHex(s: string, pos: number): { value: number; end: number } | null {
  const n = strtoul(s, 16, pos);
  if (n.end === pos) return null;
  return { value: toUint32(n.value), end: n.end };
}

/**
 * parse_bdf: `[DDDD:]BB:DD.F` or `...DD.*`; returns the end index, or null (nothing changed), or
 * 'unset-n' when every number scanned but the `.` is missing: sscanf then leaves its %n unset, xl
 * carries on from a garbage position: undefined; the spec is refused, with or without an
 * `Unknown PCI_SPEC_STRING option` line before xl's own (both seen).
 */
function parseBdf(pci: PciState, s: string, start: number): number | null | 'unset-n' {
  let colons = 0;
  for (let i = start; i < s.length && /[0-9a-fA-F:]/.test(s[i]!); i++) if (s[i] === ':') colons++;
  if (colons !== 1 && colons !== 2) return null;
  const fields: number[] = [];
  let p = start;
  for (let i = 0; i < colons + 1; i++) {
    const h = scanHex(s, p);
    if (!h) return null;
    fields.push(h.value);
    p = h.end;
    const sep = i < colons ? ':' : '.';
    if (s[p] !== sep) return sep === '.' ? 'unset-n' : null;
    p++;
  }
  const [domain, bus, dev] = colons === 2 ? fields as [number, number, number] : [0, fields[0]!, fields[1]!];
  if (domain > 0xffff || bus > 0xff || dev > 0x1f) return null;
  let func: number;
  let mask: number;
  if (s[p] === '*') { func = 0; mask = FUNC_ALL; p++; }
  else {
    const h = scanHex(s, p);
    if (!h || h.value > 7) return null;
    func = h.value; mask = 1; p = h.end;
  }
  Object.assign(pci, { domain, bus, dev, func, vfunc_mask: mask });
  return p;
}

/** parse_vslot: `%x`, at most 0x1f; returns the end index or null. */
function parseVslot(pci: PciState, s: string, start: number): number | null {
  const h = scanHex(s, start);
  if (!h || h.value > 0x1f) return null;
  pci.vdevfn = h.value << 3;
  return h.end;
}

function toJson(p: PciState): PciJson {
  const out: PciJson = {};
  if (p.func) out.func = p.func;
  if (p.dev) out.dev = p.dev;
  if (p.bus) out.bus = p.bus;
  if (p.domain) out.domain = p.domain;
  if (p.vdevfn) out.vdevfn = p.vdevfn;
  if (p.vfunc_mask) out.vfunc_mask = p.vfunc_mask;
  if (p.msitranslate) out.msitranslate = true;
  if (p.power_mgmt) out.power_mgmt = true;
  if (p.permissive) out.permissive = true;
  if (p.seize) out.seize = true;
  if (p.rdm_policy !== undefined && p.rdm_policy !== 'invalid') out.rdm_policy = p.rdm_policy;
  if (p.name !== undefined) out.name = p.name;
  return out;
}

/** Parses one `pci=[...]` element; `defaults` are the global pci_* / rdm settings. */
export function parsePciSpec(spec: string, ctx: SpecContext, defaults: PciDefaults = ctx.pciDefaults ?? {}): SpecResult<PciJson> {
  const pci: PciState = {
    func: 0, dev: 0, bus: 0, domain: 0, vdevfn: 0, vfunc_mask: 0,
    msitranslate: !!defaults.msitranslate, power_mgmt: !!defaults.power_mgmt,
    permissive: !!defaults.permissive, seize: !!defaults.seize,
    // xl copies b_info->u.hvm.rdm.policy even for PV/PVH guests, where that union slot holds 0:
    // libxl's `strict`.
    rdm_policy: defaults.rdm_policy ?? (ctx.guestType === 'hvm' ? undefined : 'strict'),
  };
  const fail = (at: SpecPiece | null, prefix = '', code = 'pci-bad-spec', undefinedOutcome = false): SpecResult<PciJson> => ({
    device: null,
    fatal: true,
    issues: [{
      severity: 'error',
      message: `${prefix}unable to parse PCI_SPEC_STRING \`${spec}' for passthrough`,
      start: at ? at.start : 0,
      end: at ? at.end : spec.length,
      code,
      ...(undefinedOutcome ? { undefinedOutcome } : {}),
    }],
  });
  let bdfPresent = false;
  let namePresent = false;
  let p = 0;
  const bdfEnd = parseBdf(pci, spec, 0);
  if (bdfEnd === 'unset-n') return fail({ text: '', start: 0, end: spec.indexOf(',') < 0 ? spec.length : spec.indexOf(',') }, '', 'pci-bad-bdf', true);
  if (bdfEnd !== null) {
    bdfPresent = true;
    p = bdfEnd;
    if (spec[p] === '@') {
      const vEnd = parseVslot(pci, spec, p + 1);
      if (vEnd === null) return fail({ text: '', start: p, end: Math.max(p + 1, spec.indexOf(',', p) < 0 ? spec.length : spec.indexOf(',', p)) }, '', 'pci-bad-vslot');
      p = vEnd;
    }
    if (spec[p] === ',') p++;
    else if (p < spec.length) return fail({ text: '', start: p, end: spec.length }, '', 'pci-bad-bdf');
  }
  while (p < spec.length) {
    const eq = spec.indexOf('=', p);
    if (eq < 0) return fail({ text: '', start: p, end: spec.length }, '', 'pci-bad-item');
    const comma = spec.indexOf(',', eq + 1);
    const valEnd = comma < 0 ? spec.length : comma;
    const key: SpecPiece = { text: spec.slice(p, eq), start: p, end: eq };
    const val: SpecPiece = { text: spec.slice(eq + 1, valEnd), start: eq + 1, end: valEnd };
    p = comma < 0 ? spec.length : comma + 1;
    switch (key.text) {
      case 'bdf': {
        const end = parseBdf(pci, val.text, 0);
        if (end === null || end === 'unset-n') return fail(val, '', 'pci-bad-bdf', end === 'unset-n');
        bdfPresent = true;
        break;
      }
      case 'vslot': if (parseVslot(pci, val.text, 0) === null) return fail(val, '', 'pci-bad-vslot'); break;
      case 'permissive': pci.permissive = atoi(val.text) !== 0; break;
      case 'msitranslate': pci.msitranslate = atoi(val.text) !== 0; break;
      case 'seize': pci.seize = atoi(val.text) !== 0; break;
      case 'power_mgmt': pci.power_mgmt = atoi(val.text) !== 0; break;
      case 'rdm_policy': {
        const policy = val.text.toLowerCase();
        if (policy !== 'strict' && policy !== 'relaxed' && policy !== 'invalid') {
          return fail(val, `Unknown RDM policy: ${val.text}`, 'pci-bad-rdm-policy');
        }
        pci.rdm_policy = policy;
        break;
      }
      case 'name': namePresent = true; pci.name = val.text; break;
      default: return fail(key, `Unknown PCI_SPEC_STRING option: ${key.text}`, 'pci-unknown-option');
    }
  }
  if (bdfPresent === namePresent) return fail(null, '', bdfPresent ? 'pci-bdf-and-name' : 'pci-no-bdf');
  return { device: toJson(pci), issues: [], fatal: false };
}
