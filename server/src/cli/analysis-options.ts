// --host / --xen / --paths to analysis options, for the commands that analyse a file.
import { UsageError, type ParsedArgs } from './args';
import {
  DEFAULT_OPTIONS, HOST_PROFILES, NEWEST_XEN_VERSION, OLDEST_XEN_VERSION, PATHS_PROFILES, isHostProfile, isPathsProfile, isXenVersion, type AnalysisOptions,
  analyze, type Analysis, type RepoConfig,
} from '../service';
import { repoConfigFor } from './repo-config';
import { localHostModel } from '../node/environment';
import { readBytes, FileError } from './io';
import { basename } from 'node:path';
import { XL_CONF_NAME, parse, readXlConf, type XlGlobals, type XenVersion } from '../service';

/** `a, b or c`. */
function oneOf(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The options for one file: the command line's flags, else the repository's `.xlcfg.json`, else the defaults. */
export function analysisOptions(args: ParsedArgs, sourceName: string, repo?: RepoConfig): AnalysisOptions {
  const xen = args.values.get('--xen') ?? repo?.xenVersion ?? DEFAULT_OPTIONS.xenVersion;
  if (!isXenVersion(xen)) throw new UsageError(`--xen must be one of ${OLDEST_XEN_VERSION} .. ${NEWEST_XEN_VERSION}, not ${xen}`);
  const host = args.values.get('--host') ?? repo?.host ?? DEFAULT_OPTIONS.host;
  if (!isHostProfile(host)) throw new UsageError(`--host must be ${oneOf(HOST_PROFILES)}, not ${host}`);
  const paths = args.values.get('--paths') ?? repo?.paths ?? DEFAULT_OPTIONS.paths;
  if (!isPathsProfile(paths)) throw new UsageError(`--paths must be ${oneOf(PATHS_PROFILES)}, not ${paths}`);
  return { xenVersion: xen, host, paths, sourceName };
}

/** A file named xl.conf is xl's global config, not a guest's. */
export const isXlConfFile = (file: string): boolean => basename(file) === XL_CONF_NAME;

const globalsCache = new Map<string, XlGlobals>();

/**
 * The guest defaults of the xl.conf that applies to `file`: `--xlconf FILE`, else the `xlConf` of
 * the nearest `.xlcfg.json` (relative to it), else none (an empty xl.conf, as Debian ships it).
 * xl stops at start when its xl.conf does not parse or sets a grant limit out of range: so do we.
 */
export function xlConfGlobals(args: ParsedArgs, file: string, xen: XenVersion): XlGlobals | undefined {
  const path = args.values.get('--xlconf') ?? repoConfigFor(file)?.xlConfPath;
  if (path === undefined) return undefined;
  const key = `${xen}\0${path}`;
  const known = globalsCache.get(key);
  if (known) return known;
  const parsed = parse(readBytes(path));
  if (!parsed.accepted) throw new FileError(`${path}: xl cannot parse it, so every xl command fails:\n${parsed.messages(path).map((m) => `  ${m}`).join('\n')}`);
  const r = readXlConf(parsed.settings, xen, path);
  if (r.exitStatus) throw new FileError(`${path}: xl stops at start with it:\n${r.findings.filter((f) => f.severity === 'error').map((f) => `  ${f.message}`).join('\n')}`);
  globalsCache.set(key, r.globals);
  return r.globals;
}

/** Analyses `file` (or `bytes`, its new content) with the options and severities that apply to it. */
export function analyzeFile(args: ParsedArgs, file: string, bytes?: Uint8Array): Analysis {
  const repo = repoConfigFor(file)?.config;
  const options = analysisOptions(args, file, repo);
  const xlConf = isXlConfFile(file);
  const globals = xlConf ? undefined : xlConfGlobals(args, file, options.xenVersion);
  return analyze({
    bytes: bytes ?? readBytes(file), options, localHost: options.host === 'local' ? localHostModel(options.paths, options.xenVersion) : undefined,
    ...(repo?.severity ? { severities: repo.severity } : {}),
    ...(xlConf ? { kind: 'xl.conf' as const } : {}),
    ...(globals ? { xlConf: globals } : {}),
  });
}
