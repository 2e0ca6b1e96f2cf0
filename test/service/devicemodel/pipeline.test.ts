// End to end: the config text through analyze() (libxlutil parser, xl's reading, libxl's
// defaults, this builder) gives the golden dm-argv for every corpus config that xl accepts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/service/analyze';
import { REFERENCE_HOST } from '../../../server/src/service/host';
import { allCorpus, hostFor, logBody, withoutQmpFd } from './corpus-helpers';

const plain = (l: string): string => l.replace(/: Domain \d+:/, ': ').trimEnd();
const accepted = allCorpus().filter((e) => e.dryrun?.exit_status === 0 && e.argv);

describe('config text to device-model argv (analyze)', () => {
  for (const e of accepted) {
    test(e.name, () => {
      const host = hostFor(e.name);
      const a = analyze({ bytes: readFileSync(e.file), options: { host: host === REFERENCE_HOST ? 'reference' : 'local' }, localHost: host });
      const r = a.deviceModel;
      assert.ok(r, 'xl accepts the file');
      const g = e.argv;
      // The oracle reports libxl's own abort() as a crash of its harness.
      assert.equal(r.outcome, g.outcome === 'harness_crash' ? 'crash' : g.outcome, `outcome; ours: ${r.error ?? ''}`);
      if (g.outcome === 'error') {
        assert.ok(r.error && (g.log as string[]).map(logBody).map(plain).includes(plain(r.error)), `ours: ${r.error}`);
      } else if (g.outcome !== 'no_device_model' && g.outcome !== 'harness_crash') {
        assert.deepEqual(withoutQmpFd(r.argv), withoutQmpFd(g.argv), 'argv');
        assert.deepEqual(r.env, g.env ?? {}, 'env');
      }
    });
  }
});
