// The language status item: the target release and host, following the settings, and its click.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fake from './fakeVscode';
import type * as StatusModule from '../../client/src/targetStatus';

fake.installFakeVscode();
/* eslint-disable @typescript-eslint/no-var-requires */
const status: typeof StatusModule = require('../../client/src/targetStatus');

test('shows the target release and host for xl-cfg editors, follows the settings, and the click changes the release', async () => {
  fake.state.reset();
  const d = status.registerTargetStatus();
  const [item] = fake.state.statusItems;
  assert.deepEqual(item!.selector, { language: 'xl-cfg' });
  assert.equal(item!.text, 'Xen 4.17 · reference host');
  fake.state.settings.set('xlcfg.host', 'debian-13');
  await (fake.workspace.getConfiguration('xlcfg') as any).update('xenVersion', '4.20');
  assert.equal(item!.text, 'Xen 4.20 · debian-13 host');
  // The click: a pick of releases, newest first, the current one marked.
  fake.state.quickPickAnswer = '4.22';
  await fake.state.commands.get(item!.command!.command)!();
  assert.equal(fake.state.quickPickItems[0]![0], '4.22');
  assert.ok(fake.state.quickPickItems[0]!.includes('4.20 (current)'));
  assert.equal(fake.state.settings.get('xlcfg.xenVersion'), '4.22');
  assert.equal(item!.text, 'Xen 4.22 · debian-13 host');
  // Escape changes nothing.
  fake.state.quickPickAnswer = undefined;
  await fake.state.commands.get(item!.command!.command)!();
  assert.equal(fake.state.settings.get('xlcfg.xenVersion'), '4.22');
  d.dispose();
  assert.equal(item!.disposed, true);
});

test('the trace channel reports Trace, so xlcfg.trace.server alone decides, and writes every line', () => {
  fake.state.reset();
  fake.state.outputChannels = [];
  const { traceOutputChannel } = require('../../client/src/traceChannel') as typeof import('../../client/src/traceChannel');
  const ch = traceOutputChannel('xl.cfg language server (trace)');
  assert.equal(ch.logLevel, fake.LogLevel.Trace);
  ch.trace('[Trace] Sending request textDocument/hover');
  ch.error(new Error('boom'));
  const lines = fake.state.outputChannels[0]!.lines;
  assert.equal(lines[0], '[Trace] Sending request textDocument/hover');
  assert.match(lines[1]!, /boom/);
});
