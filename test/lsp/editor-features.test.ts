// Protocol-level tests for the editor features of issue 13, against the built server over stdio:
// outline, folding, selection ranges, formatting (document and range), semantic tokens, definition
// and document highlight, each with its capability announced.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer, applyEdits, SERVER, type TestClient } from '../helpers/lsp-client';

const doc = (uri: string) => ({ textDocument: { uri } });

describe('editor features over LSP', () => {
  let c: TestClient;
  let capabilities: any;
  before(async () => {
    c = await startServer({ configuration: null });
    // startServer has already initialized; ask a second server for its answer to initialize.
    capabilities = await initializeAnswer({});
  });
  after(async () => { await c.close(); });

  test('the capabilities are announced, with the semantic-token legend', () => {
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.selectionRangeProvider, true);
    assert.equal(capabilities.documentFormattingProvider, true);
    assert.equal(capabilities.documentRangeFormattingProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
    assert.deepEqual(capabilities.semanticTokensProvider, {
      legend: { tokenTypes: ['property', 'parameter', 'enumMember'], tokenModifiers: ['unknown', 'deprecated', 'ignored'] }, full: true,
    });
  });

  test('documentSymbol: a client without hierarchy support gets the settings with their group as container', async () => {
    const uri = 'file:///t/sym-flat.cfg';
    await c.open(uri, 'name = "g"\nmemory = 512\nvif = [ "bridge=xenbr0" ]\nvif += [ "bridge=xenbr1" ]\n');
    const s = await c.request('textDocument/documentSymbol', doc(uri));
    assert.deepEqual(s.map((x: any) => [x.name, x.containerName, x.location.range.start.line]),
      [['name', 'Domain and life cycle', 0], ['memory', 'CPUs and memory', 1], ['vif', 'Devices', 2], ['vif', 'Devices', 3]]);
  });

  test('documentSymbol: hierarchical groups, settings, `+=` in the detail, list items as children', async () => {
    {
      // The helper announces no textDocument capabilities: a raw client that does.
      const syms = await withClient({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } }, async (conn) => {
        const uri = 'file:///t/sym.cfg';
        await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xl-cfg', version: 1,
          text: 'name = "g"\nmemory = 512\nvif = [ "bridge=xenbr0" ]\nvif += [ "bridge=xenbr1" ]\nmemory = 1024\n' } });
        return conn.sendRequest('textDocument/documentSymbol', doc(uri)) as Promise<any[]>;
      });
      assert.deepEqual(syms.map((g) => g.name), ['Domain and life cycle', 'CPUs and memory', 'Devices']);
      const mem = syms[1].children;
      assert.deepEqual(mem.map((m: any) => m.detail), ['= 512 (overridden)', '= 1024']);
      assert.deepEqual(mem[0].selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
      const vif = syms[2].children;
      assert.equal(vif[1].detail, '+= [1 item]');
      assert.deepEqual(vif[1].children.map((i: any) => i.name), ['bridge=xenbr1']);
      assert.deepEqual(vif[1].children[0].range, { start: { line: 3, character: 9 }, end: { line: 3, character: 24 } });
    }
  });

  test('semantic tokens are asked for again when the settings change (clients with refresh support)', async () => {
    const refreshed = await withClient({ workspace: { configuration: true, semanticTokens: { refreshSupport: true } } }, async (conn) => {
      const got = new Promise<boolean>((res) => {
        conn.onRequest('workspace/semanticTokens/refresh', () => { res(true); return null; });
        setTimeout(() => res(false), 5000);
      });
      await conn.sendNotification('workspace/didChangeConfiguration', { settings: { xlcfg: { xenVersion: '4.20' } } });
      return got;
    });
    assert.equal(refreshed, true);
  });

  test('foldingRange: multi-line lists and comment blocks', async () => {
    const uri = 'file:///t/fold.cfg';
    await c.open(uri, '# one\n# two\nname = "g"\ndisk = [\n  "a",\n  "b",\n]\n');
    const f = await c.request('textDocument/foldingRange', doc(uri));
    assert.deepEqual(f, [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 3, endLine: 5 }]);
  });

  test('selectionRange: value -> item -> list -> statement -> group -> document, as nested parents', async () => {
    const uri = 'file:///t/sel.cfg';
    const text = 'name = "g"\nvif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]\n\nmemory = 1\n';
    await c.open(uri, text);
    const [r] = await c.request('textDocument/selectionRange', { ...doc(uri), positions: [{ line: 1, character: 35 }] });
    const chain: any[] = [];
    for (let x = r; x; x = x.parent) chain.push(x.range);
    const lines = text.split('\n');
    const slice = (rg: any) => rg.start.line === rg.end.line ? lines[rg.start.line]!.slice(rg.start.character, rg.end.character) : `${rg.start.line}-${rg.end.line}`;
    assert.deepEqual(chain.map(slice), ['00:16:3e:00:00:01', 'mac=00:16:3e:00:00:01', 'bridge=xenbr0,mac=00:16:3e:00:00:01',
      '"bridge=xenbr0,mac=00:16:3e:00:00:01"', '[ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]', 'vif = [ "bridge=xenbr0,mac=00:16:3e:00:00:01" ]', '0-1', '0-4']);
  });

  test('formatting: the edits give the formatted file, which then gets no edits', async () => {
    const uri = 'file:///t/fmt.cfg';
    const text = 'name="g"   # guest\n\n\nmemory   =1024\ndisk = [ "phy:/dev/vg0/guest-root-volume,xvda,w", "file:/srv/xen/images/guest-data.img,xvdb,r" ]\n';
    await c.open(uri, text);
    const edits = await c.request('textDocument/formatting', { ...doc(uri), options: { tabSize: 4, insertSpaces: true } });
    const out = applyEdits(text, edits);
    assert.equal(out, 'name = "g" # guest\n\nmemory = 1024\ndisk = [\n    "phy:/dev/vg0/guest-root-volume,xvda,w",\n    "file:/srv/xen/images/guest-data.img,xvdb,r",\n]\n');
    c.change(uri, 2, out);
    await c.diagnostics(uri);
    assert.deepEqual(await c.request('textDocument/formatting', { ...doc(uri), options: { tabSize: 4, insertSpaces: true } }), []);
  });

  test('formatting a file xl refuses returns no edits', async () => {
    const uri = 'file:///t/fmt-bad.cfg';
    await c.open(uri, 'name="g"\nmemory =\n# no final newline');
    assert.deepEqual(await c.request('textDocument/formatting', { ...doc(uri), options: { tabSize: 4, insertSpaces: true } }), []);
    assert.deepEqual(await c.request('textDocument/rangeFormatting', { ...doc(uri), range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, options: { tabSize: 4, insertSpaces: true } }), []);
  });

  test('formatting a file whose BOM the client reported returns no edits (xl refuses the BOM)', async () => {
    const uri = 'file:///t/fmt-bom.cfg';
    await c.open(uri, 'name="g"\n');
    await c.diagnostics(uri);
    await c.conn.sendNotification('xlcfg/bom', { uri, hasBom: true });
    await c.diagnostics(uri, (d) => d.some((x) => x.code === 'parse-error'));
    assert.deepEqual(await c.request('textDocument/formatting', { ...doc(uri), options: { tabSize: 4, insertSpaces: true } }), []);
  });

  test('rangeFormatting: only the statements in the range, with the editor\'s indentation', async () => {
    const uri = 'file:///t/fmt-range.cfg';
    const text = 'a=1\nb  =  [ 1,\n 2 ]\nc=3\n';
    await c.open(uri, text);
    const edits = await c.request('textDocument/rangeFormatting', { ...doc(uri), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applyEdits(text, edits), 'a=1\nb = [\n  1,\n  2,\n]\nc=3\n');
  });

  test('semanticTokens/full: unknown, deprecated and ignored keys, relative encoding', async () => {
    const uri = 'file:///t/tokens.cfg';
    await c.open(uri, 'name = "g"\ntype = "pv"\nkernel = "/k"\nvga = "none"\nstdvga = 1\n  memroy = 3\n');
    await c.diagnostics(uri, (d) => d.some((x) => x.code === 'unknown-key'));
    const t = await c.request('textDocument/semanticTokens/full', doc(uri));
    // vga (line 3, ignored = bit 2), stdvga (line 4, deprecated = bit 1), memroy (line 5, col 2, unknown = bit 0)
    assert.deepEqual(t.data, [3, 0, 3, 0, 4, 1, 0, 6, 0, 2, 1, 2, 6, 0, 1]);
  });

  test('semanticTokens/full: the fields, flags and known values inside spec strings', async () => {
    const uri = 'file:///t/spec-tokens.cfg';
    await c.open(uri, 'name = "g"\ndisk = [ "format=raw, vdev=xvda, access=rw, target=/x" ]\nvif = [ "bridge=br0,trusted", "mac=00:16:3e:00:00:01,type=ioemu" ]\n');
    await c.diagnostics(uri, () => true);
    const t = await c.request('textDocument/semanticTokens/full', doc(uri));
    const tokens: [number, number, number, number][] = [];
    for (let i = 0, line = 0, col = 0; i < t.data.length; i += 5) {
      line += t.data[i]; col = t.data[i] === 0 ? col + t.data[i + 1] : t.data[i + 1];
      tokens.push([line, col, t.data[i + 2], t.data[i + 3]]);
    }
    // disk: format (param), raw (enum), vdev (param), access (param), rw (enum), target (param)
    assert.deepEqual(tokens.filter(([l]) => l === 1), [[1, 10, 6, 1], [1, 17, 3, 2], [1, 22, 4, 1], [1, 33, 6, 1], [1, 40, 2, 2], [1, 44, 6, 1]]);
    // vif: bridge, trusted (flag); mac, type, ioemu (enum)
    assert.deepEqual(tokens.filter(([l]) => l === 2), [[2, 9, 6, 1], [2, 20, 7, 1], [2, 31, 3, 1], [2, 53, 4, 1], [2, 58, 5, 2]]);
  });

  test('definition: from a `+=` to the assignment it extends, from an overridden one to the one xl reads', async () => {
    const uri = 'file:///t/def.cfg';
    await c.open(uri, 'memory = 512\nextra = "a"\nextra += " b"\nmemory = 1024\n');
    const d1 = await c.request('textDocument/definition', { ...doc(uri), position: { line: 2, character: 2 } });
    assert.deepEqual(d1, { uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } } });
    const d2 = await c.request('textDocument/definition', { ...doc(uri), position: { line: 0, character: 3 } });
    assert.deepEqual(d2, { uri, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } } });
    assert.equal(await c.request('textDocument/definition', { ...doc(uri), position: { line: 3, character: 3 } }), null);
  });

  test('documentHighlight: every assignment of the key, overridden ones as text (1), the one xl reads as write (3)', async () => {
    const uri = 'file:///t/hl.cfg';
    await c.open(uri, 'memory = 512\nextra = "a"\nmemory = 1024\n');
    const h = await c.request('textDocument/documentHighlight', { ...doc(uri), position: { line: 2, character: 1 } });
    assert.deepEqual(h, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, kind: 1 },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, kind: 3 },
    ]);
  });
});

