// Quick fixes for the checks' findings (checks/): each reads the finding's code and data back
// instead of re-deriving what the check knew.
import type { Analysis } from '../analyze';
import type { Finding } from '../finding';
import { insertLineAfter, quoted, removeStatement, replaceStatement, replaceValue, type Edit } from './code-actions-edits';
import type { Action } from './code-actions';

type Make = (title: string, edits: Edit[], o?: { preferred?: boolean; safe?: boolean }) => Action;

export function checkFixes(a: Analysis, f: Finding): Action[] {
  const make: Make = (title, edits, o = {}) => ({
    title, kind: 'quickfix', findingCodes: [f.code], edits,
    ...(o.preferred ? { isPreferred: true } : {}), ...(o.safe ? { safe: true } : {}),
  });
  switch (f.code) {
    case 'dm-restrict-traditional': return dmRestrictTraditional(a, f, make);
    case 'unknown-key': {
      const s = suggestion(f);
      const setting = typeof f.data?.key === 'string' ? a.effective.get(f.data.key) : undefined;
      if (!s || !setting) return [];
      return [make(`Rename to \`${s}\``, [{ start: setting.keyStart, end: setting.keyEnd, newText: s }], { preferred: true })];
    }
    case 'xl-conf-unknown-key':
    case 'xl-conf-deprecated': {
      // xl.conf: the close known key, or the current name of an old one.
      const to = f.code === 'xl-conf-deprecated' ? f.data?.replacement : suggestion(f);
      const setting = typeof f.data?.key === 'string' ? a.effective.get(f.data.key) : undefined;
      if (typeof to !== 'string' || !setting) return [];
      return [make(`Rename to \`${to}\``, [{ start: setting.keyStart, end: setting.keyEnd, newText: to }], { preferred: true })];
    }
    case 'deprecated-key': return deprecatedKey(a, f, make);
    case 'boolean-as-word': {
      const key = f.data?.key as string | undefined;
      const s = key ? a.effective.get(key) : undefined;
      const r = f.data?.replacement as string | undefined;
      return s && r ? [make(`Write ${r}`, [replaceValue(s, r)], { preferred: true, safe: true })] : [];
    }
    case 'xl-name-missing': return a.effective.has('name') ? [] : [make('Add a `name` for the guest', [{ start: 0, end: 0, newText: `name = ${quoted(guestName(a))}\n` }], { preferred: true })];
    case 'libxl-refuses': {
      const stub = a.effective.get('device_model_stubdomain_override');
      if (f.data?.fix !== 'stubdomain-qemu-xen' || !stub) return [];
      return [make('Add device_model_version = "qemu-xen" (a Linux stubdomain)', [insertLineAfter(a, stub, 'device_model_version = "qemu-xen"')], { preferred: true })];
    }
    case 'xl-unknown-dm-version': {
      const s = a.effective.get('device_model_version');
      return s ? [make('Use device_model_version = "qemu-xen"', [replaceValue(s, '"qemu-xen"')], { preferred: true })] : [];
    }
    default: return [];
  }
}

function suggestion(f: Finding): string | undefined {
  const s = f.data?.suggestion;
  return typeof s === 'string' ? s : undefined;
}

/** A name for a config without one: the file's name without its extension. */
function guestName(a: Analysis): string {
  const base = a.options.sourceName.replace(/^.*[\\/]/, '').replace(/\.(cfg|conf|hvm|pv|xl)$/i, '');
  const clean = base.replace(/[^A-Za-z0-9_.-]/g, '-');
  return clean && clean !== 'xl' ? clean : 'guest';
}

function dmRestrictTraditional(a: Analysis, f: Finding, make: Make): Action[] {
  const restrict = a.effective.get('dm_restrict');
  const version = a.effective.get('device_model_version');
  const stub = a.effective.get('device_model_stubdomain_override');
  const cause = f.data?.cause;
  const out: Action[] = [];
  if (cause === 'written' && version) {
    out.push(make('Use qemu-xen: device_model_version = "qemu-xen"', [replaceValue(version, '"qemu-xen"')], { preferred: true }));
    if (restrict) out.push(make('Remove dm_restrict (keep qemu-xen-traditional, unrestricted)', [removeStatement(a, restrict)]));
    return out;
  }
  if (cause === 'stubdomain' && stub) {
    if (restrict) out.push(make('Remove dm_restrict (the stubdomain already confines qemu)', [removeStatement(a, restrict)], { preferred: true }));
    out.push(make('Drop device_model_stubdomain_override (qemu-xen in dom0, restricted)', [removeStatement(a, stub)]));
    out.push(make(
      'Use a qemu-xen stubdomain (needs the Linux stubdomain images; dm_restrict has no documented effect there)',
      [insertLineAfter(a, stub, 'device_model_version = "qemu-xen"')],
    ));
    return out;
  }
  if (restrict) out.push(make('Remove dm_restrict', [removeStatement(a, restrict)], { preferred: true }));
  return out;
}

function deprecatedKey(a: Analysis, f: Finding, make: Make): Action[] {
  const key = f.data?.key;
  const s = typeof key === 'string' ? a.effective.get(key) : undefined;
  if (!s) return [];
  const value = typeof f.data?.value === 'string' ? f.data.value : '';
  if (key === 'builder') {
    const target = value && 'generic'.startsWith(value) ? 'pv' : value && 'hvm'.startsWith(value) ? 'hvm' : undefined;
    if (!target) return [];
    const type = f.data?.type;
    if (typeof type === 'string') {
      return type && target.startsWith(type) ? [make('Remove `builder` (`type` already says it)', [removeStatement(a, s)], { preferred: true, safe: true })] : [];
    }
    return [make(`Replace with type = "${target}"`, [replaceStatement(s, `type = "${target}"`)], { preferred: true, safe: true })];
  }
  if (key === 'stdvga') {
    const on = /^(0x0*[1-9a-f]|0*[1-9])/i.test(value);
    if (f.data?.vgaSet || !on) return [make('Remove `stdvga`', [removeStatement(a, s)], { preferred: true, safe: true })];
    return [make('Replace with vga = "stdvga"', [replaceStatement(s, 'vga = "stdvga"')], { preferred: true, safe: true })];
  }
  return [];
}
