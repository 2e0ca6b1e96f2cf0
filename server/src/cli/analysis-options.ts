// --host / --xen / --paths to analysis options, for the commands that analyse a file.
import { UsageError, type ParsedArgs } from './args';
import {
  DEFAULT_OPTIONS, HOST_PROFILES, NEWEST_XEN_VERSION, OLDEST_XEN_VERSION, PATHS_PROFILES, isHostProfile, isPathsProfile, isXenVersion, type AnalysisOptions,
  analyze, type Analysis,
} from '../service';
import { localHostModel } from '../node/environment';
import { readBytes } from './io';

/** `a, b or c`. */
function oneOf(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export function analysisOptions(args: ParsedArgs, sourceName: string): AnalysisOptions {
  const xen = args.values.get('--xen') ?? DEFAULT_OPTIONS.xenVersion;
  if (!isXenVersion(xen)) throw new UsageError(`--xen must be one of ${OLDEST_XEN_VERSION} .. ${NEWEST_XEN_VERSION}, not ${xen}`);
  const host = args.values.get('--host') ?? DEFAULT_OPTIONS.host;
  if (!isHostProfile(host)) throw new UsageError(`--host must be ${oneOf(HOST_PROFILES)}, not ${host}`);
  const paths = args.values.get('--paths') ?? DEFAULT_OPTIONS.paths;
  if (!isPathsProfile(paths)) throw new UsageError(`--paths must be ${oneOf(PATHS_PROFILES)}, not ${paths}`);
  return { xenVersion: xen, host, paths, sourceName };
}

export function analyzeFile(args: ParsedArgs, file: string): Analysis {
  const options = analysisOptions(args, file);
  return analyze({ bytes: readBytes(file), options, localHost: options.host === 'local' ? localHostModel(options.paths, options.xenVersion) : undefined });
}
