// Shared by the defaults tests: the corpus (vendored + our fixtures) and the host model that
// each golden was generated with.
import { join, resolve } from 'node:path';
import { corpus, type CorpusEntry } from '../../helpers/oracle';
import { REFERENCE_HOST, type HostModel } from '../../../server/src/service/host';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../../../server/src/service/options';

const FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'oracle');

export function allCorpus(): CorpusEntry[] {
  return corpus([
    { corpus: resolve(__dirname, '..', '..', 'oracle', 'corpus'), golden: resolve(__dirname, '..', '..', 'oracle', 'golden') },
    { corpus: join(FIXTURES, 'corpus'), golden: join(FIXTURES, 'golden') },
    // Refusals whose libxl log is empty in the oracle (libxl fails silently and the harness skips
    // the caller's follow-up line): kept here so that suites expecting a log line never see them.
    { corpus: join(__dirname, 'fixtures', 'corpus'), golden: join(__dirname, 'fixtures', 'golden') },
  ]);
}

/** The reference host with qemu-xen missing, as the oracle's --qemu-xen-absent. */
export const REFERENCE_WITHOUT_QEMU_XEN: HostModel = {
  ...REFERENCE_HOST,
  installed: (c) => (c === 'qemu-xen' ? false : REFERENCE_HOST.installed(c)),
};

/** The host each golden was generated with (names containing `noqemu` ran without qemu-xen). */
export function hostFor(name: string): HostModel {
  return name.includes('noqemu') ? REFERENCE_WITHOUT_QEMU_XEN : REFERENCE_HOST;
}

export function options(over: Partial<AnalysisOptions> = {}): AnalysisOptions {
  return { ...DEFAULT_OPTIONS, ...over };
}

/** The message part of a libxl log line: `libxl: error: file.c:123:func: Domain 1:text` -> `func: text`. */
export function logBody(line: string): string {
  const m = /^libxl: [a-z]+: [^:]+:\d+:([^:]+): (?:Domain \d+:)?(.*)$/s.exec(line);
  return m ? `${m[1]}: ${m[2]}` : line;
}
