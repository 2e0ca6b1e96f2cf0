// The dom0 that xl and libxl run on, as far as an analysis needs it: what libxl asks the
// hypervisor (physinfo), the passwd database (device-model users) and the filesystem (device-model
// binaries, stubdomain images, disk images). A profile that cannot know an answer says 'unknown',
// so that checks can phrase what libxl will need instead of guessing.
import type { HostProfile } from '../options';

/** A passwd entry as getpwnam_r returns it. */
export interface HostUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** What xc_physinfo reports (the subset libxl's defaults and xl's checks read). */
export interface HostPhysinfo {
  readonly nrCpus: number;
  readonly nrNodes: number;
  readonly coresPerSocket: number;
  readonly threadsPerCore: number;
  readonly totalMemKb: number;
  readonly freeMemKb: number;
  readonly capHvm: boolean;
  readonly capPv: boolean;
  /** XEN_SYSCTL_PHYSCAP_hap */
  readonly capHap: boolean;
  readonly capShadow: boolean;
  /** XEN_SYSCTL_PHYSCAP_directio: an IOMMU is available for passthrough. */
  readonly capHvmDirectio: boolean;
  /** IOMMU page tables can be shared with HAP (passthrough "share_pt"). */
  readonly capIommuHapPtShare: boolean;
  readonly capVpmu: boolean;
  readonly capGnttabV1: boolean;
  readonly capGnttabV2: boolean;
}

/** Result of access(2) on a path: present, absent (ENOENT), present but refused, or unknowable. */
export type PathAccess = 'ok' | 'enoent' | 'eacces' | 'unknown';

/**
 * What stat(2) would say about a disk image path, for libxl's backend choice: a block device, a
 * regular file, something else (a directory, a socket), absent, or unknowable.
 */
export type PathKind = 'block' | 'file' | 'other' | 'missing' | 'unknown';

/** A Xen component that a profile knows to be installed or not, whatever the paths layout. */
export type HostComponent = 'qemu-xen' | 'qemu-traditional' | 'stubdom-minios' | 'stubdom-linux';

export interface PciIds { readonly vendor: number; readonly device: number; readonly class: number }

export interface HostModel {
  readonly profile: HostProfile;
  /** One line for hovers and reports, e.g. "reference host (the oracle's): 8 CPUs, 1 NUMA node". */
  readonly description: string;
  /** Hypervisor facts, or 'unknown' when this machine is not the dom0 in question. */
  readonly physinfo: HostPhysinfo | 'unknown';
  /** Whether a component is installed: true, false, or 'unknown'. */
  installed(component: HostComponent): boolean | 'unknown';
  /** getpwnam_r: the user, null when the user certainly does not exist, 'unknown' otherwise. */
  lookupUser(name: string): HostUser | null | 'unknown';
  /** getpwuid_r: the user owning a uid (libxl checks that range-base + domid is not taken). */
  lookupUid?(uid: number): HostUser | null | 'unknown';
  /** access(path, X_OK or R_OK) for paths that are not one of the components. */
  access(path: string, mode: 'x' | 'r'): PathAccess;
  /** stat(path) for disk images. */
  pathKind(path: string): PathKind;
  /**
   * The domid of a running domain by name (libxl_name_to_domid), for backend= driver domains:
   * null when no such domain runs, 'unknown' when the profile cannot tell.
   */
  lookupDomain(name: string): number | null | 'unknown';
  /**
   * A PCI device's ids as the dom0's sysfs shows them (vendor, device, class), for libxl's search
   * of an Intel graphics card (gfx_passthru). null when sysfs has no such device, 'unknown' (or no
   * method) when the profile cannot tell.
   */
  pciDevice?(bdf: string): PciIds | null | 'unknown';
  /**
   * The release of the qemu-xen the dom0 runs, as its package database says: a QEMU release
   * ('7.2', '10.0') or a Debian package version ('1:10.0.13+ds-0+deb13u1'). Undefined when the
   * profile has no QEMU model (`reference` models libxl only) or the dom0's QEMU is not known.
   * The qemu/ stage turns it into what that QEMU refuses of libxl's command line.
   */
  readonly qemuVersion?: string;
}
