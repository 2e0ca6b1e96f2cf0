// Every corpus config (vendored and ours): buildDomainConfig equals what the real `xl -N create`
// printed (golden dry-run), refusals end with xl's message as an error finding, every xl warning
// is a warning finding.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORACLE_RELEASES, releaseCorpus } from '../../helpers/oracle';
import { compareWithXl } from './corpus-compare';

for (const release of ORACLE_RELEASES) {
const entries = releaseCorpus(release).filter((e) => e.parse?.accepted && e.dryrun);

describe(`model: corpus configs equal Xen ${release}'s xl -N create`, () => {
  for (const e of entries) {
    test(e.name, () => {
      const problems = compareWithXl(e.file, e.parse, e.dryrun, release);
      assert.deepEqual(problems, []);
    });
  }
});
}
