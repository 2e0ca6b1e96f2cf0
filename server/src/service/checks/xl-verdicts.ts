// xl's own verdicts (the domain model's findings) as the checks pass them on: corrected for the
// target release (xen-version.ts), a boolean written as a word explained (values.ts); and the fixes
// of xl's codes that have one.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { CheckHandler } from './fix';
import { booleanWord } from './values';
import { xlFindingsForTarget } from './xen-version';
import { quoted, replaceValue } from '../syntax/edits';
import { guestNameFromFile } from '../text/guest-name';

export function xlVerdicts(a: CheckContext): Finding[] {
  return xlFindingsForTarget(a, a.xl?.findings ?? []).map((f) => booleanWord(a, f));
}

export const handler: CheckHandler = {
  kind: 'fixes',
  fixes: {
    'xl-name-missing': (a) => (a.effective.has('name') ? [] : [{
      title: 'Add a `name` for the guest', edits: [{ start: 0, end: 0, newText: `name = ${quoted(guestNameFromFile(a.options.sourceName))}\n` }], preferred: true,
    }]),
    'xl-unknown-dm-version': (a) => {
      const s = a.effective.get('device_model_version');
      return s ? [{ title: 'Use device_model_version = "qemu-xen"', edits: [replaceValue(s, '"qemu-xen"')], preferred: true }] : [];
    },
  },
};
