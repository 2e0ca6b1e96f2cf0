// The corpus (vendored + fixtures) as the device-model tests use it, and the host each golden was
// generated with.
import { accessSync, constants } from 'node:fs';
import { releaseCorpus, type CorpusEntry, type OracleRelease } from '../../helpers/oracle';
import { DEBIAN_12_HOST, REFERENCE_HOST, type HostModel } from '../../../server/src/service/host';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../../../server/src/service/options';

/** The vendored corpus and our fixtures with the goldens of one release (4.17 by default). */
export function allCorpus(release: OracleRelease = '4.17'): CorpusEntry[] {
  return releaseCorpus(release);
}

/** access(2) on this machine, as the oracle's `--host debian` asks it. */
function realAccess(path: string, mode: 'x' | 'r'): 'ok' | 'enoent' | 'eacces' {
  try {
    accessSync(path, mode === 'x' ? constants.X_OK : constants.R_OK);
    return 'ok';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'enoent' : 'eacces';
  }
}

/**
 * The host of a golden: `noqemu` names ran with qemu-xen absent; `debianhost` names ran on this
 * machine's files (Debian 12's packages: qemu-xen, no qemu-dm, no stub-domain images).
 */
export function hostFor(name: string): HostModel {
  const base: HostModel = name.includes('debianhost') ? { ...DEBIAN_12_HOST, access: realAccess } : REFERENCE_HOST;
  if (!name.includes('noqemu')) return base;
  return { ...base, installed: (c) => (c === 'qemu-xen' ? false : base.installed(c)) };
}

export function options(over: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return { ...DEFAULT_OPTIONS, ...over };
}

/** `libxl: error: file.c:123:func: Domain 1:text` -> `func: Domain 1:text` (our log line form). */
export function logBody(line: string): string {
  // The oracle re-implements libxl__spawn_stub_dm's image checks and says so in the prefix.
  const l = line.replace('(dm-argv re-implementation of libxl__spawn_stub_dm check)', 'x.c:0:libxl__spawn_stub_dm');
  const m = /^libxl: [a-z]+: [^:]+:\d+:(.*)$/s.exec(l);
  return m ? m[1]! : l;
}

/** The QMP fd number differs per process: compare argv with it blanked. */
export function withoutQmpFd(argv: readonly string[]): string[] {
  return argv.map((a) => a.replace(/^socket,id=libxl-cmd,fd=\d+,/, 'socket,id=libxl-cmd,fd=N,'));
}
