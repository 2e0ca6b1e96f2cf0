// Writes the result of every quick fix offered in the corpus as test/fixtures/oracle/corpus/
// chk-fixed-*.cfg (then run scripts/gen-fixture-goldens.ts on them). Usage:
//   npx tsx test/service/features/code-actions-write-fixtures.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCorpus } from '../checks/corpus-helpers';
import { appliedFixes } from './code-actions-oracle';

const dir = join(__dirname, '..', '..', 'fixtures', 'oracle', 'corpus');
for (const fix of appliedFixes(allCorpus())) {
  writeFileSync(join(dir, `${fix.name}.cfg`), fix.after);
  console.log(fix.name);
}
