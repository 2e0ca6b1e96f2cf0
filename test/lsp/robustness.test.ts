// Bad input never crashes or hangs the server: a 50 MB file, a list of a million items, lists
// nested 100,000 deep, binary garbage. Each gets its diagnostics, and the server still answers.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestClient } from '../helpers/lsp-client';

function fiftyMegabytes(): string {
  const parts = ['name = "big"\ntype = "hvm"\n'];
  let size = 0;
  for (let i = 0; size < 50e6; i++) { const l = `key_${i} = "some value with text"\n`; parts.push(l); size += l.length; }
  return parts.join('');
}
function garbage(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(((i * 2654435761) >>> 24) & 0x7f || 0x20);
  return s;
}

describe('the server survives bad input', { timeout: 300_000 }, () => {
  let c: TestClient;
  before(async () => { c = await startServer({ configuration: null }); });
  after(async () => { await c.close(); });

  const stillAnswers = async () => {
    const uri = 'file:///r/small.cfg';
    await c.open(uri, 'name = "x"\ntype = "hvm"\n');
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    assert.match(h.contents.value, /type/);
  };

  test('a 50 MB file: its syntax is checked, the rest is skipped and said so', async () => {
    const uri = 'file:///r/fifty.cfg';
    await c.open(uri, fiftyMegabytes());
    const d = await c.diagnostics(uri, (d) => d.length > 0, 120_000);
    assert.ok(d.some((x) => x.code === 'large-file'), JSON.stringify(d.slice(0, 3)));
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    assert.ok(h === null || typeof h.contents.value === 'string');
    await stillAnswers();
  });

  test('a list of a million items', async () => {
    const uri = 'file:///r/million.cfg';
    await c.open(uri, 'name = "x"\ntype = "hvm"\ncpus = [' + '1,'.repeat(1_000_000) + ']\n');
    const d = await c.diagnostics(uri, () => true, 60_000);
    assert.ok(!d.some((x) => x.code === 'parse-error'));
    await stillAnswers();
  });

  test('lists nested 100,000 deep: xl\'s `memory exhausted`', async () => {
    const uri = 'file:///r/deep.cfg';
    await c.open(uri, 'name = "x"\nvnuma = ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
    const d = await c.diagnostics(uri, (d) => d.length > 0, 60_000);
    assert.ok(d.some((x) => /memory exhausted/.test(x.message)));
    await stillAnswers();
  });

  test('inputs that make a naive scanner quadratic: `# ` with no newline, unclosed quotes on one long line', async () => {
    for (const [name, text] of [['hashes', '# '.repeat(500_000)], ['quotes', `'x "`.repeat(250_000) + '\n']]) {
      const uri = `file:///r/${name}.cfg`;
      await c.open(uri, text);
      await c.diagnostics(uri, (d) => d.length > 0, 60_000);
    }
    await stillAnswers();
  });

  test('binary garbage: errors, capped, and nothing else', async () => {
    const uri = 'file:///r/garbage.cfg';
    await c.open(uri, garbage(1 << 20));
    const d = await c.diagnostics(uri, (d) => d.length > 0, 60_000);
    assert.ok(d.length <= 2001);
    assert.ok(d.some((x) => x.code === 'parse-error'));
    await stillAnswers();
  });
});

describe('a failing request handler answers empty and logs once', () => {
  for (const [name, method, empty] of [
    ['hover', 'textDocument/hover', null], ['codeLens', 'textDocument/codeLens', []],
    ['semanticTokens', 'textDocument/semanticTokens/full', { data: [] }], ['documentSymbol', 'textDocument/documentSymbol', null],
    ['documentLink', 'textDocument/documentLink', null],
  ] as const) {
    test(name, async () => {
      const c = await startServer({ configuration: null, env: { XLCFG_TEST_FAULT: name } });
      const logs: string[] = [];
      c.conn.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
      try {
        const uri = 'file:///r/fault.cfg';
        await c.open(uri, 'name = "x"\ntype = "hvm"\n');
        const r = await c.request(method, { textDocument: { uri }, position: { line: 1, character: 1 } });
        assert.deepEqual(r, empty);
        assert.ok(logs.some((l) => l.includes(`${name} failed`) && l.includes('fault injected')), logs.join('\n'));
        // The other requests still work.
        const h = name === 'hover' ? await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } })
          : await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
        assert.ok(h);
      } finally {
        await c.close();
      }
    });
  }
});
