// Inlay hints for what libxl decides silently: the device_model_version it picks when none is
// written, the memory it falls back to when `memory` is missing or ignored, the user dm_restrict
// runs qemu as, and the value a chain of `+=` adds up to. Each hint sits at the end of the statement
// it explains, and is read from the stages' outputs (nothing is decided here).
import type { Analysis } from '../analyze';
import { domainView, memkb, str } from '../model/domain-view';
import type { Setting, Value } from '../syntax/settings';

export interface InlayHintOut {
  /** Byte offset the hint is shown at (the end of a statement). */
  readonly offset: number;
  /** What is shown, without padding (the editor puts a space before it). */
  readonly label: string;
  /** What the hint means, in a sentence. */
  readonly tooltip: string;
}

const VERSION_NAMES: Record<string, string> = { qemu_xen: 'qemu-xen', qemu_xen_traditional: 'qemu-xen-traditional' };

function render(v: Value, max = 60): string {
  if (v.type === 'string') {
    const s = JSON.stringify(v.value);
    return s.length > max ? `${s.slice(0, max - 2)}…"` : s;
  }
  return `[${v.items.length} item${v.items.length === 1 ? '' : 's'}]`;
}

/** The statements xl reads, by name (the last assignment of each key). */
function read(a: Analysis, name: string): Setting | undefined {
  return a.effective.get(name);
}

export function inlayHints(a: Analysis): InlayHintOut[] {
  if (!a.parsed.accepted || !a.semantic) return [];
  const out: InlayHintOut[] = [];
  const xl = a.xl?.config;

  // `+=`: what xl reads once the chain is joined.
  for (const s of a.settings) {
    if (s.op !== '+=' || read(a, s.name) !== s) continue;
    out.push({ offset: s.end, label: `⇒ ${render(s.value, 40)}`, tooltip: `xl reads \`${s.name}\` as this: the \`+=\` chain joined onto the assignment it extends.` });
  }
  if (!xl) return out;
  const { bInfo: b, type } = domainView(xl);
  const dm = a.deviceModel;

  // device_model_version: implied, for an HVM guest that has a device model.
  const version = dm && dm.device_model_version !== 'unknown' ? dm.device_model_version : a.libxl?.deviceModelVersion;
  const stub = read(a, 'device_model_stubdomain_override');
  // Shown where the choice matters: a stub domain (traditional up to 4.20) or dm_restrict.
  if (type === 'hvm' && str(b, 'device_model_version') === undefined && version && version !== 'unknown' && (stub || read(a, 'dm_restrict'))) {
    const anchor = stub ?? read(a, 'type') ?? read(a, 'builder') ?? read(a, 'name');
    if (anchor) {
      out.push({
        offset: anchor.end,
        // Without spaces: 43 characters, VS Code's default editor.inlayHints.maximumLength.
        label: `device_model_version="${VERSION_NAMES[version] ?? version}"`,
        tooltip: stub
          ? 'Not written: libxl chooses this version for a guest whose device model runs in a stub domain.'
          : 'Not written: libxl chooses this version for an HVM guest.',
      });
    }
  }

  // memory: libxl's fallback when xl set none.
  const target = memkb(domainView(a.libxl?.resolved).bInfo, 'target_memkb');
  if (memkb(b, 'target_memkb') === undefined && target !== undefined) {
    const mem = read(a, 'memory');
    const anchor = mem ?? read(a, 'name');
    if (anchor) {
      out.push({
        offset: anchor.end,
        label: `memory = ${Math.round(target / 1024)}`,
        tooltip: mem ? 'xl ignores the value written here, so libxl uses its own default (MB).' : 'Not written: libxl uses its own default (MB).',
      });
    }
  }

  // dm_restrict: the user qemu will run as.
  const restrict = read(a, 'dm_restrict');
  if (restrict && dm && (dm.outcome === 'spawn' || dm.outcome === 'stubdom')) {
    const i = dm.argv.indexOf('-runas');
    const runWith = dm.argv.find((x) => x.startsWith('user='));
    const user = i >= 0 ? dm.argv[i + 1] : runWith?.slice('user='.length);
    if (user) {
      out.push({
        offset: restrict.end,
        label: `qemu runs as ${user}`,
        tooltip: `dm_restrict makes libxl start qemu as this user (uid:gid): ${i >= 0 ? '-runas' : '-run-with user='}${user} in its command line.`,
      });
    }
  }
  return out.sort((x, y) => x.offset - y.offset);
}
