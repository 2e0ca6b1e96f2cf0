// libxl's refusals while it builds the domain (libxl__arch_domain_create, libxl_x86.c): after its
// defaults accepted the config and before it starts any device model. The defaults stage hands
// them on as data (DefaultsResult.buildRefusals); here each becomes an error on the key to change.
// The oracles never build a domain, so no golden shows these lines: the facts come from the source.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { CheckHandler } from './fix';
import { relatedFor, spanForKeys } from './spans';

export const LIBXL_BUILD_REFUSES = 'libxl-build-refuses';

export function domainBuildChecks(a: CheckContext): Finding[] {
  const refusals = a.libxl?.resolved ? a.libxl.buildRefusals : [];
  return refusals.map((m) => {
    const at = spanForKeys(a, m.keys);
    const related = relatedFor(a, m.keys, at.key, (k) => `\`${k}\` is involved`);
    return {
      ...at.span, code: LIBXL_BUILD_REFUSES, severity: 'error',
      message: `libxl refuses this configuration when it builds the domain (xl create fails): ${m.text}`,
      ...(related.length ? { related } : {}),
      data: { libxlMessage: m.text, libxlFunction: m.function, keys: [...m.keys] },
    } satisfies Finding;
  });
}

export const handler: CheckHandler = { kind: 'libxl', check: domainBuildChecks };
