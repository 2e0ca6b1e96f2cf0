// Every finding code the service can emit, once: who says it (libxlutil's parser, xl, libxl, the
// dom0's QEMU or xlcfg itself), what it means, its default severity and the quick fix, if any.
// docs/diagnostics.md is generated from this table (scripts/gen-codes-doc.ts), and
// test/service/checks/codes.test.ts checks that every code the source emits, and every code the
// corpus configs produce, has a row here (and that each row is still emitted somewhere).
import type { Severity } from '../finding';

/** Who decides: the real toolstack's component, or xlcfg's own advice. */
export type FindingSource = 'libxlutil' | 'xl' | 'libxl' | 'qemu' | 'xlcfg';

export interface FindingCodeInfo {
  readonly code: string;
  readonly source: FindingSource;
  /** The usual severity (`xlcfg.severity` may change it per code). */
  readonly severity: Severity;
  /** A second severity the same code takes in some cases, and when. */
  readonly also?: { readonly severity: Severity; readonly when: string };
  /** What it means, in one line. */
  readonly meaning: string;
  /** The quick fix offered, in one line; absent when there is none. */
  readonly fix?: string;
}

type Row = Omit<FindingCodeInfo, 'code' | 'source'>;

const e = (meaning: string, fix?: string): Row => ({ severity: 'error', meaning, ...(fix ? { fix } : {}) });
const w = (meaning: string, fix?: string): Row => ({ severity: 'warning', meaning, ...(fix ? { fix } : {}) });
const i = (meaning: string): Row => ({ severity: 'information', meaning });
const h = (meaning: string, fix?: string): Row => ({ severity: 'hint', meaning, ...(fix ? { fix } : {}) });

const PARSE_FIX = 'by cause: close an unclosed list or string, insert a missing `=` or comma, quote a bare word, comment out a lone word, lower-case a key, 1/0 for True/False, quote or round a number, add the last newline, convert CRLF to LF, save without BOM';

const LIBXLUTIL = {
  'parse-error': e('libxlutil cannot parse the file (a lexical or syntax error), so xl refuses it; the message adds what to change', PARSE_FIX),
  'parse-error-later': e('a further parse error that xl only reports once the ones before it are fixed', PARSE_FIX),
  'parse-python': w('the file looks like the Python configs of the old xm toolstack, which xl no longer reads'),
} satisfies Record<string, Row>;

