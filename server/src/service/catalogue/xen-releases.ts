// The Xen releases xlcfg can target (XEN_VERSIONS in options.ts, one row each): first release date, newest point release known, end
// of security support, and the upstream man page for each.
import { XEN_VERSIONS, type XenVersion } from '../options';

export interface XenRelease {
  readonly version: XenVersion;
  /** Date of x.y.0 (ISO). */
  readonly released: string;
  /** Newest point release known to the project, with its month. */
  readonly newestPoint: string;
  /** End of security support (ISO date). */
  readonly securityUntil: string;
}

export const XEN_RELEASES: readonly XenRelease[] = [
  { version: '4.10', released: '2017-12-13', newestPoint: '4.10.4 (2019-07)', securityUntil: '2020-12-13' },
  { version: '4.11', released: '2018-07-10', newestPoint: '4.11.4 (2020-04)', securityUntil: '2021-07-10' },
  { version: '4.12', released: '2019-04-02', newestPoint: '4.12.4 (2020-11)', securityUntil: '2022-04-02' },
  { version: '4.13', released: '2019-12-18', newestPoint: '4.13.5 (2022-12)', securityUntil: '2022-12-18' },
  { version: '4.14', released: '2020-07-24', newestPoint: '4.14.6 (2023-08)', securityUntil: '2023-07-24' },
  { version: '4.15', released: '2021-04-08', newestPoint: '4.15.7 (2024-05)', securityUntil: '2024-04-08' },
  { version: '4.16', released: '2021-12-02', newestPoint: '4.16.7 (2024-12)', securityUntil: '2024-12-02' },
  { version: '4.17', released: '2022-12-12', newestPoint: '4.17.7 (2026-07)', securityUntil: '2027-12-12' },
  { version: '4.18', released: '2023-11-16', newestPoint: '4.18.6 (2026-07)', securityUntil: '2028-11-16' },
  { version: '4.19', released: '2024-07-29', newestPoint: '4.19.6 (2026-07)', securityUntil: '2029-07-29' },
  { version: '4.20', released: '2025-03-05', newestPoint: '4.20.4 (2026-07)', securityUntil: '2030-03-05' },
  { version: '4.21', released: '2025-11-19', newestPoint: '4.21.2 (2026-07)', securityUntil: '2030-11-19' },
  { version: '4.22', released: '2026-07-30', newestPoint: '4.22.0', securityUntil: '2031-07-30' },
];

export function xenRelease(version: XenVersion): XenRelease {
  return XEN_RELEASES.find((r) => r.version === version) ?? XEN_RELEASES[XEN_RELEASES.length - 1]!;
}

/** Upstream HTML rendering of xl.cfg(5) for a release. */
export function manPageUrl(version: XenVersion): string {
  return `https://xenbits.xen.org/docs/${version}-testing/man/xl.cfg.5.html`;
}

export { XEN_VERSIONS };
