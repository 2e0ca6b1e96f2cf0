// Every check after a successful parse: xl's own verdicts (from the domain model), libxl's (from
// its defaults and the device-model builder), and ours. Each family lives in its own file.
import type { Finding } from '../finding';
import type { Analysis } from '../analyze';

export function runChecks(a: Analysis): Finding[] {
  return [...(a.xl?.findings ?? [])];
}