const XL = {
  'xl-rejects': e('xl refuses a value while it reads the config and exits (the message is xl\'s line)'),
  'xl-rejects-silently': e('xl exits on this value without printing why; the message says what it wanted'),
  'xl-crashes': e('xl dies on this input (a crash or an abort, reproduced with the oracle) instead of refusing it'),
  'xl-warning': w('xl prints a warning about this setting and goes on'),
  'xl-chatter': i('xl prints a line that is neither a warning nor a refusal (e.g. the TSC mode it read)'),
  'xl-deprecated': w('xl warns that this key or form is deprecated'),
  'xl-ignored': w('xl says that it ignores this key'),
  'xl-device-model-ignored': w('xl ignores `device_model` (or a stubdomain override for PV) and says so'),
  'xl-dm-override-without-version': w('`device_model_override` is set without `device_model_version`, which xl warns about'),
  'xl-bios-path-without-bios': w('`bios_path_override` is set without `bios`, which xl warns about'),
  'xl-kernel-hvmloader': w('`kernel` on an HVM guest, which xl ignores in favour of the firmware'),
  'xl-cmdline-overrides': w('`cmdline` is set, so xl ignores `root` and `extra`'),
  'xl-builder-contradicts-type': e('`builder` and `type` name different guest types'),
  'xl-invalid-type': e('`type` is not pv, pvh or hvm'),
  'xl-name-missing': e('the guest has no `name` (or it is not a single string)', 'add a `name` line, from the file name'),
  'xl-no-kernel': e('a PV guest with neither `kernel` nor `bootloader`'),
  'xl-kernel-and-firmware': e('`kernel` and `firmware` are both set'),
  'xl-timer-mode-pv': e('`timer_mode` is set on a PV guest'),
  'xl-unknown-action': e('an `on_*` action that xl does not know'),
  'xl-unknown-dm-version': e('a `device_model_version` that xl (of the target release) does not know', 'write `device_model_version = "qemu-xen"`'),
  'xl-unknown-vga': e('a `vga` value that xl does not know'),
  'xl-unknown-viridian': e('a `viridian` group that xl does not know'),
  'xl-invalid-value': e('a value xl refuses for this key (out of its range or not one of its words)'),
  'xl-invalid-uuid': e('`uuid` is not a UUID'),
  'xl-invalid-cpu-range': e('a CPU range in `cpus`/`cpus_soft` that xl cannot read'),
  'xl-empty-affinity': e('the CPU affinity xl builds is empty'),
  'xl-vcpus-invalid': e('a `vcpus`/`maxvcpus` value xl cannot build a CPU map for'),
  'xl-maxvcpus-below-vcpus': e('`maxvcpus` is smaller than `vcpus`'),
  'xl-invalid-cpuid': w('a `cpuid` item xl cannot read; xl prints why and goes on'),
  'xl-invalid-dm-args': e('a `device_model_args*` value that is not a list of strings'),
  'xl-invalid-iomem': e('an `iomem` item that xl cannot read'),
  'xl-invalid-ioport': { ...e('an `ioports` item that xl cannot read'), also: { severity: 'warning', when: 'xl prints the line but keeps the range' } },
  'xl-invalid-irq': e('an `irqs` item that xl cannot read'),
  'xl-invalid-rdm': w('an `rdm` setting that xl reports and then ignores'),
  'xl-invalid-vsnd': e('a `vsnd` card or stream that xl cannot read'),
  'xl-vnc-display-twice': e('the VNC display is given both in `vnclisten` and `vncdisplay`'),
  'xl-vnuma-invalid': e('a `vnuma` node that xl cannot read'),
  'xl-vnuma-memory-mismatch': e('the memory of the `vnuma` nodes does not add up to `maxmem`'),
  'xl-vnuma-vcpus-mismatch': e('the vCPUs of the `vnuma` nodes do not add up to `maxvcpus`'),
  'xl-vnuma-too-many-vcpus': e('`vnuma` gives more vCPUs than the host has CPUs'),
  'xl-not-a-list': w('a single value where xl reads a list'),
  'xl-not-a-single-value': w('a list where xl reads a single value'),
  'xl-not-a-string': w('a list item that is not a string where xl reads strings'),
  'xl-not-a-number': w('a value xl reads as a number is not one, so the key keeps its default'),
  'xl-number-append': w('`+=` on a key xl reads as a number, which xl does not add up'),
  'xl-number-out-of-range': w('a number too large for xl to read, so the key keeps its default'),
  'xl-number-below-bound': w('a number below the smallest value xl allows for the key'),
  'xl-number-above-bound': w('a number above the largest value xl allows for the key'),
  // Device spec strings (disk = [...], vif = [...], ...): xl's refusals and warnings per field.
  'disk-bad-access': e('a disk `access=` that xl does not know'),
  'disk-bad-backendtype': e('a disk `backendtype=` that xl does not know'),
  'disk-bad-colo-port': e('a disk `colo-port=` that is not a port number'),
  'disk-bad-deprecated-type': e('an old-style disk type prefix that xl does not know'),
  'disk-bad-devtype': e('a disk `devtype=` that xl does not know'),
  'disk-bad-format': e('a disk `format=` that xl does not know'),
  'disk-bad-specification': e('a disk `specification=` that xl does not know'),
  'disk-bad-syntax': e('a disk spec xl cannot split into its parts'),
  'disk-no-target': e('a disk with no target that is not removable (e.g. not a CD-ROM)'),
  'disk-no-vdev': e('a disk without a `vdev`'),
  'disk-respecified': e('a disk field given twice'),
  'disk-too-many-positional': e('more positional fields than a disk spec has'),
  'disk-unknown-parameter': e('a disk `key=value` that xl does not know'),
  'disk-unknown-prefix': e('an old-style `prefix:` on the disk target that xl does not know'),
  'vif-accel-unsupported': w('`accel=` on a vif, which xl does not support'),
  'vif-bad-mac': w('a vif `mac=` xl cannot read'),
  'vif-bad-rate': e('a vif `rate=` xl cannot read'),
  'vif-bad-type': w('a vif `type=` that xl does not know'),
  'vif-netdev-deprecated': w('`netdev=` on a vif, deprecated in favour of `gatewaydev=`'),
  'vif-not-a-number': e('a vif field that must be a number is not one'),
  'vif-unknown-argument': w('a vif `key=value` that xl does not know'),
  'pci-bad-bdf': e('a PCI address (BDF) xl cannot read'),
  'pci-bad-item': e('a `pci` item xl cannot read'),
  'pci-bad-rdm-policy': e('a PCI `rdm_policy=` that xl does not know'),
  'pci-bad-spec': e('a PCI spec xl cannot read'),
  'pci-bad-vslot': e('a PCI virtual slot xl cannot read'),
  'pci-bdf-and-name': e('a PCI item with both an address and a `name=`'),
  'pci-no-bdf': e('a PCI item with neither an address nor a `name=`'),
  'pci-unknown-option': e('a PCI option that xl does not know'),
  'channel-bad-connection': e('a channel `connection=` that xl does not know'),
  'channel-bad-item': e('a channel item that is not `key=value`'),
  'channel-no-connection': e('a channel without `connection=`'),
  'channel-socket-no-path': e('a socket channel without `path=`'),
  'channel-unknown-parameter': w('a channel `key=value` that xl does not know and ignores'),
  'channel-xl-crash': e('a channel spec that makes xl crash'),
  'p9-bad-item': e('a `p9` item that is not `key=value`'),
  'p9-bad-type': e('a `p9` `type=` that xl does not know'),
  'p9-missing-field': e('a `p9` spec without one of its required fields'),
  'p9-not-a-number': e('a `p9` field that must be a number is not one'),
  'p9-unknown': e('a `p9` `key=value` that xl does not know'),
  'p9-xl-crash': e('a `p9` spec that makes xl crash'),
  'pvcalls-unknown': e('a `pvcalls` `key=value` that xl does not know'),
  'rdm-bad-policy': w('an `rdm` policy that xl does not know'),
  'rdm-bad-strategy': w('an `rdm` strategy that xl does not know'),
  'rdm-unknown-option': w('an `rdm` option that xl does not know'),
  'usbctrl-bad-type': e('a `usbctrl` `type=` that xl does not know'),
  'usbctrl-unknown': e('a `usbctrl` `key=value` that xl does not know'),
  'usbdev-bad-type': e('a `usbdev` type that xl does not know (or none)'),
  'usbdev-unknown': e('a `usbdev` `key=value` that xl does not know'),
  'vdispl-bad-resolution': e('a `vdispl` connector resolution xl cannot read'),
  'vdispl-no-connector': e('a `vdispl` without a connector'),
  'vdispl-unknown': e('a `vdispl` `key=value` that xl does not know'),
  'vkb-bad-backend-type': e('a `vkb` `backend-type=` that xl does not know'),
  'vkb-multi-touch-sizes': e('a multi-touch `vkb` without all three of its sizes'),
  'vkb-no-backend-type': e('a `vkb` without `backend-type=`'),
  'vkb-unknown': e('a `vkb` `key=value` that xl does not know'),
  'vsnd-bad-format': e('a `vsnd` sample format that xl does not know'),
  'vsnd-bad-stream-type': e('a `vsnd` stream type that xl does not know'),
  'vsnd-invalid-key': e('a `vsnd` item whose key xl does not know'),
  'vsnd-invalid-parameter': e('a `vsnd` parameter xl cannot read'),
  'vsnd-xl-crash': e('a `vsnd` list that makes xl crash'),
  'vtpm-bad-uuid': e('a `vtpm` `uuid=` that is not a UUID'),
  'vtpm-no-backend': e('a `vtpm` without `backend=`'),
  'vtpm-unknown': e('a `vtpm` `key=value` that xl does not know'),
  'xl-conf-deprecated': w('xl.conf: `vifscript` or `defaultbridge`, old names xl still reads but complains about on every run', 'rename to `vif.default.script` / `vif.default.bridge`'),
  'xl-conf-invalid': w('xl.conf: a value xl does not understand; it prints a complaint on every run and keeps its default'),
  'xl-conf-rejects': e('xl.conf: a grant-table limit out of range, which stops every xl command at start'),
} satisfies Record<string, Row>;

