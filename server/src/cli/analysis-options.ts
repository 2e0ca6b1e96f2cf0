// --host / --xen / --paths to analysis options, for the commands that analyse a file.
import { UsageError, type ParsedArgs } from './args';
import {
  DEFAULT_OPTIONS, HOST_PROFILES, NEWEST_XEN_VERSION, OLDEST_XEN_VERSION, PATHS_PROFILES, isHostProfile, isPathsProfile, isXenVersion, type AnalysisOptions,
  analyze, type Analysis, type RepoConfig,
} from '../service';
import { repoConfigFor } from './repo-config';
import { localHostModel } from '../node/environment';
import { readBytes } from './io';

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

/** Analyses `file` (or `bytes`, its new content) with the options and severities that apply to it. */
export function analyzeFile(args: ParsedArgs, file: string, bytes?: Uint8Array): Analysis {
  const repo = repoConfigFor(file)?.config;
  const options = analysisOptions(args, file, repo);
  return analyze({
    bytes: bytes ?? readBytes(file), options, localHost: options.host === 'local' ? localHostModel(options.paths, options.xenVersion) : undefined,
    ...(repo?.severity ? { severities: repo.severity } : {}),
  });
}
