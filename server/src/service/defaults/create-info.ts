// Mirrors libxl__domain_create_info_setdefault (tools/libs/light/libxl_create.c, Xen 4.17).
import type { HostPhysinfo } from '../host/host-model';
import type { DefaultsEnv } from './context';
import { defboolDefault, type Json } from './json';
import { guestTypeOf, int, type CreateInfo } from '../model/domain-view';

const FN = 'libxl__domain_create_info_setdefault';
const SECINITSID_DOMU = 12;

export function createInfoSetDefault(cInfo: CreateInfo, physinfo: HostPhysinfo, env: DefaultsEnv): boolean {
  const type = guestTypeOf(cInfo);
  if (!type) {
    env.log.error('type-unspecified', FN, 'domain type unspecified', ['type']);
    return false;
  }
  if (type !== 'pv') {
    if (physinfo.capHap) defboolDefault(cInfo, 'hap', true);
    else if (physinfo.capShadow) defboolDefault(cInfo, 'hap', false);
    else {
      env.log.error('no-paging', FN, 'neither hap nor shadow paging available', ['hap']);
      return false;
    }
    defboolDefault(cInfo, 'oos', true);
  }
  defboolDefault(cInfo, 'run_hotplug_scripts', true);
  defboolDefault(cInfo, 'driver_domain', false);
  if (!int(cInfo, 'ssidref')) cInfo.ssidref = SECINITSID_DOMU;
  defboolDefault(cInfo, 'xend_suspend_evtchn_compat', false);
  return true;
}
