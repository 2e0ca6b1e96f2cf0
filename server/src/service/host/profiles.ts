// The fixed host profiles: `reference` is the oracle's fake dom0 (test/oracle README, "host
// model"), so that every answer can be compared with Debian's real xl/libxl; `debian-12` and
// `debian-13` are the same machine with Debian 12's (Xen 4.17, QEMU 7.2) and Debian 13's (Xen 4.20,
// QEMU 10.0) packages as shipped: qemu-system-xen, but no qemu-dm and no stubdomain images (Debian
// builds neither). Debian's paths (`--paths debian`) follow the Xen release targeted
// (/usr/lib/xen-4.20/... for 4.20); qemu-xen is /usr/libexec/xen-qemu-system-i386 in both.
import type { HostComponent, HostModel, HostPhysinfo, HostUser, PathAccess, PathKind } from './host-model';

const GIB_KB = 1024 * 1024;

/** The oracle's xc_physinfo: 8 CPUs (1 socket x 8 cores), 1 node, 16 GiB, 14 GiB free. */
export const REFERENCE_PHYSINFO: HostPhysinfo = {
  nrCpus: 8,
  nrNodes: 1,
  coresPerSocket: 8,
  threadsPerCore: 1,
  totalMemKb: 16 * GIB_KB,
  freeMemKb: 14 * GIB_KB,
  capHvm: true,
  capPv: true,
  capHap: true,
  capShadow: true,
  capHvmDirectio: true,
  capIommuHapPtShare: true,
  capVpmu: false,
  capGnttabV1: true,
  capGnttabV2: true,
};

/** The oracle's passwd file (test/oracle/tools/dm-argv/passwd). No xen-qemuuser-shared. */
export const REFERENCE_USERS: readonly HostUser[] = [
  { name: 'root', uid: 0, gid: 0 },
  { name: 'nobody', uid: 65534, gid: 65534 },
  { name: 'xen-qemuuser-range-base', uid: 131072, gid: 131072 },
  { name: 'xen-qemuuser-c6-01', uid: 990, gid: 990 },
];

/** Disk paths as the oracle fakes them: everything exists, /dev/... is a block device. */
function fakeDiskKind(path: string): PathKind {
  if (path === '') return 'missing';
  return path.startsWith('/dev/') ? 'block' : 'file';
}

interface FixedHostSpec {
  profile: 'reference' | 'debian-12' | 'debian-13';
  description: string;
  components: Readonly<Record<HostComponent, boolean>>;
  /** The QEMU release of its qemu-system-xen (none for `reference`, which models libxl only). */
  qemuVersion?: string;
  /** sysfs lists no PCI device (the oracle's host); else the profile cannot tell. */
  noPciDevices?: boolean;
}

function fixedHost(spec: FixedHostSpec): HostModel {
  return {
    profile: spec.profile,
    description: spec.description,
    physinfo: REFERENCE_PHYSINFO,
    installed: (c) => spec.components[c],
    lookupUser: (name) => REFERENCE_USERS.find((u) => u.name === name) ?? null,
    lookupUid: (uid) => REFERENCE_USERS.find((u) => u.uid === uid) ?? null,
    // Any other path (a device_model_override, a custom stubdomain kernel) is not part of the
    // profile: libxl will check it on the real dom0.
    access: (): PathAccess => 'unknown',
    pathKind: fakeDiskKind,
    // Only dom0 runs on the oracle's host (the guest being created is added by the caller).
    lookupDomain: (name) => (name === 'Domain-0' ? 0 : null),
    ...(spec.qemuVersion !== undefined ? { qemuVersion: spec.qemuVersion } : {}),
    ...(spec.noPciDevices ? { pciDevice: () => null } : {}),
  };
}

export const REFERENCE_HOST: HostModel = fixedHost({
  profile: 'reference',
  description: "reference host (the oracle's dom0): 8 CPUs, 1 NUMA node, 16 GiB, HAP, IOMMU; " +
    'qemu-xen, qemu-dm and stubdomain images installed; user xen-qemuuser-range-base',
  components: { 'qemu-xen': true, 'qemu-traditional': true, 'stubdom-minios': true, 'stubdom-linux': true },
  // The oracle's host is not a dom0: sysfs lists no PCI device at all.
  noPciDevices: true,
});

const DEBIAN_COMPONENTS: Readonly<Record<HostComponent, boolean>> = {
  'qemu-xen': true, 'qemu-traditional': false, 'stubdom-minios': false, 'stubdom-linux': false,
};

export const DEBIAN_12_HOST: HostModel = fixedHost({
  profile: 'debian-12',
  description: "Debian 12 dom0: as the reference host, but with Debian's packages (qemu-xen only, QEMU 7.2: " +
    'no qemu-dm, no stubdomain images)',
  components: DEBIAN_COMPONENTS,
  qemuVersion: '7.2',
});

export const DEBIAN_13_HOST: HostModel = fixedHost({
  profile: 'debian-13',
  description: "Debian 13 dom0: as the reference host, but with Debian's packages for Xen 4.20 (qemu-xen only, " +
    'QEMU 10.0: no qemu-dm, no stubdomain images)',
  components: DEBIAN_COMPONENTS,
  qemuVersion: '10.0',
});
