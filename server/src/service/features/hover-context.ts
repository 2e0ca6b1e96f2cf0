// What hover needs to know about this guest: its type and its device model, from the pipeline.
import type { Analysis } from '../analyze';
import type { GuestType } from '../catalogue';
import { deviceModelSummary } from '../devicemodel';
import type { DeviceModelFacts } from './hover-content';
import { defboolVal, domainView, guestType } from '../model/domain-view';

/**
 * The guest type hover and completion speak of: the one xl wrote (model/domain-view.ts's guestType),
 * or, when xl gives no config, the one the text asks for.
 */
export function helpGuestType(a: Analysis): GuestType {
  const t = guestType(a.xl?.config);
  if (t) return t;
  // No config from xl (the file does not parse): xl's own prefix matching on what is written.
  const w = a.parsed.find('type') ?? a.parsed.find('builder');
  if (!w || w.value.type !== 'string') return 'pv';
  const v = w.value.value;
  if ('hvm'.startsWith(v)) return 'hvm';
  return v === 'pvh' ? 'pvh' : 'pv';
}

/** What this guest's device model is, for hovers (the builder's own summary of its result). */
export function deviceModelFacts(a: Analysis): DeviceModelFacts | undefined {
  const dm = a.parsed.accepted ? a.deviceModel : null;
  if (!dm) return undefined;
  // libxl's resolved config (its b_info is always there), else xl's.
  const b = domainView(a.libxl?.resolved ?? a.xl?.config).bInfo;
  return deviceModelSummary(dm, defboolVal(b, 'device_model_stubdomain'));
}

export function hoverContext(a: Analysis) {
  return { options: a.options, guestType: helpGuestType(a), deviceModel: deviceModelFacts(a) };
}
