// The host model: which dom0 answers the questions a config file alone cannot.
import type { HostProfile } from '../options';
import type { HostModel } from './host-model';
import { DEBIAN_12_HOST, DEBIAN_13_HOST, REFERENCE_HOST } from './profiles';

export * from './host-model';
export * from './paths';
export { REFERENCE_HOST, DEBIAN_12_HOST, DEBIAN_13_HOST, REFERENCE_PHYSINFO, REFERENCE_USERS } from './profiles';
export { localHost, qemuVersionFromDpkgStatus, QEMU_XEN_PACKAGE, type LocalHostReader } from './local-host';

/**
 * The fixed profiles by name. `local` needs a reader (see localHost); without one it falls back to
 * a model that knows nothing about the dom0.
 */
export function hostModel(profile: HostProfile, local?: HostModel): HostModel {
  switch (profile) {
    case 'reference': return REFERENCE_HOST;
    case 'debian-12': return DEBIAN_12_HOST;
    case 'debian-13': return DEBIAN_13_HOST;
    case 'local': return local ?? UNKNOWN_HOST;
  }
}

/** A dom0 we know nothing about. */
export const UNKNOWN_HOST: HostModel = {
  profile: 'local',
  description: 'an unknown dom0: host-dependent answers are unknown',
  physinfo: 'unknown',
  installed: () => 'unknown',
  lookupUser: () => 'unknown',
  access: () => 'unknown',
  pathKind: () => 'unknown',
  lookupDomain: (name) => (name === 'Domain-0' ? 0 : 'unknown'),
};
