// The effective-config command of the VS Code client (issue 13), against the recording stand-in for
// `vscode`: the prompt for the overrides, the read-only virtual document beside the config, filled
// by the server's request, and its refresh on edits.
import { test, describe, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fake from './fakeVscode';
import type * as EffectiveModule from '../../client/src/effectiveConfig';
import { COMMANDS, EFFECTIVE_CONFIG_REQUEST, EFFECTIVE_SCHEME } from '../../server/src/protocol';

fake.installFakeVscode();
/* eslint-disable @typescript-eslint/no-var-requires */
const effective: typeof EffectiveModule = require('../../client/src/effectiveConfig');

class RecordingClient {
  requests: { method: string; params: any }[] = [];
  async sendRequest(method: string, params: any) { this.requests.push({ method, params }); return { content: `view of ${params.uri} with [${params.overrides}]\n` }; }
  isRunning() { return true; }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CONFIG = 'file:///etc/xen/db.cfg';

beforeEach(() => fake.state.reset());

describe('effective config (client)', () => {
  function setUp() {
    const client = new RecordingClient();
    const registration = effective.registerEffectiveConfig(async () => client as any);
    fake.state.open(new fake.FakeDocument(fake.Uri.file('/etc/xen/db.cfg'), 'xl-cfg', 'name = "db"\n'));
    return { client, registration };
  }

  test('addresses: readable title, the config and the overrides in the query, and back', () => {
    const a = effective.effectiveAddressFor(CONFIG, `memory=1 'name="x y"'`);
    assert.equal(a.scheme, EFFECTIVE_SCHEME);
    assert.equal(a.path, '/db.cfg.effective');
    assert.deepEqual(effective.effectiveTargetOf(a), { config: CONFIG, overrides: `memory=1 'name="x y"'` });
    assert.deepEqual(effective.effectiveTargetOf({ ...a, query: decodeURIComponent(a.query) }), { config: CONFIG, overrides: `memory=1 'name="x y"'` });
    assert.equal(effective.effectiveTargetOf({ scheme: 'file', path: '/x', query: '' }), undefined);
  });

  test('the command prompts for overrides, then shows the server\'s view beside the config', async () => {
    const { client, registration } = setUp();
    fake.state.inputBoxAnswer = 'memory=4096 vcpus=2';
    const uri = await fake.state.commands.get(COMMANDS.showEffectiveConfig)!(CONFIG) as fake.Uri;
    assert.equal(uri.scheme, EFFECTIVE_SCHEME);
    assert.equal(fake.state.inputBoxes.length, 1);
    assert.match(fake.state.inputBoxes[0]!.prompt!, /xl create db\.cfg/);
    assert.deepEqual(client.requests, [{ method: EFFECTIVE_CONFIG_REQUEST, params: { uri: CONFIG, overrides: 'memory=4096 vcpus=2' } }]);
    const shown = fake.state.shown.at(-1)!;
    assert.equal(shown.uri, uri.toString());
    assert.deepEqual(shown.options, { viewColumn: fake.ViewColumn.Beside, preview: false, preserveFocus: true });
    assert.equal(fake.state.documents.find((d) => d.uri.scheme === EFFECTIVE_SCHEME)?.getText(), `view of ${CONFIG} with [memory=4096 vcpus=2]\n`);
    // The prompt offers the last overrides again; Escape shows nothing.
    fake.state.inputBoxAnswer = undefined;
    assert.equal(await fake.state.commands.get(COMMANDS.showEffectiveConfig)!(CONFIG), undefined);
    assert.equal(fake.state.inputBoxes[1]!.value, 'memory=4096 vcpus=2');
    registration.dispose();
  });

  test('overrides given as an argument: no prompt; an edit of the config refreshes the view', async () => {
    const { registration } = setUp();
    const fired: string[] = [];
    const provider = new effective.EffectiveConfigProvider(async () => new RecordingClient() as any);
    provider.onDidChange((u) => fired.push(u.toString()));
    const uri = await provider.show(CONFIG, 'memory=1');
    assert.ok(uri);
    assert.equal(fake.state.inputBoxes.length, 0);
    provider.scheduleRefresh(CONFIG);
    provider.scheduleRefresh('file:///etc/xen/other.cfg');
    await sleep(250);
    assert.deepEqual(fired, [uri!.toString()]);
    provider.dispose();
    registration.dispose();
  });

  test('without a config: says to open one', async () => {
    const provider = new effective.EffectiveConfigProvider(async () => new RecordingClient() as any);
    assert.equal(await provider.show(undefined, ''), undefined);
    assert.match(fake.state.messages[0]!, /Open a Xen guest config/);
  });
});
