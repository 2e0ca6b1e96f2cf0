// Every corpus config (vendored and ours): buildDomainConfig equals what the real `xl -N create`
// printed (golden dry-run), refusals end with xl's message as an error finding, every xl warning
// is a warning finding.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { corpus, CORPUS_DIR, GOLDEN_DIR } from '../../helpers/oracle';
import { compareWithXl } from './corpus-compare';

const FIXTURES = resolve(__dirname, '..', '..', 'fixtures', 'oracle');
const entries = corpus([
  { corpus: CORPUS_DIR, golden: GOLDEN_DIR },
  { corpus: join(FIXTURES, 'corpus'), golden: join(FIXTURES, 'golden') },
]).filter((e) => e.parse?.accepted && e.dryrun);

describe('model: corpus configs equal xl -N create', () => {
  for (const e of entries) {
    test(e.name, () => {
      const problems = compareWithXl(e.file, e.parse, e.dryrun);
      assert.deepEqual(problems, []);
    });
  }
});