describe('editor features on large input', { timeout: 120_000 }, () => {
  test('a 2 MB file (above the editor\'s 1 MB analysis limit): capped outline, folding, no formatting, no tokens', async () => {
    const c = await startServer({ configuration: null });
    try {
      const uri = 'file:///t/big.cfg';
      const lines = ['name="big"'];
      for (let i = 0; i < 70_000; i++) lines.push(`key_${i} = "some value with text"`);
      await c.open(uri, lines.join('\n') + '\n# a\n# b\n');
      await c.diagnostics(uri, (d) => d.some((x) => x.code === 'large-file'), 60_000);
      const syms = await c.request('textDocument/documentSymbol', doc(uri));
      assert.equal(syms.length, 5000);
      assert.deepEqual(await c.request('textDocument/foldingRange', doc(uri)), [{ startLine: 70_001, endLine: 70_002, kind: 'comment' }]);
      assert.deepEqual(await c.request('textDocument/formatting', { ...doc(uri), options: { tabSize: 4, insertSpaces: true } }), []);
      assert.deepEqual((await c.request('textDocument/semanticTokens/full', doc(uri))).data, []);
      const h = await c.request('textDocument/documentHighlight', { ...doc(uri), position: { line: 0, character: 1 } });
      assert.equal(h.length, 1);
    } finally { await c.close(); }
  });
});

/** Runs `body` against a fresh server initialized with the given client capabilities. */
async function withClient<T>(capabilities: object, body: (conn: ReturnType<typeof createMessageConnection>) => Promise<T>, onInit?: (r: any) => void): Promise<T> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: any) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  try {
    const r = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities });
    onInit?.(r);
    await conn.sendNotification('initialized', {});
    return await body(conn);
  } finally {
    try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit'); } catch { /* gone */ }
    conn.dispose();
    proc.kill();
  }
}

async function initializeAnswer(capabilities: object): Promise<any> {
  let caps: any;
  await withClient(capabilities, async () => undefined, (r) => { caps = r.capabilities; });
  return caps;
}
