// Start-up (issue 15): loading the extension's bundle (what VS Code does at activation, also for
// plain-text and .cfg files that are not guest configs) does not load the language client library
// or the shared LSP protocol bundle; the first xl.cfg document that starts the server does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLIENT = join(ROOT, 'dist', 'client.js');

// A child process: a stand-in `vscode` module, then the bundle; prints which bundles Node loaded.
const PROBE = `
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode' : resolve.call(this, req, ...rest); };
const anything = new Proxy(function () {}, { get: () => anything, apply: () => anything, construct: () => anything });
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: anything };
const ext = require(process.argv[1]);
const loaded = Object.keys(require.cache).filter((f) => f.endsWith('.js')).map((f) => require('path').basename(f));
console.log(JSON.stringify({ loaded, activate: typeof ext.activate }));
`;

test('the client bundle loads without the language client library', { skip: !existsSync(CLIENT) && 'run node scripts/build.mjs first' }, () => {
  const r = spawnSync(process.execPath, ['-e', PROBE, CLIENT], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { loaded, activate } = JSON.parse(r.stdout);
  assert.equal(activate, 'function');
  assert.deepEqual(loaded, ['client.js'], 'lsp-protocol.js waits for the first xl.cfg document');
});
