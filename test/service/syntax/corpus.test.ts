// Differential test: for every corpus config (the vendored oracle corpus and our own fixtures), our
// parser gives libxlutil's verdict, its exact messages and exactly the settings it stored.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ORACLE_RELEASES, releaseCorpus } from '../../helpers/oracle';
import { parse } from '../../../server/src/service/syntax/parser';
import { oracleParseReport } from '../../../server/src/service/syntax/oracle-view';

for (const release of ORACLE_RELEASES) {
const entries = releaseCorpus(release).filter((e) => e.parse);

describe(`parser equals Xen ${release}'s libxlutil on every corpus config`, () => {
  test('the corpus is there', () => assert.ok(entries.length >= 57, `only ${entries.length} corpus configs`));
  for (const e of entries) {
    test(e.name, () => {
      const ours = oracleParseReport(parse(readFileSync(e.file)), e.parse.source);
      assert.equal(ours.accepted, e.parse.accepted, 'verdict');
      assert.deepEqual(ours.messages, e.parse.messages, 'messages');
      assert.deepEqual(ours.settings, e.parse.settings, 'settings');
      assert.deepEqual(ours.effective, e.parse.effective, 'effective');
      assert.equal(ours.num_settings, e.parse.num_settings);
    });
  }
});
}
