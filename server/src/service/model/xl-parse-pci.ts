// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data: e820_host, the pci_* defaults, rdm=,
// pci=[...] (via the spec parsers), dtdev=[...] and passthrough=.
import { listItem } from './accessors';
import { defboolJson, enumFromString, PASSTHROUGH, type Json } from './libxl-json';
import type { ParseState } from './parse-state';
import { parsePciSpec, parseRdmSpec, type SpecResult } from './specs';
import { issueSpan, reportSpecIssues, specContext } from './xl-parse-spec-glue';

export function parsePciAndPassthrough(st: ParseState): void {
  const { cfg } = st;
  if (st.type === 'pv') {
    const e820 = cfg.getDefbool('e820_host');
    if (e820.ok) st.u.e820_host = defboolJson(e820.value);
  }
  const flags: Record<string, boolean> = {};
  for (const [key, field] of [['pci_msitranslate', 'msitranslate'], ['pci_power_mgmt', 'power_mgmt'],
    ['pci_permissive', 'permissive'], ['pci_seize', 'seize']] as const) {
    const r = cfg.getLong(key);
    if (r.ok) flags[field] = BigInt.asIntN(32, r.value) !== 0n;
  }

  const rdm = cfg.getString('rdm');
  if (rdm.ok) {
    const res = parseRdmSpec(rdm.value, specContext(st, 0));
    // libxlu_pci's messages end without a newline; xl reads rdm= for every guest type.
    for (const issue of res.issues) {
      const d = st.at('rdm', issue.code || 'xl-invalid-rdm');
      const written = cfg.find('rdm')?.written;
      st.report.partial(issue.message, { ...d, span: written ? issueSpan(written, issue.start, issue.end) : d.span, severity: 'warning' });
    }
    // Non-HVM guests get the values written over other union members; not modelled.
    if (res.device && st.type === 'hvm') {
      const target = st.u.rdm as Json;
      for (const k of ['strategy', 'policy']) if (k in res.device) target[k] = res.device[k];
      if ('policy' in res.device) st.rdmPolicy = res.device.policy as string | null;
    }
  }

  const pcis = cfg.getList('pci');
  if (pcis.ok) {
    delete st.d.pcidevs;
    for (let i = 0; ; i++) {
      const spec = listItem(pcis.value, i);
      if (spec === null) break;
      const res: SpecResult<Json> = parsePciSpec(spec, specContext(st, i));
      // libxlu_pci returns ERROR_FAIL (exit 3) for a bad rdm_policy, else ERROR_INVAL (exit 6).
      const status = res.issues.some((x) => x.message.startsWith('Unknown RDM policy')) ? 3 : 6;
      reportSpecIssues(st, 'pci', res, `unable to parse PCI_SPEC_STRING \`${spec}' for passthrough`, status, pcis.value.items[i]);
      const dev: Json = {};
      for (const [k, v] of Object.entries(flags)) {
        // An option in the spec overrides the global pci_* default, even when it sets 0 (which the
        // device JSON does not show).
        if (v && !new RegExp(`,\\s*${k}=`).test(spec)) dev[k] = true;
      }
      if (st.rdmPolicy !== undefined && st.rdmPolicy !== 'invalid') dev.rdm_policy = st.rdmPolicy;
      st.push('pcidevs', { ...dev, ...(res.device ?? {}) });
    }
    if (st.count('pcidevs') && st.type === 'pv') st.u.e820_host = defboolJson(true);
  }

  const dtdevs = cfg.getList('dtdev');
  if (dtdevs.ok) {
    for (let i = 0; ; i++) {
      const path = listItem(dtdevs.value, i);
      if (path === null) break;
      st.push('dtdevs', { path });
    }
  }

  const pt = cfg.getString('passthrough');
  if (pt.ok) {
    const v = enumFromString(PASSTHROUGH, pt.value);
    if (v === null) st.fail('passthrough', `ERROR: unknown passthrough option '${pt.value}'`, 1, 'xl-invalid-value');
    if (v) st.c.passthrough = PASSTHROUGH[v as keyof typeof PASSTHROUGH];
  }
}
