// dm_restrict (QEMU deprivileging) against the device model libxl would really start: the refusal
// with qemu-xen-traditional (libxl_dm.c, libxl__build_device_model_args_old, Xen 4.10+) and the
// cases where the restriction is weaker than it looks or does nothing.
import type { Finding, RelatedSpan } from '../finding';
import type { CheckContext } from './context';
import { defboolVal, domainView, guestType, list } from '../model/domain-view';
import { setting, statementSpan, stringValue } from './spans';
import type { CheckFinding, CheckHandler, Fix, FixContext } from './fix';
import { insertLineAfter, removeStatement, replaceValue } from '../syntax/edits';

declare module './codes' {
  interface FindingData {
    'dm-restrict-traditional': { readonly libxlMessage: string; readonly cause: TraditionalCause; readonly type: string };
  }
}

/** How qemu-xen-traditional came to be chosen, for the message and the quick fixes. */
export type TraditionalCause = 'written' | 'stubdomain' | 'default';

export function dmRestrictOn(a: CheckContext): boolean {
  return defboolVal(domainView(a.libxl?.resolved ?? a.xl?.config).bInfo, 'dm_restrict');
}

function traditionalRefusal(a: CheckContext): CheckFinding<'dm-restrict-traditional'> | null {
  const dm = a.deviceModel;
  const failure = dm?.outcome === 'error' ? dm.failure : undefined;
  if (!a.libxl?.resolved || failure?.reason !== 'dm-restrict-traditional') return null;
  const restrict = setting(a, 'dm_restrict');
  const version = setting(a, 'device_model_version');
  const stub = setting(a, 'device_model_stubdomain_override');
  const related: RelatedSpan[] = [];
  let cause: TraditionalCause = 'default';
  if (version && stringValue(version) === 'qemu-xen-traditional') {
    cause = 'written';
    related.push({ ...statementSpan(version), message: 'qemu-xen-traditional is chosen here' });
  } else if (stub) {
    cause = 'stubdomain';
    related.push({ ...statementSpan(stub), message: 'a stubdomain without device_model_version makes libxl choose qemu-xen-traditional' });
  }
  const why = cause === 'stubdomain'
    ? ' qemu-xen-traditional is implied: libxl picks it for a stubdomain when device_model_version is not set.'
    : cause === 'default' ? ' libxl chose qemu-xen-traditional because qemu-xen is not available.' : '';
  const span = restrict ? statementSpan(restrict) : (version ? statementSpan(version) : { start: 0, end: 0 });
  return {
    ...span, code: 'dm-restrict-traditional', severity: 'error',
    message: `libxl refuses this when the guest starts (xl create fails): ${failure.text}.${why}`,
    ...(related.length ? { related } : {}),
    data: { libxlMessage: failure.text, cause, type: guestType(a.xl?.config) ?? 'pv' },
  };
}


/** The hints and warnings around dm_restrict when libxl accepts the config. */
function weakRestriction(a: CheckContext): Finding[] {
  const dm = a.deviceModel;
  const restrict = setting(a, 'dm_restrict');
  if (!restrict || !dm || dm.outcome === 'error' || !a.libxl?.resolved || !dmRestrictOn(a)) return [];
  const span = statementSpan(restrict);
  // xl always writes a type (PV, its default, when none is given).
  const type = guestType(a.xl?.config) ?? 'pv';
  const out: Finding[] = [];
  if (type !== 'hvm' && dm.outcome === 'no_device_model') {
    out.push({
      ...span, code: 'dm-restrict-no-effect', severity: 'hint', tags: ['unnecessary'],
      message: `dm_restrict has no effect here: this ${type.toUpperCase()} guest needs no device model (no framebuffer, qcow/qdisk disk, channel, ...), so no QEMU runs for it.`,
    });
  } else if (type !== 'hvm' && dm.outcome === 'spawn') {
    out.push({
      ...span, code: 'dm-restrict-pv-root', severity: 'warning',
      message: `This ${type.toUpperCase()} guest's QEMU still runs as root: libxl adds \`-runas\` only for HVM guests, so dm_restrict only chroots it and restricts its Xen handles.`,
    });
  }
  if (dm.outcome === 'stubdom') {
    out.push({
      ...span, code: 'dm-restrict-stubdomain', severity: 'hint',
      message: 'dm_restrict has no documented effect on a QEMU that runs in a stubdomain: the stubdomain already confines it.',
    });
  }
  const r = a.libxl.resolved;
  if (list(r, 'pcidevs').length > 0) {
    const pci = setting(a, 'pci');
    out.push({
      ...span, code: 'dm-restrict-pci', severity: 'hint',
      message: 'dm_restrict does not make PCI passthrough safe: a device passed through can still reach what QEMU cannot.',
      ...(pci ? { related: [{ ...statementSpan(pci), message: 'PCI devices passed through' }] } : {}),
    });
  }
  return out;
}

export function dmRestrictChecks(a: CheckContext): Finding[] {
  const refusal = traditionalRefusal(a);
  return refusal ? [refusal] : weakRestriction(a);
}

/** The fixes of the refusal, by how qemu-xen-traditional came to be chosen. */
function traditionalFixes(a: FixContext, f: CheckFinding<'dm-restrict-traditional'>): Fix[] {
  const restrict = a.effective.get('dm_restrict');
  const version = a.effective.get('device_model_version');
  const stub = a.effective.get('device_model_stubdomain_override');
  const out: Fix[] = [];
  if (f.data.cause === 'written' && version) {
    out.push({ title: 'Use qemu-xen: device_model_version = "qemu-xen"', edits: [replaceValue(version, '"qemu-xen"')], preferred: true });
    if (restrict) out.push({ title: 'Remove dm_restrict (keep qemu-xen-traditional, unrestricted)', edits: [removeStatement(a, restrict)] });
    return out;
  }
  if (f.data.cause === 'stubdomain' && stub) {
    if (restrict) out.push({ title: 'Remove dm_restrict (the stubdomain already confines qemu)', edits: [removeStatement(a, restrict)], preferred: true });
    out.push({ title: 'Drop device_model_stubdomain_override (qemu-xen in dom0, restricted)', edits: [removeStatement(a, stub)] });
    out.push({
      title: 'Use a qemu-xen stubdomain (needs the Linux stubdomain images; dm_restrict has no documented effect there)',
      edits: [insertLineAfter(a, stub, 'device_model_version = "qemu-xen"')],
    });
    return out;
  }
  if (restrict) out.push({ title: 'Remove dm_restrict', edits: [removeStatement(a, restrict)], preferred: true });
  return out;
}

export const handler: CheckHandler = { kind: 'libxl', check: dmRestrictChecks, fixes: { 'dm-restrict-traditional': traditionalFixes } };
