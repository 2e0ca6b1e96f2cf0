// Diagnostics as an editor shows them: xl's severity word is not repeated after the editor's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { diagnostics, shownMessage } from '../../../server/src/service/features/diagnostics';

test('shownMessage drops a WARNING:/warning:/ERROR: that says the same as the severity', () => {
  assert.equal(shownMessage({ severity: 'warning', message: "warning: parameter `memory' is not a valid number" }), "parameter `memory' is not a valid number");
  assert.equal(shownMessage({ severity: 'warning', message: 'WARNING: vif2: netchannel2 is deprecated' }), 'vif2: netchannel2 is deprecated');
  assert.equal(shownMessage({ severity: 'error', message: 'ERROR: invalid value "x" for "bios"' }), 'invalid value "x" for "bios"');
  // A different word, or none, stays.
  assert.equal(shownMessage({ severity: 'error', message: 'WARNING: odd' }), 'WARNING: odd');
  assert.equal(shownMessage({ severity: 'warning', message: 'xl.cfg:3: config parsing error' }), 'xl.cfg:3: config parsing error');
});

test('the LSP diagnostic carries xl\'s line as printed in data.xlLine', () => {
  const a = analyze({ bytes: new TextEncoder().encode('name = "t"\ntype = "hvm"\nmemory = "lots"\n'), options: { host: 'reference' } });
  const d = diagnostics(a, 'file:///x.cfg').find((x) => x.code === 'xl-not-a-number')!;
  assert.equal(d.message, "parameter `memory' is not a valid number");
  assert.equal(d.data?.xlLine, "warning: parameter `memory' is not a valid number");
});
