// Restricted Mode: in a workspace the user has not trusted, the settings that would make the server
// read the machine (`xlcfg.host: local`, `xlcfg.manPage`) never reach it, by either way the server
// learns settings (its configuration requests, the client's pushes), and the server then asks for
// nothing of the machine. package.json declares what it does (capabilities.untrustedWorkspaces).
import { test, describe, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fake from './fakeVscode';
import type * as TrustModule from '../../client/src/workspaceTrust';
import type * as StatusModule from '../../client/src/targetStatus';
import { readSettings } from '../../server/src/lsp/settings';
import { AnalysisCache } from '../../server/src/lsp/documents';
import { WORKSPACE_TRUST_NOTIFICATION, SERVER_COMMANDS } from '../../server/src/protocol';

fake.installFakeVscode();
/* eslint-disable @typescript-eslint/no-var-requires */
const trust: typeof TrustModule = require('../../client/src/workspaceTrust');
const status: typeof StatusModule = require('../../client/src/targetStatus');

const ROOT = resolve(__dirname, '..', '..');
const USER = { xenVersion: '4.20', host: 'local', paths: 'upstream', manPage: true, inlayHints: true, severity: { 'unknown-key': 'off' } };

class RecordingClient {
  notifications: { method: string; params: unknown }[] = [];
  async sendNotification(method: string, params: unknown) { this.notifications.push({ method, params }); }
}

beforeEach(() => fake.state.reset());

describe('the answers to the server’s configuration requests', () => {
  test('trusted: unchanged', () => {
    assert.deepEqual(trust.restrictAnswer('xlcfg', USER, true), USER);
    assert.equal(trust.restrictAnswer('xlcfg.host', 'local', true), 'local');
  });

  test('untrusted: `local` becomes `reference`, no man page, the rest kept', () => {
    assert.deepEqual(trust.restrictAnswer('xlcfg', USER, false), { ...USER, host: 'reference', manPage: false });
    assert.deepEqual(trust.restrictAnswer('xlcfg', { ...USER, host: 'debian-13' }, false), { ...USER, host: 'debian-13', manPage: false });
    assert.equal(trust.restrictAnswer('xlcfg.host', 'local', false), 'reference');
    assert.equal(trust.restrictAnswer('xlcfg.host', 'debian-12', false), 'debian-12');
    assert.equal(trust.restrictAnswer('xlcfg.manPage', true, false), false);
    assert.equal(trust.restrictAnswer('xlcfg.xenVersion', '4.20', false), '4.20');
    assert.deepEqual(trust.restrictAnswer(undefined, { xlcfg: USER, editor: { tabSize: 2 } }, false),
      { xlcfg: { ...USER, host: 'reference', manPage: false }, editor: { tabSize: 2 } });
    assert.equal(trust.restrictAnswer('xlcfg', null, false), null);
  });

  test('the middleware restricts them while the workspace is untrusted, and not after', async () => {
    const mw = trust.trustMiddleware(() => undefined);
    const params = { items: [{ section: 'xlcfg', scopeUri: 'file:///etc/xen/a.cfg' }, { section: 'xlcfg.host' }] };
    const next = async () => [USER, 'local'];
    fake.state.trusted = false;
    assert.deepEqual(await mw.workspace!.configuration!(params, fake.CancellationToken as never, next as never),
      [{ ...USER, host: 'reference', manPage: false }, 'reference']);
    fake.state.grantTrust();
    assert.deepEqual(await mw.workspace!.configuration!(params, fake.CancellationToken as never, next as never), [USER, 'local']);
  });

  test('what the server makes of a restricted answer never asks for the local host', () => {
    const asked: string[] = [];
    const cache = new AnalysisCache((paths, version) => { asked.push(`${paths}|${version}`); return undefined; });
    const doc = TextDocument.create('file:///etc/xen/web.cfg', 'xl-cfg', 1, 'name = "web"\ntype = "hvm"\nmemory = 1024\n');
    const restricted = readSettings(trust.restrictAnswer('xlcfg', USER, false));
    assert.equal(restricted.host, 'reference');
    assert.equal(restricted.manPage, false);
    cache.get(doc, restricted);
    assert.deepEqual(asked, []);
    // and, to be sure the probe works, the unrestricted settings do ask
    cache.get(doc, readSettings(USER));
    assert.deepEqual(asked, ['upstream|4.20']);
  });
});

describe('the pushed settings', () => {
  test('untrusted: the push carries no settings (the server asks again, restricted); trusted: the library sends them', async () => {
    const client = new RecordingClient();
    const mw = trust.trustMiddleware(() => client);
    let nextCalls = 0;
    const next = async () => { nextCalls++; };
    fake.state.trusted = false;
    await mw.workspace!.didChangeConfiguration!(['xlcfg'], next);
    assert.equal(nextCalls, 0);
    assert.deepEqual(client.notifications, [{ method: 'workspace/didChangeConfiguration', params: { settings: null } }]);
    fake.state.trusted = true;
    await mw.workspace!.didChangeConfiguration!(['xlcfg'], next);
    assert.equal(nextCalls, 1);
    assert.equal(client.notifications.length, 1);
  });

  test('granting trust makes the server ask for its settings again, and tells it (document links may look at files)', () => {
    const client = new RecordingClient();
    fake.state.trusted = false;
    const d = trust.onTrustGranted(() => client);
    assert.deepEqual(client.notifications, []);
    fake.state.grantTrust();
    assert.deepEqual(client.notifications, [
      { method: 'workspace/didChangeConfiguration', params: { settings: null } },
      { method: WORKSPACE_TRUST_NOTIFICATION, params: { trusted: true } },
    ]);
    d.dispose();
  });

  test("the upgrade report's host argument is restricted too", async () => {
    const mw = trust.trustMiddleware(() => undefined);
    const seen: unknown[][] = [];
    const next = async (_c: string, args: unknown[]) => { seen.push(args); };
    fake.state.trusted = false;
    await mw.executeCommand!(SERVER_COMMANDS.upgradeReport, ['file:///a.cfg', '4.17', '4.20', 'local'], next);
    await mw.executeCommand!(SERVER_COMMANDS.upgradeReport, ['file:///a.cfg', '4.17', '4.20', 'debian-13'], next);
    await mw.executeCommand!(SERVER_COMMANDS.upgradeReport, ['file:///a.cfg', '4.17', '4.20'], next);
    fake.state.trusted = true;
    await mw.executeCommand!(SERVER_COMMANDS.upgradeReport, ['file:///a.cfg', '4.17', '4.20', 'local'], next);
    assert.deepEqual(seen.map((a) => a[3]), ['reference', 'debian-13', undefined, 'local']);
  });
});

test('the status item shows the host really used, and follows a grant of trust', () => {
  fake.state.trusted = false;
  fake.state.settings.set('xlcfg.host', 'local');
  const d = status.registerTargetStatus();
  const [item] = fake.state.statusItems;
  assert.equal(item!.text, 'Xen 4.17 · reference host (Restricted Mode)');
  fake.state.grantTrust();
  assert.equal(item!.text, 'Xen 4.17 · local host');
  d.dispose();
});

test('package.json declares Restricted Mode truthfully, the workspace extension kind and virtual workspaces', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.extensionKind, ['workspace']);
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['xlcfg.host', 'xlcfg.manPage']);
  for (const key of untrusted.restrictedConfigurations) assert.ok(pkg.contributes.configuration.properties[key], `${key} is a setting`);
  assert.match(untrusted.description, /no program runs/);
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
});
