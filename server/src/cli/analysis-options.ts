// --host / --xen / --paths to analysis options, for the commands that analyse a file.
import { UsageError, type ParsedArgs } from './args';
import { isXenVersion, type AnalysisOptions, type HostProfile, type PathsProfile } from '../service/options';
import { analyze, type Analysis } from '../service/analyze';
import { localHostModel } from '../node/environment';
import { readBytes } from './io';

export function analysisOptions(args: ParsedArgs, sourceName: string): AnalysisOptions {
  const xen = args.values.get('--xen') ?? '4.17';
  if (!isXenVersion(xen)) throw new UsageError(`--xen must be one of 4.10 .. 4.22, not ${xen}`);
  const host = args.values.get('--host') ?? 'reference';
  if (host !== 'reference' && host !== 'debian-12' && host !== 'local') throw new UsageError(`--host must be reference, debian-12 or local, not ${host}`);
  const paths = args.values.get('--paths') ?? 'debian';
  if (paths !== 'debian' && paths !== 'upstream') throw new UsageError(`--paths must be debian or upstream, not ${paths}`);
  return { xenVersion: xen, host: host as HostProfile, paths: paths as PathsProfile, sourceName };
}

export function analyzeFile(args: ParsedArgs, file: string): Analysis {
  const options = analysisOptions(args, file);
  return analyze({ bytes: readBytes(file), options, localHost: options.host === 'local' ? localHostModel(options.paths, options.xenVersion) : undefined });
}
