// The table of finding codes (server/src/service/checks/codes.ts) against what the service emits:
// (a) every code in a code position of the service's source has a row, and every row is still
//     emitted somewhere (test/helpers/finding-code-scan.ts finds them with the TypeScript checker);
// (b) every finding of the analysis over the corpus configs (vendored, fixtures and examples, for
//     several releases and hosts) has a row, with the row's severity;
// (c) docs/diagnostics.md is the page scripts/gen-codes-doc.ts generates from the table, and the
//     README links it.
import { capSeverity } from '../../../server/src/service/checks/recovered';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FINDING_CODES, findingCode } from '../../../server/src/service/checks/codes';
import { analyze } from '../../../server/src/service/analyze';
import type { HostProfile, XenVersion } from '../../../server/src/service/options';
import { scanFindingCodes } from '../../helpers/finding-code-scan';
import { DOC_PATH, diagnosticsDoc } from '../../../scripts/gen-codes-doc';

const ROOT = resolve(__dirname, '..', '..', '..');
const CORPORA = ['test/oracle/corpus', 'test/fixtures/oracle/corpus', 'examples'];
const RELEASES: readonly XenVersion[] = ['4.10', '4.17', '4.20', '4.22'];
const HOSTS: readonly HostProfile[] = ['reference', 'debian-12', 'debian-13', 'local'];

describe('the table of finding codes', () => {
  test('one row per code, each with a meaning', () => {
    assert.equal(new Set(FINDING_CODES.map((c) => c.code)).size, FINDING_CODES.length, 'no code twice');
    for (const c of FINDING_CODES) {
      assert.match(c.code, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, c.code);
      assert.ok(c.meaning.length > 10 && !c.meaning.includes('\n'), `${c.code}: a one-line meaning`);
      assert.ok(!c.fix || !c.fix.includes('\n'), `${c.code}: a one-line fix`);
    }
  });

  const uses = scanFindingCodes(join(ROOT, 'server', 'src', 'service'));
  test('the scan of the source finds the codes (it is not blind)', () => {
    const found = new Set(uses.map((u) => u.code));
    for (const c of ['parse-error', 'xl-rejects', 'disk-no-vdev', 'libxl-refuses', 'libxl-build-refuses', 'unknown-key', 'qemu-refuses-option']) {
      assert.ok(found.has(c), c);
    }
  });

  test('the scan sees a new code in each code position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-codes-'));
    writeFileSync(join(dir, 'x.ts'), [
      "const NEW = 'made-up-const';",
      "function say(text: string, code: string) { return { text, code }; }",
      "export const a = { code: 'made-up-property' };",
      "export const b = say('x', 'made-up-argument');",
      "export const c = (f: { code: string }) => f.code === 'made-up-compare';",
      "export const d = { code: Math.random() ? NEW : 'made-up-branch' };",
    ].join('\n'));
    assert.deepEqual(scanFindingCodes(dir).map((u) => u.code).sort(),
      ['made-up-argument', 'made-up-branch', 'made-up-compare', 'made-up-const', 'made-up-property']);
  });

  test('(a) every code the source emits has a row', () => {
    const missing = uses.filter((u) => !findingCode(u.code)).map((u) => `${u.code} (${u.file.replace(ROOT + '/', '')}:${u.line})`);
    assert.deepEqual([...new Set(missing)], []);
  });

  test('(a) every row is a code the source still emits', () => {
    const found = new Set(uses.map((u) => u.code));
    assert.deepEqual(FINDING_CODES.map((c) => c.code).filter((c) => !found.has(c)), []);
  });

  test('(b) every finding over the corpus configs has a row, with its severity', () => {
    const problems = new Set<string>();
    let files = 0;
    const seen = new Set<string>();
    for (const dir of CORPORA) {
      for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.cfg')).sort()) {
        files++;
        const bytes = readFileSync(join(ROOT, dir, name));
        for (const xenVersion of RELEASES) {
          for (const host of HOSTS) {
            for (const f of analyze({ bytes, options: { xenVersion, host, sourceName: name } }).findings) {
              seen.add(f.code);
              const row = findingCode(f.code);
              if (!row) problems.add(`${f.code}: no row (${dir}/${name})`);
              // On a file libxlutil refuses, the findings of the repaired text are at most warnings.
              else if (f.data?.recovered !== undefined ? f.severity !== capSeverity(row.severity) && f.severity !== capSeverity(row.also?.severity ?? row.severity)
                : f.severity !== row.severity && f.severity !== row.also?.severity) {
                problems.add(`${f.code}: ${f.severity}, the table says ${row.severity} (${dir}/${name}, Xen ${xenVersion})`);
              }
            }
          }
        }
      }
    }
    assert.ok(files > 300, `${files} configs`);
    assert.ok(seen.size > 80, `${seen.size} codes seen`);
    assert.deepEqual([...problems], []);
  });

  test('(c) docs/diagnostics.md is generated from the table (npx tsx scripts/gen-codes-doc.ts)', () => {
    assert.equal(readFileSync(DOC_PATH, 'utf8'), diagnosticsDoc());
    for (const c of FINDING_CODES) assert.ok(diagnosticsDoc().includes(`| \`${c.code}\` |`), c.code);
  });

  test('(c) the README links the page', () => {
    assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /\]\(docs\/diagnostics\.md\)/);
  });
});