const LIBXL = {
  'libxl-refuses': e('libxl refuses the config when the guest starts (its defaults or the device-model command line); the message quotes libxl', 'for a stubdomain without `device_model_version` (Xen 4.21+): add `device_model_version = "qemu-xen"`'),
  'libxl-build-refuses': e('libxl refuses the config while it builds the domain (the TSC mode native_paravirt from Xen 4.12, viridian groups without `base`); the message quotes libxl'),
  'libxl-crashes': e('libxl aborts when it starts the guest instead of refusing the config'),
  'libxl-warning': w('libxl prints a warning when the guest starts and goes on'),
  'dm-restrict-traditional': e('`dm_restrict` with qemu-xen-traditional (written, or implied by a stubdomain), which libxl refuses when the guest starts', 'use qemu-xen, remove `dm_restrict`, or drop the stubdomain override (by cause)'),
} satisfies Record<string, Row>;

const QEMU = {
  'qemu-refuses-option': e('libxl accepts the config, but the QEMU of the chosen host refuses an option of the command line libxl gives it'),
} satisfies Record<string, Row>;

const XLCFG = {
  'unknown-key': w('a key that xl does not read, so it has no effect', 'rename to the known key it is closest to'),
  'xl-conf-unknown-key': w('xl.conf: a key that xl (of the target release) does not read from its global config, so it has no effect', 'rename to the known key it is closest to'),
  'deprecated-key': h('a deprecated key (`builder`, `stdvga`) with a current replacement', 'replace with `type` / `vga`, or remove it'),
  'boolean-as-word': w('a boolean key given a word (`"yes"`, `"off"`): xl reads booleans as numbers only, so the key keeps its default', 'write 1 or 0'),
  'key-not-in-version': w('a key that xl of the target Xen release does not read yet, or no longer'),
  'value-not-in-version': w('a value that the target Xen release does not know yet, or no longer'),
  'ignored-for-guest-type': w('a key that has no effect for this guest type'),
  'no-effect': h('a setting that has no effect with the rest of the config (e.g. `opengl` with qemu-xen)'),
  'maxmem-below-memory': w('`maxmem` below `memory`: accepted silently, but the guest cannot grow as `memory` suggests'),
  'dm-restrict-no-effect': h('`dm_restrict` on a guest that runs no QEMU'),
  'dm-restrict-pci': h('`dm_restrict` with PCI passthrough, which it does not make safe'),
  'dm-restrict-pv-root': w('`dm_restrict` on a PV/PVH guest whose QEMU still runs as root'),
  'dm-restrict-stubdomain': h('`dm_restrict` with a stubdomain, where it has no documented effect'),
  'qemu-traditional': { ...w('qemu-xen-traditional is chosen: removed in Xen 4.21, without security support in dom0 since 4.15'), also: { severity: 'information', when: 'in a stubdomain' } },
  'host-requirement': i('libxl will need this on the dom0 (a binary, a file) that the host model cannot confirm'),
  'host-user-required': w('`dm_restrict` needs a user on the dom0 that the host model cannot confirm'),
  'xlcfg-directive': w('an `# xlcfg:` directive that xlcfg cannot read (e.g. an unknown Xen release)'),
  'large-file': i('the file is above the editor\'s size limit: only its syntax is checked'),
  'too-many-diagnostics': i('the editor shows only the first diagnostics of the file; this line says how many were left out'),
  'model-limit': i('a case beyond what xlcfg models (e.g. affinity maps for very many vCPUs); the verdict may be incomplete'),
  'check-internal-error': i('a check of xlcfg failed on this file (a bug); the other diagnostics are still given'),
  'model-internal-error': i('xlcfg\'s model of xl failed on this file (a bug); what depends on xl\'s config is left out'),
  'duplicate-guest-name': w('across configs (`xlcfg check DIR`): two configs give their guests the same `name`, so xl refuses to start the second while the first runs'),
  'duplicate-guest-uuid': w('across configs (`xlcfg check DIR`): two configs set the same `uuid`, so the two guests cannot run at the same time'),
  'duplicate-mac-address': w('across configs (`xlcfg check DIR`): two configs give a vif the same MAC address, which breaks the network of both when both run'),
  'shared-writable-disk': w('across configs (`xlcfg check DIR`): two guests write the same disk target (device or image), so its data is lost when both run'),
} satisfies Record<string, Row>;

