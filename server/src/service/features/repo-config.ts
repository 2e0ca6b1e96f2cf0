// The repository's configuration file, `.xlcfg.json`: the target release, the host and paths
// profiles and per-code severities, shared by everyone who checks the configs of a repository (the
// CLI, CI, the editor). Pure: the shell finds and reads the file and hands in its text; this checks
// it and says what is wrong in words a user can act on.
//
//   { "xenVersion": "4.20", "host": "debian-13", "paths": "debian", "xlConf": "host/xl.conf",
//     "severity": { "unknown-key": "error", "xl-chatter": "off" } }
// `xlConf` names the xl.conf (xl's global config) whose guest defaults apply, relative to the file.
import { HOST_PROFILES, PATHS_PROFILES, XEN_VERSIONS, isHostProfile, isPathsProfile, isXenVersion, type HostProfile, type PathsProfile, type XenVersion } from '../options';
import type { Severity } from '../finding';
import { findingCode } from '../checks/codes';

export const REPO_CONFIG_NAME = '.xlcfg.json';

export type SeveritySetting = Severity | 'off';

export interface RepoConfig {
  readonly xenVersion?: XenVersion;
  readonly host?: HostProfile;
  readonly paths?: PathsProfile;
  readonly severity?: Readonly<Record<string, SeveritySetting>>;
  /** The xl.conf whose guest defaults apply, relative to the `.xlcfg.json`. */
  readonly xlConf?: string;
}

export type RepoConfigResult = { readonly ok: true; readonly config: RepoConfig } | { readonly ok: false; readonly errors: readonly string[] };

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const KEYS = ['xenVersion', 'host', 'paths', 'severity', 'xlConf'];

const oneOf = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Checks the text of a `.xlcfg.json`: every problem, or the config. `$schema` is allowed and ignored. */
export function parseRepoConfig(text: string): RepoConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, errors: ['must be a JSON object'] };
  const errors: string[] = [];
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!KEYS.includes(k) && k !== '$schema') errors.push(`unknown key ${JSON.stringify(k)} (known: ${KEYS.join(', ')})`);
  }
  const config: { -readonly [K in keyof RepoConfig]: RepoConfig[K] } = {};
  if ('xenVersion' in o) {
    if (typeof o.xenVersion === 'string' && isXenVersion(o.xenVersion)) config.xenVersion = o.xenVersion;
    else errors.push(`"xenVersion" must be a string, one of ${oneOf(XEN_VERSIONS)}, not ${JSON.stringify(o.xenVersion)}`);
  }
  if ('host' in o) {
    if (typeof o.host === 'string' && isHostProfile(o.host)) config.host = o.host;
    else errors.push(`"host" must be one of ${oneOf(HOST_PROFILES)}, not ${JSON.stringify(o.host)}`);
  }
  if ('paths' in o) {
    if (typeof o.paths === 'string' && isPathsProfile(o.paths)) config.paths = o.paths;
    else errors.push(`"paths" must be one of ${oneOf(PATHS_PROFILES)}, not ${JSON.stringify(o.paths)}`);
  }
  if ('xlConf' in o) {
    if (typeof o.xlConf === 'string' && o.xlConf !== '') config.xlConf = o.xlConf;
    else errors.push(`"xlConf" must be the path of an xl.conf (relative to .xlcfg.json), not ${JSON.stringify(o.xlConf)}`);
  }
  if ('severity' in o) {
    const s = o.severity;
    if (!s || typeof s !== 'object' || Array.isArray(s)) errors.push('"severity" must be an object: finding code -> "error", "warning", "information", "hint" or "off"');
    else {
      const severity: Record<string, SeveritySetting> = {};
      for (const [code, v] of Object.entries(s as Record<string, unknown>)) {
        if (!findingCode(code)) errors.push(`"severity": unknown finding code ${JSON.stringify(code)} (the codes are in docs/diagnostics.md)`);
        else if (typeof v !== 'string' || !SEVERITIES.includes(v as SeveritySetting)) errors.push(`"severity"."${code}" must be one of ${oneOf(SEVERITIES)}, not ${JSON.stringify(v)}`);
        else severity[code] = v as SeveritySetting;
      }
      config.severity = severity;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, config };
}
