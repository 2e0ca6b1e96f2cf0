// Protocol-level tests: the built language server, spawned over stdio, answers like an editor needs.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, applyEdits, type TestClient } from '../helpers/lsp-client';

const ex = (name: string) => readFileSync(resolve(__dirname, '..', '..', 'examples', name), 'utf8');

describe('language server over stdio', () => {
  let c: TestClient;
  before(async () => { c = await startServer({ configuration: null }); });
  after(async () => { await c.close(); });

  test('a parse error arrives with xl\'s text at the real spot', async () => {
    const uri = 'file:///t/neg.cfg';
    await c.open(uri, 'name = "x"\nmemory = -1\n');
    const d = await c.diagnostics(uri, (d) => d.length > 0);
    const e = d.find((x) => x.code === 'parse-error');
    assert.ok(e, JSON.stringify(d));
    assert.match(e.message, /config parsing error near `-1': lexical error/);
    assert.deepEqual(e.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } });
    assert.equal(e.severity, 1);
    assert.ok(d.some((x) => x.code === 'parse-python' && x.severity === 2), 'the Python warning as a warning');
  });

  test('newline errors are shown on the real line, not xl\'s line', async () => {
    const uri = 'file:///t/nl.cfg';
    await c.open(uri, 'name = "x"\nmemory =\n');
    const d = await c.diagnostics(uri, (d) => d.length > 0);
    const e = d.find((x) => x.code === 'parse-error');
    assert.match(e.message, /near <newline>: syntax error, unexpected NEWLINE/);
    assert.equal(e.range.start.line, 1, 'xl says line 1 (one early); the editor shows line 2');
  });

  test('dm_restrict with qemu-xen-traditional: the headline error, with related information', async () => {
    const uri = 'file:///t/trad.cfg';
    await c.open(uri, ex('hvm-dm-restrict-traditional.cfg'));
    const d = await c.diagnostics(uri, (d) => d.some((x) => x.code === 'dm-restrict-traditional'));
    const e = d.find((x) => x.code === 'dm-restrict-traditional');
    assert.equal(e.severity, 1);
    assert.match(e.message, /dm_restrict not supported by qemu-xen-traditional/);
    assert.ok(e.relatedInformation?.length, 'points at device_model_version');
  });

  test('diagnostics follow edits', async () => {
    const uri = 'file:///t/edit.cfg';
    await c.open(uri, 'name = "x"\ntype = "hvm"\nmemory = Foo\n');
    await c.diagnostics(uri, (d) => d.some((x) => x.code === 'parse-error'));
    c.change(uri, 2, 'name = "x"\ntype = "hvm"\nmemory = 1024\n');
    const d = await c.diagnostics(uri, (d) => !d.some((x) => x.code === 'parse-error'));
    assert.ok(!d.some((x) => x.severity === 1), JSON.stringify(d));
  });

  test('hover on dm_restrict explains the technology preview', async () => {
    const uri = 'file:///t/hover.cfg';
    const text = 'name = "x"\ntype = "hvm"\ndevice_model_version = "qemu-xen"\ndm_restrict = 1\n';
    await c.open(uri, text);
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /technology preview/i);
    assert.match(h.contents.value, /-xen-domid-restrict/);
    assert.deepEqual(h.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 11 } });
  });

  test('completion offers keys at a statement start and enum values after =', async () => {
    const uri = 'file:///t/complete.cfg';
    await c.open(uri, 'name = "x"\ntype = "hvm"\nvg\ndevice_model_version = "\n');
    const keys = await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.ok(keys.items.some((i: any) => i.label === 'vga'), 'vga offered');
    const values = await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 24 } });
    const labels = values.items.map((i: any) => i.label);
    assert.ok(labels.includes('qemu-xen'), labels.join(','));
  });

  test('a quick fix for dm-restrict-traditional applies and the error clears', async () => {
    const uri = 'file:///t/fix.cfg';
    const text = ex('hvm-dm-restrict-traditional.cfg');
    await c.open(uri, text);
    const d = await c.diagnostics(uri, (d) => d.some((x) => x.code === 'dm-restrict-traditional'));
    const e = d.find((x) => x.code === 'dm-restrict-traditional');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: e.range, context: { diagnostics: [e] } });
    const fix = actions.find((a: any) => /qemu-xen"/.test(a.title) || /qemu-xen/.test(a.title));
    assert.ok(fix?.edit, JSON.stringify(actions.map((a: any) => a.title)));
    const fixed = applyEdits(text, fix.edit.changes[uri]);
    c.change(uri, 2, fixed);
    const after = await c.diagnostics(uri, (d) => !d.some((x) => x.code === 'dm-restrict-traditional'));
    assert.ok(!after.some((x) => x.severity === 1), JSON.stringify(after));
  });

  test('the device-model preview is served and updates after an edit', async () => {
    const uri = 'file:///t/preview.cfg';
    await c.open(uri, ex('hvm-hardened.cfg'));
    const p1 = await c.request('xlcfg/deviceModelPreview', { uri });
    assert.match(p1.content, /-xen-domid-restrict/);
    assert.match(p1.content, /-runas/);
    c.change(uri, 2, 'name = "x"\ntype = "hvm"\ndevice_model_version = "qemu-xen-traditional"\ndm_restrict = 1\n');
    await c.diagnostics(uri);
    const p2 = await c.request('xlcfg/deviceModelPreview', { uri });
    assert.match(p2.content, /dm_restrict not supported by qemu-xen-traditional/);
  });

  test('a BOM reported by the client shows xl\'s BOM error', async () => {
    const uri = 'file:///t/bom.cfg';
    await c.open(uri, 'name = "x"\n');
    await c.diagnostics(uri);
    await c.conn.sendNotification('xlcfg/bom', { uri, hasBom: true });
    const d = await c.diagnostics(uri, (d) => d.some((x) => x.code === 'parse-error'));
    const e = d.find((x) => x.code === 'parse-error');
    assert.match(e.message, /config parsing error near `\uFEFFname': lexical error/);
    assert.deepEqual(e.range.start, { line: 0, character: 0 });
  });

  test('code lens on the first line opens the preview', async () => {
    const uri = 'file:///t/lens.cfg';
    await c.open(uri, ex('pv-webserver.cfg'));
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
    // A client that does not say it registers the editor commands gets the server's (server-commands.test.ts).
    assert.equal(lenses[0].command.command, 'xlcfg.server.deviceModelPreview');
    assert.equal(lenses[0].range.start.line, 0);
  });
});

describe('language server with settings and without configuration support', () => {
  test('xenVersion 4.21 makes traditional an xl error; severity off drops a check', async () => {
    const c = await startServer({ configuration: { xenVersion: '4.21', severity: { 'deprecated-key': 'off' } } });
    try {
      const uri = 'file:///t/v421.cfg';
      await c.open(uri, 'name = "x"\ntype = "hvm"\ndevice_model_version = "qemu-xen-traditional"\nstdvga = 1\n');
      const d = await c.diagnostics(uri, (d) => d.length > 0);
      assert.ok(d.some((x) => x.severity === 1 && /Unknown device_model_version/.test(x.message)), JSON.stringify(d));
      assert.ok(!d.some((x) => x.code === 'deprecated-key'));
    } finally { await c.close(); }
  });

  test('a client that cannot answer configuration still gets diagnostics', async () => {
    const c = await startServer({ askConfiguration: false });
    try {
      const uri = 'file:///t/noconf.cfg';
      await c.open(uri, 'Name = "x"\n');
      const d = await c.diagnostics(uri, (d) => d.length > 0);
      assert.ok(d.some((x) => x.code === 'parse-error'));
    } finally { await c.close(); }
  });
});
