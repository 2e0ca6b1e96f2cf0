// What an analysis depends on besides the text: the Xen release targeted and the dom0 it runs on.

export const XEN_VERSIONS = [
  '4.10', '4.11', '4.12', '4.13', '4.14', '4.15', '4.16', '4.17', '4.18', '4.19', '4.20', '4.21', '4.22',
] as const;
export type XenVersion = (typeof XEN_VERSIONS)[number];
export const DEFAULT_XEN_VERSION: XenVersion = '4.17';
/** The oldest and the newest release xlcfg targets: the ends of XEN_VERSIONS. */
export const OLDEST_XEN_VERSION: XenVersion = XEN_VERSIONS[0];
export const NEWEST_XEN_VERSION: XenVersion = XEN_VERSIONS[XEN_VERSIONS.length - 1]!;
/** The range as usage texts write it, e.g. `4.10..4.22`. */
export const XEN_VERSION_RANGE = `${OLDEST_XEN_VERSION}..${NEWEST_XEN_VERSION}`;

/** Numeric form for comparisons: '4.9' < '4.10'. (Remembered: device parsers ask once per item.) */
const VERSION_NUMBERS = new Map<string, number>();
export function versionNumber(v: string): number {
  let n = VERSION_NUMBERS.get(v);
  if (n === undefined) {
    const [major, minor] = v.split('.').map((x) => Number.parseInt(x, 10));
    n = (major ?? 0) * 100 + (minor ?? 0);
    if (VERSION_NUMBERS.size < 64) VERSION_NUMBERS.set(v, n);
  }
  return n;
}

export function isXenVersion(v: string): v is XenVersion {
  return (XEN_VERSIONS as readonly string[]).includes(v);
}

/** Which host model answers dom0-dependent questions (users, CPUs, installed binaries). */
export type HostProfile = 'reference' | 'debian-12' | 'debian-13' | 'local';
export const HOST_PROFILES: readonly HostProfile[] = ['reference', 'debian-12', 'debian-13', 'local'];
/** Where Xen's binaries live: Debian's packaging, or an upstream `make install`. */
export type PathsProfile = 'debian' | 'upstream';
export const PATHS_PROFILES: readonly PathsProfile[] = ['debian', 'upstream'];

export function isHostProfile(v: unknown): v is HostProfile {
  return (HOST_PROFILES as readonly unknown[]).includes(v);
}

export function isPathsProfile(v: unknown): v is PathsProfile {
  return (PATHS_PROFILES as readonly unknown[]).includes(v);
}

export interface AnalysisOptions {
  readonly xenVersion: XenVersion;
  readonly host: HostProfile;
  readonly paths: PathsProfile;
  /** File name used in xl's messages (xl prints the path as typed). */
  readonly sourceName: string;
}

export const DEFAULT_OPTIONS: AnalysisOptions = {
  xenVersion: DEFAULT_XEN_VERSION,
  host: 'reference',
  paths: 'debian',
  sourceName: 'xl.cfg',
};
