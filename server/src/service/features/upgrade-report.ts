// What changes for one guest between two Xen releases (`xlcfg upgrade FILE --from A --to B`, and the
// editor command of the same name): the same file analysed for each release, on each release's host,
// and compared stage by stage: the verdict, every line xl and libxl print (without libxl's
// `file.c:LINE`, which moves between releases), the device model's outcome, version, argv and
// environment, and our own findings (which carry the keys and values a release drops or adds, and
// what the new host's QEMU refuses).
import type { Analysis } from '../analyze';
import type { Finding } from '../finding';
import type { HostProfile, XenVersion } from '../options';
import { versionNumber } from '../options';

export type UpgradeVerdict = 'accepted' | 'parse-refuses' | 'xl-refuses' | 'xl-crashes' | 'libxl-refuses' | 'libxl-crashes';

/** One side of the report: what the toolstack of one release does with the file. */
export interface ReleaseOutcome {
  readonly xen: XenVersion;
  readonly host: HostProfile;
  readonly verdict: UpgradeVerdict;
  /** xl's stderr after "Parsing config from", libxl's lines without `libxl: LEVEL: file.c:LINE:`. */
  readonly xlLines: readonly string[];
  /** What libxl logs while it defaults the config and builds the device model (warnings, the error). */
  readonly libxlLines: readonly string[];
  /** The device model's outcome, or `none` when xl (or the parser) refuses first. */
  readonly outcome: string;
  readonly deviceModelVersion: string | null;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface ArgvChange { readonly op: '-' | '+' | ' '; readonly arg: string }

export interface FindingChange { readonly code: string; readonly severity: Finding['severity']; readonly message: string }

export interface UpgradeReport {
  readonly from: ReleaseOutcome;
  readonly to: ReleaseOutcome;
  /** Nothing of what is compared differs. */
  readonly same: boolean;
  readonly verdict: { readonly from: UpgradeVerdict; readonly to: UpgradeVerdict } | null;
  readonly xlLines: { readonly removed: readonly string[]; readonly added: readonly string[] };
  readonly libxlLines: { readonly removed: readonly string[]; readonly added: readonly string[] };
  readonly outcome: { readonly from: string; readonly to: string } | null;
  readonly deviceModelVersion: { readonly from: string | null; readonly to: string | null } | null;
  /** The argv as a line diff (each argument once, as it appears in argv), or null when equal. */
  readonly argv: readonly ArgvChange[] | null;
  readonly env: { readonly removed: Record<string, string>; readonly added: Record<string, string> } | null;
  /** Our findings that only one side has (refusals, warnings, keys and values, QEMU's refusals). */
  readonly findings: { readonly removed: readonly FindingChange[]; readonly added: readonly FindingChange[] };
  /** Release notes that matter for this guest whatever the findings say. */
  readonly notes: readonly string[];
}

/**
 * The dom0 a release runs on by default: the Debian release that ships it (Debian 12: Xen 4.17,
 * Debian 13: Xen 4.20), else the oracles' reference host.
 */
export function defaultHostFor(xen: XenVersion, available: readonly HostProfile[]): HostProfile {
  const debian = xen === '4.17' ? 'debian-12' : xen === '4.20' ? 'debian-13' : undefined;
  return debian && (available as readonly string[]).includes(debian) ? debian as HostProfile : 'reference';
}

/**
 * A libxl line as the report compares it across releases: without libxl's `libxl: error:
 * libxl_dm.c:1842:` prefix (source lines move between releases) and without the `Domain 1:` that
 * libxl adds once a domain exists (the domid is the harness's, not the guest's).
 */
export function withoutLibxlSource(line: string): string {
  return line.replace(/^libxl: (error|warning|info|debug): [A-Za-z0-9_]+\.c:\d+:/, '').replace(/^([A-Za-z0-9_]+: )Domain \d+:/, '$1');
}

export function releaseOutcome(a: Analysis): ReleaseOutcome {
  const base = { xen: a.options.xenVersion, host: a.options.host };
  if (!a.parsed.accepted) {
    const crashed = a.parsed.errors.some((e) => e.kind === 'abort');
    return { ...base, verdict: crashed ? 'xl-crashes' : 'parse-refuses', xlLines: a.parsed.messages(a.options.sourceName),
      libxlLines: [], outcome: 'none', deviceModelVersion: null, argv: [], env: {} };
  }
  const xl = a.xl;
  const xlLines = (xl?.stderr ?? []).map(withoutLibxlSource);
  if (!xl || xl.exitStatus !== 0 || !xl.config) {
    return { ...base, verdict: (xl?.exitStatus ?? 1) < 0 ? 'xl-crashes' : 'xl-refuses', xlLines, libxlLines: [],
      outcome: 'none', deviceModelVersion: null, argv: [], env: {} };
  }
  const dm = a.deviceModel!;
  const verdict: UpgradeVerdict = dm.outcome === 'error' ? 'libxl-refuses' : dm.outcome === 'crash' ? 'libxl-crashes' : 'accepted';
  return {
    ...base, verdict, xlLines, libxlLines: dm.log.map(withoutLibxlSource),
    outcome: dm.outcome, deviceModelVersion: dm.device_model_version, argv: dm.argv, env: dm.env,
  };
}

/** Multiset difference: the items of `a` left after taking out one of each item of `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n === 0) return true;
    left.set(x, n - 1);
    return false;
  });
}

/** A line diff of two argvs (longest common subsequence; argvs are a few hundred items at most). */
export function argvDiff(a: readonly string[], b: readonly string[]): ArgvChange[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: ArgvChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push({ op: ' ', arg: a[i]! }); i++; j++; }
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push({ op: '+', arg: b[j++]! });
    else out.push({ op: '-', arg: a[i++]! });
  }
  return out;
}

