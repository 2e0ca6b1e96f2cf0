// The client's VS Code glue, run against a recording stand-in for the `vscode` module: the
// preview document and its debounced refresh, the .cfg language switch, LF conversion, the BOM
// report and BOM removal on real files.
import { test, describe, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fake from './fakeVscode';
import type * as PreviewModule from '../../client/src/deviceModelPreview';
import type * as SwitchModule from '../../client/src/cfgLanguageSwitch';
import type * as LineEndingsModule from '../../client/src/lineEndings';
import type * as BomModule from '../../client/src/byteOrderMark';
import type * as FileHeadModule from '../../client/src/fileHead';
import { BOM_NOTIFICATION, DEVICE_MODEL_PREVIEW_REQUEST, PREVIEW_SCHEME } from '../../server/src/protocol';

fake.installFakeVscode();
/* eslint-disable @typescript-eslint/no-var-requires */
const preview: typeof PreviewModule = require('../../client/src/deviceModelPreview');
const cfgSwitch: typeof SwitchModule = require('../../client/src/cfgLanguageSwitch');
const lineEndings: typeof LineEndingsModule = require('../../client/src/lineEndings');
const bom: typeof BomModule = require('../../client/src/byteOrderMark');
const fileHead: typeof FileHeadModule = require('../../client/src/fileHead');

/** Records requests and notifications like a LanguageClient would send them. */
class RecordingClient {
  requests: { method: string; params: any }[] = [];
  notifications: { method: string; params: any }[] = [];
  answer: (params: any) => any = (p) => ({ content: `argv for ${p.uri}\n` });
  async sendRequest(method: string, params: any) { this.requests.push({ method, params }); return this.answer(params); }
  async sendNotification(method: string, params: any) { this.notifications.push({ method, params }); }
  isRunning() { return true; }
}
const asClient = (c: RecordingClient) => c as any;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GUEST = 'name = "db"\nmemory = 4096\nvcpus = 4\n';

beforeEach(() => fake.state.reset());

describe('device-model preview', () => {
  function setUp() {
    const client = new RecordingClient();
    const provider = new preview.DeviceModelPreviewProvider(async () => asClient(client));
    const registration = preview.registerDeviceModelPreview(provider);
    const config = fake.state.open(new fake.FakeDocument(fake.Uri.file('/etc/xen/db.cfg'), 'xl-cfg', GUEST));
    return { client, provider, registration, config };
  }

  test('opens a read-only virtual document beside the config, filled by the server request', async () => {
    const { client, provider, registration } = setUp();
    const previewUri = await provider.show('file:///etc/xen/db.cfg');
    assert.ok(previewUri);
    assert.equal(previewUri.scheme, PREVIEW_SCHEME);
    assert.equal(previewUri.path, '/db.cfg.argv');
    assert.deepEqual(client.requests, [{ method: DEVICE_MODEL_PREVIEW_REQUEST, params: { uri: 'file:///etc/xen/db.cfg' } }]);
    const shown = fake.state.shown.at(-1)!;
    assert.equal(shown.uri, previewUri.toString());
    assert.deepEqual(shown.options, { viewColumn: fake.ViewColumn.Beside, preview: false, preserveFocus: true });
    const shownDoc = fake.state.documents.find((d) => d.uri.scheme === PREVIEW_SCHEME && !d.isClosed);
    assert.equal(shownDoc?.getText(), 'argv for file:///etc/xen/db.cfg\n');
    assert.equal(shownDoc?.languageId, preview.PREVIEW_LANGUAGE);
    registration.dispose();
  });

  test('without an argument it previews the active editor; from a preview, that preview', async () => {
    const { client, provider, registration, config } = setUp();
    fake.state.activeEditor = new fake.FakeEditor(config);
    const first = await provider.show(undefined);
    const previewDoc = fake.state.documents.find((d) => d.uri.scheme === PREVIEW_SCHEME)!;
    fake.state.activeEditor = new fake.FakeEditor(previewDoc);
    const second = await provider.show(undefined);
    assert.equal(second?.toString(), first?.toString());
    assert.ok(client.requests.every((r) => r.params.uri === 'file:///etc/xen/db.cfg'));
    registration.dispose();
  });

  test('a config that is not open yet is opened first, so the server knows it', async () => {
    const { client, provider, registration } = setUp();
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-preview-'));
    writeFileSync(join(dir, 'closed.cfg'), GUEST);
    const configUri = fake.Uri.file(join(dir, 'closed.cfg'));
    await provider.show(configUri);
    const opened = fake.state.documents.findIndex((d) => d.uri.toString() === configUri.toString());
    const previewOpened = fake.state.documents.findIndex((d) => d.uri.scheme === PREVIEW_SCHEME);
    assert.ok(opened >= 0 && opened < previewOpened, 'config opened before the preview');
    assert.equal(client.requests.at(-1)?.params.uri, configUri.toString());
    assert.equal(await provider.show(fake.Uri.file(join(dir, 'missing.cfg'))), undefined);
    assert.match(fake.state.messages.at(-1) ?? '', /Cannot open/);
    registration.dispose();
  });

  test('no config at hand: a message, no document', async () => {
    const { provider, registration } = setUp();
    assert.equal(await provider.show(undefined), undefined);
    assert.equal(fake.state.messages.length, 1);
    registration.dispose();
  });

  test('edits to the config refresh the preview once, after the edits settle', async () => {
    const { provider, registration, config } = setUp();
    const previewUri = (await provider.show('file:///etc/xen/db.cfg'))!;
    const fired: string[] = [];
    provider.onDidChange((u) => fired.push(u.toString()));
    for (let i = 0; i < 5; i++) {
      fake.state.onChange.fire({ document: config, contentChanges: [{}] });
      await sleep(20);
    }
    assert.deepEqual(fired, [], 'not while typing');
    await sleep(preview.REFRESH_DELAY_MS + 50);
    assert.deepEqual(fired, [previewUri.toString()]);
    // another file's edits do not touch it; a settings change does
    const other = fake.state.open(new fake.FakeDocument(fake.Uri.file('/etc/xen/web.cfg'), 'xl-cfg', GUEST));
    fake.state.onChange.fire({ document: other, contentChanges: [{}] });
    fake.state.onConfig.fire({ affectsConfiguration: (s) => s === 'xlcfg' });
    await sleep(preview.REFRESH_DELAY_MS + 50);
    assert.deepEqual(fired, [previewUri.toString(), previewUri.toString()]);
    registration.dispose();
  });

  test('a server failure becomes a readable comment, not an exception', async () => {
    const { client, provider, registration } = setUp();
    client.answer = () => { throw new Error('server crashed'); };
    const p = preview.previewUriFor(fake.Uri.parse('file:///etc/xen/db.cfg') as any);
    const text = await provider.provideTextDocumentContent(p as any, fake.CancellationToken as any);
    assert.match(text, /^# The preview could not be built: server crashed/);
    client.answer = () => null;
    assert.match(await provider.provideTextDocumentContent(p as any, fake.CancellationToken as any), /no preview/);
    registration.dispose();
  });
});

describe('.cfg language switch', () => {
  test('a guest config opened as properties is switched to xl-cfg, once', async () => {
    const sw = new cfgSwitch.CfgLanguageSwitch();
    const doc = fake.state.open(new fake.FakeDocument(fake.Uri.file('/srv/vms/db.cfg'), 'properties', GUEST));
    await sleep(0);
    assert.deepEqual(fake.state.languageSwitches, [{ uri: doc.uri.toString(), languageId: 'xl-cfg' }]);
    // the user changes it back to properties: VS Code reopens it, the client leaves it alone
    await fake.languages.setTextDocumentLanguage(fake.state.documents.at(-1)!, 'properties');
    await sleep(0);
    assert.equal(fake.state.languageSwitches.filter((s) => s.languageId === 'xl-cfg').length, 1);
    sw.dispose();
  });

  test('a cpupool config opened as xl-cfg (path under /etc/xen) is switched to xl-cpupool', async () => {
    const sw = new cfgSwitch.CfgLanguageSwitch();
    fake.state.open(new fake.FakeDocument(fake.Uri.file('/etc/xen/pool0.cfg'), 'xl-cfg', 'name = "p0"\nsched = "credit"\n'));
    await sleep(0);
    assert.deepEqual(fake.state.languageSwitches.map((s) => s.languageId), ['xl-cpupool']);
    sw.dispose();
  });

  test('documents already open when the extension activates are looked at', async () => {
    fake.state.documents.push(new fake.FakeDocument(fake.Uri.file('/srv/vms/a.cfg'), 'plaintext', GUEST));
    const sw = new cfgSwitch.CfgLanguageSwitch();
    await sleep(0);
    assert.equal(fake.state.languageSwitches.length, 1);
    sw.dispose();
  });

  test('xlcfg.detectCfgContent = false, or a non-guest .cfg: no switch', async () => {
    const sw = new cfgSwitch.CfgLanguageSwitch();
    fake.state.settings.set('xlcfg.detectCfgContent', false);
    fake.state.open(new fake.FakeDocument(fake.Uri.file('/srv/vms/b.cfg'), 'properties', GUEST));
    fake.state.settings.clear();
    fake.state.open(new fake.FakeDocument(fake.Uri.file('/srv/app/setup.cfg'), 'ini', '[metadata]\nname = x\n'));
    await sleep(0);
    assert.deepEqual(fake.state.languageSwitches, []);
    sw.dispose();
  });
});

describe('line endings', () => {
  test('convertToLf sets the editor end-of-line to LF and saves nothing', async () => {
    const doc = fake.state.open(new fake.FakeDocument(fake.Uri.file('/etc/xen/crlf.cfg'), 'xl-cfg', GUEST, fake.EndOfLine.CRLF));
    const editor = new fake.FakeEditor(doc);
    fake.state.visibleEditors.push(editor);
    assert.equal(await lineEndings.convertToLf(doc.uri.toString()), true);
    assert.deepEqual(editor.edits, ['eol:LF']);
    assert.equal(doc.eol, fake.EndOfLine.LF);
    assert.equal(doc.saved, 0);
    assert.equal(await lineEndings.convertToLf(doc.uri.toString()), true);
    assert.deepEqual(editor.edits, ['eol:LF'], 'already LF: no second edit');
  });
});

describe('byte-order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-bom-'));

  test('the server is told whether the file on disk starts with a BOM', async () => {
    const client = new RecordingClient();
    const withBom = join(dir, 'bom.cfg');
    const without = join(dir, 'plain.cfg');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GUEST)]));
    writeFileSync(without, GUEST);
    await bom.reportByteOrderMark(asClient(client), fake.Uri.file(withBom) as any);
    await bom.reportByteOrderMark(asClient(client), fake.Uri.file(without) as any);
    await bom.reportByteOrderMark(asClient(client), fake.Uri.file(join(dir, 'missing.cfg')) as any);
    assert.deepEqual(client.notifications, [
      { method: BOM_NOTIFICATION, params: { uri: fake.Uri.file(withBom).toString(), hasBom: true } },
      { method: BOM_NOTIFICATION, params: { uri: fake.Uri.file(without).toString(), hasBom: false } },
    ]);
  });

  test('the desktop reads three bytes of a local file with Node, the same verdict as through VS Code', async () => {
    const client = new RecordingClient();
    const withBom = join(dir, 'bom-node.cfg');
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GUEST)]));
    assert.deepEqual([...(await fileHead.readHeadWithNode(fake.Uri.file(withBom) as any))!], [0xef, 0xbb, 0xbf]);
    assert.equal(await fileHead.readHeadWithNode(fake.Uri.file(join(dir, 'missing.cfg')) as any), undefined);
    await bom.reportByteOrderMark(asClient(client), fake.Uri.file(withBom) as any, fileHead.readHeadWithNode);
    assert.deepEqual(client.notifications, [{ method: BOM_NOTIFICATION, params: { uri: fake.Uri.file(withBom).toString(), hasBom: true } }]);
  });

  test('saveWithoutBom saves pending edits, rewrites the file without the BOM, and says so', async () => {
    const client = new RecordingClient();
    const file = join(dir, 'save.cfg');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GUEST)]));
    const doc = fake.state.open(new fake.FakeDocument(fake.Uri.file(file), 'xl-cfg', GUEST));
    doc.isDirty = true;
    assert.equal(await bom.saveWithoutBom(doc.uri.toString(), () => asClient(client)), true);
    assert.equal(doc.saved, 1);
    assert.equal(readFileSync(file, 'utf8'), GUEST);
    assert.deepEqual(client.notifications.at(-1), { method: BOM_NOTIFICATION, params: { uri: doc.uri.toString(), hasBom: false } });
    assert.equal(await bom.saveWithoutBom(doc.uri.toString(), () => asClient(client)), false, 'nothing left to remove');
    assert.equal(readFileSync(file, 'utf8'), GUEST);
  });
});
