// The corpus (vendored + fixtures) as the device-model tests use it, and the host each golden was
// generated with.
import { join, resolve } from 'node:path';
import { corpus, type CorpusEntry } from '../../helpers/oracle';
import { DEBIAN_12_HOST, REFERENCE_HOST, type HostModel } from '../../../server/src/service/host';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../../../server/src/service/options';

const ROOT = resolve(__dirname, '..', '..');

export function allCorpus(): CorpusEntry[] {
  return corpus([
    { corpus: join(ROOT, 'oracle', 'corpus'), golden: join(ROOT, 'oracle', 'golden') },
    { corpus: join(ROOT, 'fixtures', 'oracle', 'corpus'), golden: join(ROOT, 'fixtures', 'oracle', 'golden') },
  ]);
}

/** The host of a golden: `noqemu` names ran with qemu-xen absent, `debianhost` on Debian's files. */
export function hostFor(name: string): HostModel {
  const base = name.includes('debianhost') ? DEBIAN_12_HOST : REFERENCE_HOST;
  if (!name.includes('noqemu')) return base;
  return { ...base, installed: (c) => (c === 'qemu-xen' ? false : base.installed(c)) };
}

export function options(over: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return { ...DEFAULT_OPTIONS, ...over };
}

/** `libxl: error: file.c:123:func: Domain 1:text` -> `func: Domain 1:text` (our log line form). */
export function logBody(line: string): string {
  const m = /^libxl: [a-z]+: [^:]+:\d+:(.*)$/s.exec(line);
  return m ? m[1]! : line;
}

/** The QMP fd number differs per process: compare argv with it blanked. */
export function withoutQmpFd(argv: readonly string[]): string[] {
  return argv.map((a) => a.replace(/^socket,id=libxl-cmd,fd=\d+,/, 'socket,id=libxl-cmd,fd=N,'));
}
