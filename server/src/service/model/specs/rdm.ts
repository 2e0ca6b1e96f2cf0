// Mirrors xlu_rdm_parse() in tools/libs/util/libxlu_pci.c and its use in parse_config_data()
// (Xen 4.17): `rdm="strategy=host,policy=strict|relaxed"` fills b_info's hvm rdm settings.
// Since 4.15 the policy check is inverted: a VALID policy makes the whole value be ignored, and
// an invalid one is reported but accepted. Fields xl never set come from an uninitialised stack
// variable; Debian's xl prints them as null in the dry-run JSON, as reproduced here.
// libxlutil prints these messages without a newline: the next stderr output joins their line.
import type { RdmJson, SpecContext, SpecIssue, SpecResult } from './types';

export function parseRdmSpec(spec: string, _ctx: SpecContext): SpecResult<RdmJson> {
  const issues: SpecIssue[] = [];
  const ignored = (): SpecResult<RdmJson> => ({ device: null, issues, fatal: false });
  let state: 'type' | 'strategy' | 'policy' | 'terminal' = 'type';
  let strategy: string | null = null;
  let tok = 0;
  const end = spec.length + 1; // the loop also visits the terminating NUL
  let p = 0;
  for (; p < end; p++) {
    const c = p < spec.length ? spec[p]! : '\0';
    if (state === 'type') {
      if (c === '=') {
        const name = spec.slice(tok, p);
        if (name === 'strategy') state = 'strategy';
        else if (name === 'policy') state = 'policy';
        else {
          issues.push({ severity: 'warning', message: `Unknown RDM state option: ${name}`, start: tok, end: p, code: 'rdm-unknown-option' });
          return ignored();
        }
        tok = p + 1;
      }
    } else if (state === 'strategy' || state === 'policy') {
      if (c === ',' || c === '\0') {
        const value = spec.slice(tok, p);
        if (state === 'strategy') {
          if (value !== 'host') {
            issues.push({ severity: 'warning', message: `Unknown RDM strategy option: ${value}`, start: tok, end: p, code: 'rdm-bad-strategy' });
            return ignored();
          }
          strategy = 'host';
        } else {
          const v = value.toLowerCase();
          if (v === 'strict' || v === 'relaxed' || v === 'invalid') {
            // The inverted test: a policy libxl knows ends the parse as an error, silently.
            return ignored();
          }
          issues.push({ severity: 'warning', message: `Unknown RDM policy: ${value}`, start: tok, end: p, code: 'rdm-bad-policy' });
        }
        state = c === ',' ? 'type' : 'terminal';
        tok = p + 1;
      }
    }
  }
  if (tok !== p || state !== 'terminal') return ignored();
  return { device: { strategy, policy: null }, issues, fatal: false };
}