/** Every finding code, as a type: `Finding<C>` and the fixes are checked against it. */
export type FindingCode = keyof typeof LIBXLUTIL | keyof typeof XL | keyof typeof LIBXL | keyof typeof QEMU | keyof typeof XLCFG;

/**
 * The `data` each code carries for its fixes, by code. Empty here: the file of the check that makes
 * a code declares its entry next to the check and its fixes (`declare module './codes'`).
 */
export interface FindingData {}

/** Compile-time guard: FindingData names only codes that have a row (a typo fails `npx tsc`). */
export const FINDING_DATA_CODES_HAVE_ROWS: Exclude<keyof FindingData, FindingCode> extends never ? true : never = true;

/** The data of a finding of code C: its declared shape, else free-form. */
export type DataOf<C extends FindingCode> = C extends keyof FindingData ? FindingData[C] : Readonly<Record<string, unknown>> | undefined;

const rows = (source: FindingSource, t: Record<string, Row>): FindingCodeInfo[] =>
  Object.entries(t).map(([code, r]) => ({ code, source, ...r }));

/** Every code, grouped by source in pipeline order. */
export const FINDING_CODES: readonly FindingCodeInfo[] = [
  ...rows('libxlutil', LIBXLUTIL), ...rows('xl', XL), ...rows('libxl', LIBXL), ...rows('qemu', QEMU), ...rows('xlcfg', XLCFG),
];

const BY_CODE = new Map(FINDING_CODES.map((c) => [c.code, c]));

export function findingCode(code: string): FindingCodeInfo | undefined {
  return BY_CODE.get(code);
}

export const SOURCE_TITLES: Readonly<Record<FindingSource, string>> = {
  libxlutil: 'libxlutil (the parser): xl refuses the whole file',
  xl: 'xl (reading the config, `xl_parse.c`)',
  libxl: 'libxl (starting the guest)',
  qemu: "the dom0's QEMU",
  xlcfg: "xlcfg's own checks",
};
