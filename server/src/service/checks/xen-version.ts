// The target Xen release (setting xlcfg.xenVersion or `# xlcfg: xen=X.Y`): keys and values that xl
// of that release does not know. The xl and libxl models follow Xen 4.17; this file is the one place
// that corrects their verdicts for other releases.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { keyStatusIn, lookupKey, sinceText, valueAllowedIn } from '../catalogue';
import { statementSpan, writtenSpan } from './spans';
import { has } from '../util/lists';
import { guestType } from '../model/domain-view';
import { fileKeys } from './file-keys';

const MODEL_VERSION = '4.17';

export function xenVersionChecks(a: CheckContext): Finding[] {
  const version = a.options.xenVersion;
  const type = guestType(a.xl?.config);
  const out: Finding[] = [];
  for (const { name, setting: i } of fileKeys(a.parsed).known) {
    const status = keyStatusIn(name, version)!;
    const s = a.parsed.settingAt(i);
    if (status.status === 'absent' || status.status === 'removed') {
      const when = status.status === 'absent' ? `it was added in Xen ${sinceText(status.since)}` : `it was dropped after Xen ${status.until}`;
      out.push({
        ...statementSpan(s), code: 'key-not-in-version', severity: 'warning',
        message: `xl of Xen ${version} does not read \`${name}\` (${when}) and ignores it.`,
        data: { key: name, version, since: status.since },
      });
      continue;
    }
    if (s.value.type !== 'string') continue;
    const v = valueAllowedIn(name, s.value.value, version, type);
    if (v.allowed || (v.reason !== 'not-yet' && v.reason !== 'removed')) continue;
    if (name === 'device_model_version') {
      const text = `Unknown device_model_version "${s.value.value}" specified`;
      out.push({
        ...writtenSpan(s), code: 'xl-unknown-dm-version', severity: 'error',
        message: `${text} — qemu-xen-traditional was removed in Xen 4.21; use "qemu-xen".`,
        data: { key: name, xlMessage: text, version },
      });
      continue;
    }
    // libxl's own refusal of this key when it builds the domain is the error (domain-build.ts)
    if (a.libxl?.resolved && a.libxl.buildRefusals.some((m) => has(m.keys, name))) continue;
    const when = v.reason === 'not-yet' ? `it exists from Xen ${v.since}` : `it was dropped after Xen ${v.until}`;
    out.push({
      ...writtenSpan(s), code: 'value-not-in-version', severity: 'warning',
      message: `Xen ${version} does not know \`${name} = "${s.value.value}"\` (${when}); xl or libxl will refuse it.`,
      data: { key: name, value: s.value.value, version },
    });
  }
  return out;
}

/**
 * The 4.17 model's findings, minus those that do not hold for the target release: a value the
 * model refuses that the target knows (tee="ffa" in 4.18+).
 */
export function xlFindingsForTarget(a: CheckContext, findings: readonly Finding[]): Finding[] {
  if (a.options.xenVersion === MODEL_VERSION) return [...findings];
  const type = guestType(a.xl?.config);
  return findings.filter((f) => {
    if (f.severity !== 'error' || typeof f.data?.key !== 'string') return true;
    const key = f.data.key;
    const s = a.effective.get(key);
    if (!s || s.value.type !== 'string' || !lookupKey(key)) return true;
    const now = valueAllowedIn(key, s.value.value, a.options.xenVersion, type);
    const then = valueAllowedIn(key, s.value.value, MODEL_VERSION, type);
    return !(now.allowed && !then.allowed);
  });
}
