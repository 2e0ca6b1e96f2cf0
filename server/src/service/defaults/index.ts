// libxl's defaults, the stage between xl's domain config and the device-model argv / checks.
// Mirrors what initiate_domain_create (tools/libs/light/libxl_create.c, Xen 4.17) does before it
// builds anything: libxl__domain_config_setdefault, libxl__device_disk_setdefault per disk,
// libxl__device_nic_set_devids, and (PV/PVH, as domcreate_launch_dm) the vfb defaults.
// Input and output are the libxl_domain_config JSON as `xl -N create` prints it (IDL field names).
import type { DefaultsContext, GeneratedValue } from './context';
import { DefaultsEnv } from './context';
import { deviceModelVersion, type DeviceModelVersion } from './device-model';
import { domainView, guestType, isObject, list, str } from '../model/domain-view';
import { channelsSetDevids, diskSetDefault, nicsSetDefault, vfbSetDefault } from './devices';
import { domainConfigSetDefault } from './domain-config';
import { orderLikeLibxl } from './idl-order';
import { pruneForVersion } from './versions';
import { cloneJson, type Json } from './json';
import type { Assumption, LibxlMessage } from './messages';
import { domainBuildRefusals } from './domain-build';

export type { DefaultsContext, GeneratedValue } from './context';
export type { Assumption, LibxlMessage, LibxlLevel, LibxlReason } from './messages';
export { libxlLogText } from './messages';
export {
  deviceModelPath, deviceModelPlacement, deviceModelVersion, needXenpvQemu, needsDeviceModel,
  xenpvQemuReason, NO_XENPV_QEMU_REASON,
  stubdomainIsLinux, type DeviceModelPlacement, type DeviceModelVersion,
} from './device-model';
export { requiredIommuMemoryKb, requiredPagingMemoryKb } from './domain-config';
export { orderLikeLibxl } from './idl-order';
export { domainBuildRefusals } from './domain-build';

export interface DefaultsResult {
  /** The config after libxl's defaults, or null when libxl refuses it (see messages). */
  resolved: Record<string, unknown> | null;
  /** What libxl logs on the way, in order: refusals (level error), warnings, notes. */
  messages: LibxlMessage[];
  /** Values libxl generates at random (MACs), by JSON pointer: show them as placeholders. */
  generated?: GeneratedValue[];
  /** Things the host model could not answer and that were assumed (for "libxl will need ..."). */
  assumptions?: Assumption[];
  /**
   * What libxl refuses later, when it builds the domain (libxl_x86.c), for a config its defaults
   * accept; empty when the defaults refuse it. The device model is started after the build.
   */
  buildRefusals: LibxlMessage[];
  /** b_info.device_model_version where libxl stopped (`unknown` when it had none yet). */
  deviceModelVersion: DeviceModelVersion | 'unknown';
}

export function applyLibxlDefaults(config: Record<string, unknown>, ctx: DefaultsContext): DefaultsResult {
  const env = new DefaultsEnv(ctx);
  const done = (ok: boolean, resolved: Json): DefaultsResult => ({
    resolved: ok ? orderLikeLibxl(resolved) : null,
    messages: env.log.messages,
    buildRefusals: ok ? domainBuildRefusals(resolved, ctx) : [],
    generated: env.generated,
    assumptions: env.assumptions,
    deviceModelVersion: deviceModelVersion(domainView(resolved).bInfo) ?? 'unknown',
  });
  if (!isObject(config)) {
    env.log.error('config-not-object', 'libxl_domain_config_from_json', 'the domain configuration is not a JSON object', []);
    return done(false, {});
  }
  const resolved = cloneJson(config);
  const type = guestType(resolved);
  if (!type) {
    env.log.error('type-unspecified', 'libxl__domain_create_info_setdefault', 'domain type unspecified', ['type']);
    return done(false, resolved);
  }
  env.guestName = str(domainView(resolved).cInfo, 'name');
  if (!domainConfigSetDefault(resolved, type, env)) return done(false, resolved);

  const disks = list(resolved, 'disks');
  for (let i = 0; i < disks.length; i++) {
    if (!diskSetDefault(disks[i]!, type, env)) {
      env.log.followUp('disk-defaults-failed', 'initiate_domain_create', `Unable to set disk defaults for disk ${i}`, ['disk'], env.takeSilentFailure());
      return done(false, resolved);
    }
  }
  if (!nicsSetDefault(list(resolved, 'nics'), type, env)) return done(false, resolved);
  if (!channelsSetDevids(list(resolved, 'channels'), env)) return done(false, resolved);
  if (type !== 'hvm') {
    for (const vfb of list(resolved, 'vfbs')) {
      if (vfbSetDefault(vfb, env)) continue;
      // libxl fails the device-model launch here without a line of its own.
      env.log.ours('vfb-setup-failed', 'libxl__device_vfb_setdefault', env.takeSilentFailure() ?? 'the framebuffer cannot be set up', ['vfb']);
      return done(false, resolved);
    }
  }
  pruneForVersion(resolved, env);
  return done(true, resolved);
}
