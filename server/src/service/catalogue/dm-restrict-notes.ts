// Long-form notes on dm_restrict (QEMU deprivileging) per Xen release, in xlcfg's own words.
// Facts: xl.cfg(5), docs/features/qemu-deprivilege.pandoc, SUPPORT.md and libxl_dm.c, 4.10 to 4.22.
import { versionNumber } from '../options';

export interface DmRestrictNotes {
  /** Support status in the release. */
  readonly status: string;
  /** What the host must provide. */
  readonly requirements: readonly string[];
  /** What the restriction does not cover, or breaks. */
  readonly limitations: readonly string[];
  /** What libxl does to the dom0 QEMU when dm_restrict is on. */
  readonly effects: readonly string[];
}

const STATUS =
  'Technology preview with limited support: if the extra protection fails, that is not treated ' +
  'as a security issue (no XSA), although enabling it must never leave the guest worse off than ' +
  'without it.';

const USERS_412 =
  'Unprivileged users in dom0: either `xen-qemuuser-range-base`, the first of a block of 32752 ' +
  'uids (the QEMU of domain N runs as that uid plus N), or `xen-qemuuser-shared`, one user for ' +
  'every QEMU, which gives no isolation between guests; or a separate `device_model_user` per ' +
  'guest. Without one of them libxl refuses to start the guest.';

const LIMITS_412: readonly string[] = [
  'Uids follow domain ids, so a later domain that gets the same domid also gets the same uid.',
  '`xl cdrom-insert` does not work while the guest runs.',
  'Disks served by qdisk backends are not covered.',
  'A compromised QEMU can still exhaust host resources (for example fork bombs), delay or probe ' +
    'the toolstack, and open connections on the management network.',
  'After a migration a compromised QEMU may be able to escape the restrictions.',
  'PCI passthrough is not made safe by it.',
  'For PV and PVH guests the QEMU keeps running as root: libxl only switches the user for HVM.',
];

const EFFECTS_412: readonly string[] = [
  '`-xen-domid-restrict`: QEMU may only use Xen interfaces for its own guest.',
  '`-chroot` into an empty directory `qemu-root-DOMID` under Xen\'s run directory.',
  '`-runas` with the resolved user (HVM only).',
  'The QMP control socket is opened by libxl and passed to QEMU as a file descriptor, with `-S`.',
  'Before exec: new mount and IPC namespaces (Linux) and tight resource limits (file size 256 KiB, ' +
    'no core dumps, no locked memory, message queues or file locks).',
  'On destroy, libxl kills every process of the guest\'s QEMU uid (when that uid is unique).',
];

export function dmRestrictNotes(version: string): DmRestrictNotes {
  const v = versionNumber(version);
  if (v < versionNumber('4.10')) {
    return { status: 'Not available: dm_restrict first appeared in Xen 4.10.', requirements: [], limitations: [], effects: [] };
  }
  if (v < versionNumber('4.12')) {
    return {
      status: STATUS,
      requirements: [
        'A QEMU that knows how to restrict its Xen handles (`xentoolcore` support); with an older QEMU ' +
          'the request has no effect and nothing says so.',
        'Unprivileged users in dom0: a block of 32752 uids starting at `xen-qemuuser-range-base`, or ' +
          'one `xen-qemuuser-domidN` per domain id, or a single `xen-qemuuser-shared` (no isolation ' +
          'between guests). Otherwise libxl refuses to start the guest.',
      ],
      limitations: [
        'Probably does not work for PV guests, nor for guests whose disks use qdisk backends.',
        'No protection against denial of service such as resource exhaustion.',
        'Unknown whether the protection survives a migration.',
        'Some management operations fail, for example inserting a CD-ROM.',
        'Graphics: `vga = "none"` is advised; stdvga does not work and cirrus only seems to.',
        'Uids follow domain ids, so a later domain with the same domid gets the same uid, even after a reboot.',
        'A compromised QEMU can still read any world-readable file in dom0.',
        'Must not be relied on: further weaknesses will not get security advisories, and the ' +
          'interface may change incompatibly.',
      ],
      effects: [
        '`-xen-domid-restrict`: QEMU may only use Xen interfaces for its own guest.',
        '`-runas` with the resolved user (HVM only).',
      ],
    };
  }
  const effects = v >= versionNumber('4.20')
    ? [...EFFECTS_412.map((e) => e.startsWith('`-chroot`')
        ? '`-chroot` (or `-run-with chroot=` when QEMU supports it, as QEMU 9 requires) into an empty directory `qemu-root-DOMID` under Xen\'s run directory.'
        : e.startsWith('`-runas`')
          ? '`-runas` (or `-run-with user=` when QEMU supports it) with the resolved user (HVM only).'
          : e)]
    : EFFECTS_412;
  return {
    status: STATUS,
    requirements: ['A Linux dom0 kernel 4.11 or newer and QEMU 3.0 or newer (or the QEMU shipped with Xen).', USERS_412],
    limitations: LIMITS_412,
    effects,
  };
}

export interface TraditionalStatus {
  /** Whether xl of this release accepts `device_model_version = "qemu-xen-traditional"`. */
  readonly available: boolean;
  readonly text: string;
}

/** What qemu-xen-traditional means in a release. */
export function traditionalStatus(version: string): TraditionalStatus {
  const v = versionNumber(version);
  if (v >= versionNumber('4.21')) {
    return { available: false, text: 'Removed in Xen 4.21: xl rejects `qemu-xen-traditional` as an unknown device model version.' };
  }
  if (v >= versionNumber('4.16')) {
    return { available: true, text: 'No security support as a dom0 device model (since 4.15) and not built unless Xen was configured with `--enable-qemu-traditional` (since 4.16). Removed in 4.21.' };
  }
  if (v >= versionNumber('4.15')) {
    return { available: true, text: 'No security support as a dom0 device model from 4.15 (still supported inside a stub domain). Removed in 4.21.' };
  }
  return { available: true, text: 'Supported; the default for HVM stub domains and on NetBSD. Removed in 4.21.' };
}
