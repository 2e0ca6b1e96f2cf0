// dm_restrict (QEMU deprivileging) against the device model libxl would really start: the refusal
// with qemu-xen-traditional (libxl_dm.c, libxl__build_device_model_args_old, Xen 4.10+) and the
// cases where the restriction is weaker than it looks or does nothing.
import type { Finding, RelatedSpan } from '../finding';
import type { CheckContext } from './context';
import { defboolVal, list, isObject } from '../defaults/json';
import { setting, statementSpan, stringValue } from './spans';

/** How qemu-xen-traditional came to be chosen, for the message and the quick fixes. */
export type TraditionalCause = 'written' | 'stubdomain' | 'default';

function bInfo(a: CheckContext): Record<string, unknown> | undefined {
  const r = a.libxl?.resolved ?? a.xl?.config;
  const b = r && isObject(r) ? r.b_info : undefined;
  return isObject(b) ? b : undefined;
}

export function dmRestrictOn(a: CheckContext): boolean {
  const b = bInfo(a);
  return !!b && defboolVal(b, 'dm_restrict');
}

function traditionalRefusal(a: CheckContext): Finding | null {
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
    data: { libxlMessage: failure.text, cause, type: guestType(a) },
  };
}

function guestType(a: CheckContext): string {
  const r = a.xl?.config;
  const c = r && isObject(r.c_info) ? r.c_info : undefined;
  return typeof c?.type === 'string' ? c.type : 'pv';
}

/** The hints and warnings around dm_restrict when libxl accepts the config. */
function weakRestriction(a: CheckContext): Finding[] {
  const dm = a.deviceModel;
  const restrict = setting(a, 'dm_restrict');
  if (!restrict || !dm || dm.outcome === 'error' || !a.libxl?.resolved || !dmRestrictOn(a)) return [];
  const span = statementSpan(restrict);
  const type = guestType(a);
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
