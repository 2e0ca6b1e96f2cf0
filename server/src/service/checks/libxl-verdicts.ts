// libxl's verdicts as findings: what libxl logs while applying its defaults (libxl_create.c) and while
// building the device model's command line (libxl_dm.c). A refusal is an error on the setting to
// change, quoting libxl; a warning keeps libxl's words. dm_restrict with qemu-xen-traditional has its
// own check (dm-restrict.ts).
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import type { LibxlMessage } from '../defaults';
import type { DmLine } from '../devicemodel';
import { diskItemNaming } from '../syntax/disk-items';
import { relatedFor, spanForKeys } from './spans';
import type { CheckHandler } from './fix';
import { insertLineAfter } from '../syntax/edits';

declare module './codes' {
  interface FindingData {
    'libxl-refuses': {
      readonly libxlMessage: string; readonly libxlFunction: string; readonly keys: readonly string[];
      /** The refusal a fix can repair (a stubdomain without device_model_version, Xen 4.21+). */
      readonly fix?: 'stubdomain-qemu-xen';
    };
  }
}

function finding(a: CheckContext, keys: readonly string[], severity: Finding['severity'], code: string, message: string, libxlText: string, fn: string, vdev?: string): Finding {
  const at = spanForKeys(a, keys);
  const span = (at.key === 'disk' && vdev !== undefined && diskItemNaming(a.effective.get('disk'), vdev)) || at.span;
  const related = relatedFor(a, keys, at.key, (k) => `\`${k}\` is involved`);
  // The fields in the order a spread would give them, without its slow generic path (hundreds of
  // these on a config with many disks).
  const f: Finding = Object.assign({}, span, { code, severity, message });
  if (related.length) Object.assign(f, { related });
  return Object.assign(f, { data: { libxlMessage: libxlText, libxlFunction: fn, keys: [...keys] } });
}

function refusal(text: string, ours?: boolean): string {
  return ours
    ? `libxl would fail on this when the guest starts (${text})`
    : `libxl refuses this configuration when the guest starts (xl create fails): ${text}`;
}

/**
 * Xen 4.21+: a stubdomain with no device_model_version is refused, because libxl's probe for qemu-xen
 * has no dom0 binary to check for a stubdomain. Said in words, with the line that fixes it.
 */
function stubdomainWithoutVersion(a: CheckContext, m: LibxlMessage): Finding | null {
  const stub = a.effective.get('device_model_stubdomain_override');
  if (m.reason !== 'unknown-dm-version' || !stub || a.effective.has('device_model_version')) return null;
  const f = finding(a, ['device_model_stubdomain_override'], 'error', 'libxl-refuses',
    `${refusal(m.text)} — from Xen 4.21 a stubdomain needs \`device_model_version = "qemu-xen"\` written out (libxl has no dom0 qemu to probe for it).`,
    m.text, m.function);
  return { ...f, data: { ...f.data, fix: 'stubdomain-qemu-xen' } };
}

function fromDefaults(a: CheckContext, m: LibxlMessage, next?: LibxlMessage): Finding | null {
  if (m.secondary || m.level === 'info') return null;
  const stub = m.level === 'error' ? stubdomainWithoutVersion(a, m) : null;
  if (stub) return stub;
  if (m.level === 'error' && m.ours && next?.secondary) {
    // libxl itself only prints the follow-up line; our explanation goes with it.
    const text = `${next.text} (${m.text})`;
    return finding(a, m.keys, 'error', 'libxl-refuses', refusal(text), next.text, next.function, next.vdev ?? m.vdev);
  }
  if (m.level === 'error') return finding(a, m.keys, 'error', 'libxl-refuses', refusal(m.text, m.ours), m.text, m.function, m.vdev);
  return finding(a, m.keys, 'warning', 'libxl-warning', `libxl warns when the guest starts: ${m.text}`, m.text, m.function, m.vdev);
}

export function libxlVerdicts(a: CheckContext): Finding[] {
  const d = a.libxl;
  if (!d) return [];
  const out: Finding[] = [];
  for (let i = 0; i < d.messages.length; i++) {
    const f = fromDefaults(a, d.messages[i]!, d.messages[i + 1]);
    if (f) out.push(f);
  }
  if (!d.resolved) return out; // the device-model stage repeats the defaults' refusal
  const dm = a.deviceModel;
  if (!dm) return out;
  for (const l of dm.lines) out.push(fromDm(a, l, 'warning', 'libxl-warning', `libxl warns when the guest starts: ${l.text}`));
  if (dm.outcome === 'crash' && dm.crash) {
    out.push(finding(a, ['device_model_stubdomain_override', 'vfb', 'disk', 'channel', 'p9', 'usbctrl'], 'error', 'libxl-crashes', dm.crash, dm.crash, 'libxl__spawn_local_dm'));
  }
  const f = dm.outcome === 'error' ? dm.failure : undefined;
  if (f && f.reason !== 'dm-restrict-traditional') {
    // The error lines libxl logs just before its refusal say why: part of the same finding.
    const why = (dm.failureContext ?? []).map((l) => l.text);
    const message = why.length ? `${refusal(f.text)} — libxl logged first: ${why.join('; ')}` : refusal(f.text);
    out.push(fromDm(a, f, 'error', 'libxl-refuses', message));
  }
  return out;
}

function fromDm(a: CheckContext, l: DmLine, severity: Finding['severity'], code: string, message: string): Finding {
  return finding(a, l.keys, severity, code, message, l.text, l.function, l.vdev);
}

export const handler: CheckHandler = {
  kind: 'libxl', check: libxlVerdicts,
  fixes: {
    'libxl-refuses': (a, f) => {
      const stub = a.effective.get('device_model_stubdomain_override');
      if (f.data.fix !== 'stubdomain-qemu-xen' || !stub) return [];
      return [{ title: 'Add device_model_version = "qemu-xen" (a Linux stubdomain)', edits: [insertLineAfter(a, stub, 'device_model_version = "qemu-xen"')], preferred: true }];
    },
  },
};