const findingKey = (f: Finding): string => `${f.code}\u0000${f.severity}\u0000${f.message}`;
const asChange = (f: Finding): FindingChange => ({ code: f.code, severity: f.severity, message: f.message });

export function upgradeReport(fromA: Analysis, toA: Analysis): UpgradeReport {
  const from = releaseOutcome(fromA);
  const to = releaseOutcome(toA);
  const argvChanged = from.argv.length !== to.argv.length || from.argv.some((x, i) => x !== to.argv[i]);
  const envRemoved: Record<string, string> = {};
  const envAdded: Record<string, string> = {};
  for (const [k, v] of Object.entries(from.env)) if (to.env[k] !== v) envRemoved[k] = v;
  for (const [k, v] of Object.entries(to.env)) if (from.env[k] !== v) envAdded[k] = v;
  const envChanged = Object.keys(envRemoved).length + Object.keys(envAdded).length > 0;
  // Findings compare by what they say: a finding that names its release is a change of wording only.
  const fromKeys = fromA.findings.map(findingKey);
  const toKeys = toA.findings.map(findingKey);
  const removedKeys = new Set(minus(fromKeys, toKeys));
  const addedKeys = new Set(minus(toKeys, fromKeys));
  const notes: string[] = [];
  if (from.deviceModelVersion === 'qemu_xen_traditional' && versionNumber(to.xen) >= versionNumber('4.21')) {
    notes.push(`qemu-xen-traditional is removed in Xen 4.21: this guest uses it under Xen ${from.xen}, and xl ${to.xen} refuses it. Use device_model_version = "qemu-xen".`);
  }
  const report = {
    from, to,
    verdict: from.verdict !== to.verdict ? { from: from.verdict, to: to.verdict } : null,
    xlLines: { removed: minus(from.xlLines, to.xlLines), added: minus(to.xlLines, from.xlLines) },
    libxlLines: { removed: minus(from.libxlLines, to.libxlLines), added: minus(to.libxlLines, from.libxlLines) },
    outcome: from.outcome !== to.outcome ? { from: from.outcome, to: to.outcome } : null,
    deviceModelVersion: from.deviceModelVersion !== to.deviceModelVersion ? { from: from.deviceModelVersion, to: to.deviceModelVersion } : null,
    argv: argvChanged ? argvDiff(from.argv, to.argv) : null,
    env: envChanged ? { removed: envRemoved, added: envAdded } : null,
    findings: {
      removed: fromA.findings.filter((f) => removedKeys.has(findingKey(f))).map(asChange),
      added: toA.findings.filter((f) => addedKeys.has(findingKey(f))).map(asChange),
    },
    notes,
  };
  const same = !report.verdict && !report.outcome && !report.deviceModelVersion && !report.argv && !report.env &&
    report.xlLines.removed.length + report.xlLines.added.length + report.libxlLines.removed.length + report.libxlLines.added.length +
    report.findings.removed.length + report.findings.added.length + notes.length === 0;
  return { ...report, same };
}

/** The report as text: one section per change, argv as a diff with one argument per line. */
export function upgradeReportText(r: UpgradeReport, file: string): string {
  const out: string[] = [`${file}: Xen ${r.from.xen} (${r.from.host} host) -> Xen ${r.to.xen} (${r.to.host} host)`];
  if (r.same) return `${out[0]}\n  nothing changes for this guest\n`;
  if (r.verdict) out.push(`  verdict: ${r.verdict.from} -> ${r.verdict.to}`);
  const lines = (title: string, d: { removed: readonly string[]; added: readonly string[] }) => {
    if (!d.removed.length && !d.added.length) return;
    out.push(`  ${title}:`);
    for (const l of d.removed) out.push(`    - ${l}`);
    for (const l of d.added) out.push(`    + ${l}`);
  };
  lines('xl prints', r.xlLines);
  lines('libxl logs', r.libxlLines);
  if (r.outcome) out.push(`  device model: ${r.outcome.from} -> ${r.outcome.to}`);
  if (r.deviceModelVersion) out.push(`  device_model_version: ${r.deviceModelVersion.from ?? '(none)'} -> ${r.deviceModelVersion.to ?? '(none)'}`);
  if (r.argv) {
    out.push('  qemu argv:');
    for (const c of r.argv) if (c.op !== ' ') out.push(`    ${c.op} ${c.arg}`);
  }
  if (r.env) {
    out.push('  qemu environment:');
    for (const [k, v] of Object.entries(r.env.removed)) out.push(`    - ${k}=${v}`);
    for (const [k, v] of Object.entries(r.env.added)) out.push(`    + ${k}=${v}`);
  }
  const findings = (sign: string, fs: readonly FindingChange[]) => { for (const f of fs) out.push(`    ${sign} ${f.severity}: ${f.message} [${f.code}]`); };
  if (r.findings.removed.length || r.findings.added.length) {
    out.push('  diagnostics:');
    findings('-', r.findings.removed);
    findings('+', r.findings.added);
  }
  for (const n of r.notes) out.push(`  note: ${n}`);
  return out.join('\n') + '\n';
}
