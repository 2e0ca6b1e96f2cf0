// Runs the TextMate grammar's scope tests (test/syntaxes/*.test.xl, `^^^ scope` assertions) with
// vscode-tmgrammar-test, the same tokenizer VS Code uses, and fails when any assertion fails.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const GRAMMARS = ['-g', 'syntaxes/xl-cfg.tmLanguage.json', '-g', 'syntaxes/xl-cpupool.tmLanguage.json', '-g', 'syntaxes/xl-conf.tmLanguage.json'];

describe('TextMate grammar (vscode-tmgrammar-test)', () => {
  const cases = readdirSync(join(ROOT, 'test/syntaxes')).filter((f) => f.endsWith('.test.xl')).sort();

  test('there are grammar test cases', () => {
    assert.ok(cases.length >= 4, `found ${cases.join(', ')}`);
  });

  for (const file of cases) {
    test(file, () => {
      const bin = join(ROOT, 'node_modules/.bin/vscode-tmgrammar-test');
      const r = spawnSync(bin, ['-c', ...GRAMMARS, `test/syntaxes/${file}`], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, `vscode-tmgrammar-test failed for ${file}:\n${r.stdout}\n${r.stderr}`);
    });
  }

  test('a wrong assertion is reported (the runner really checks)', () => {
    const bin = join(ROOT, 'node_modules/.bin/vscode-tmgrammar-test');
    const r = spawnSync(bin, ['-c', ...GRAMMARS, 'test/syntaxes/fixtures/wrong-assertion.xl'], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(r.status, 0, r.stdout);
  });
});
