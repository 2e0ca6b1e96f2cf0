// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data's cpuid= handling: a list is read in
// the xend form, a string must start with "host" followed by flag=value items. Bad items are
// reported (two lines each) and skipped; xl does not exit.
import { listItem } from './accessors';
import { CpuidPolicy } from './cpuid-policy';
import type { ParseState } from './parse-state';
import { strtokAll } from './xl-strings';

const XEND_ERRORS: Record<number, string> = {
  1: 'illegal leaf number', 2: 'illegal subleaf number', 3: 'missing colon',
  4: 'invalid register name (must be e[abcd]x)', 5: 'policy string must be exactly 32 characters long',
};
const FLAG_ERRORS: Record<number, string> = {
  1: 'missing "=" in key=value', 2: 'unknown CPUID flag name', 3: 'illegal CPUID value (must be: [0|1|x|k|s])',
};

export function parseCpuid(st: ParseState): void {
  const policy = new CpuidPolicy();
  const report = (first: string, second: string) => {
    st.report.print(`${first}\n`);
    st.report.line(`  ${second}`, { ...st.at('cpuid', 'xl-invalid-cpuid'), severity: 'warning' }, `${first}\n  ${second}`);
  };
  const list = st.cfg.getList('cpuid', true);
  if (list.ok) {
    for (let i = 0; ; i++) {
      const item = listItem(list.value, i);
      if (item === null) break;
      const e = policy.parseXend(item);
      if (e) report(`while parsing CPUID line: "${item}":`, `error #${e}: ${XEND_ERRORS[e] ?? 'unknown error'}`);
    }
  } else if (list.errno === 'EINVAL') {
    const s = st.cfg.getString('cpuid');
    if (s.ok) {
      const words = strtokAll(s.value, ',');
      if (words.length > 0) {
        if (words[0] !== 'host') {
          report(`while parsing CPUID string: "${s.value}":`, 'error: first word must be "host"');
        } else {
          for (const p of words.slice(1)) {
            const e = policy.parseFlag(p);
            if (e) report(`while parsing CPUID flag: "${p}":`, `error #${e}: ${FLAG_ERRORS[e] ?? 'unknown error'}`);
          }
        }
      }
    }
  }
  const json = policy.toJson();
  if (json) st.b.cpuid = json;
}
