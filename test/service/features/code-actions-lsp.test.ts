// Every quick fix over the protocol: the built server (dist/server.js) is spawned, each corpus
// config that gets a fix is opened, the code actions for each diagnostic are requested, and the
// edit the server sends is applied. The text must be exactly the fixture chk-fixed-*.cfg that
// code-actions.test.ts ran through the real xl and libxl.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER, startServer, applyEdits, type TestClient } from '../../helpers/lsp-client';
import { allCorpus } from '../checks/corpus-helpers';
import { appliedFixes } from './code-actions-oracle';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'oracle', 'corpus');

describe('quick fixes over the protocol', { skip: existsSync(SERVER) ? false : 'dist/server.js is not built (npm run build)' }, () => {
  let c: TestClient;
  before(async () => { c = await startServer({ configuration: null }); });
  after(async () => { await c.close(); });

  // The server analyses with the reference host: leave out goldens made on other hosts, and
  // files the editor would not show as text (BOM, CR: those get client commands).
  const fixes = appliedFixes(allCorpus()).filter((f) => !/debianhost|noqemu/.test(f.entry.name) && !f.before.includes(0x0d) && f.before[0] !== 0xef);
  const byEntry = new Map<string, typeof fixes>();
  for (const f of fixes) byEntry.set(f.entry.name, [...(byEntry.get(f.entry.name) ?? []), f]);

  for (const [name, entryFixes] of byEntry) {
    test(`${name}: ${entryFixes.length} fix(es)`, async () => {
      const uri = `file:///corpus/${name}.cfg`;
      const text = Buffer.from(entryFixes[0]!.before).toString('utf8');
      await c.open(uri, text);
      const diags = await c.diagnostics(uri, (d) => d.length > 0);
      const results = new Set<string>();
      for (const d of diags) {
        const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const a of actions ?? []) {
          if (a.kind !== 'quickfix' || !a.edit) continue;
          assert.ok(a.diagnostics?.length, `${a.title} names the diagnostic it fixes`);
          results.add(applyEdits(text, a.edit.changes[uri]));
        }
      }
      for (const f of entryFixes) {
        const kept = readFileSync(join(FIXTURES, `${f.name}.cfg`), 'utf8');
        assert.ok(results.has(kept), `the server offers "${f.action.title}" with the same edit (${f.name})`);
      }
    });
  }

  test('CRLF and BOM: client commands with the document uri', async () => {
    const uri = 'file:///t/crlf.cfg';
    await c.open(uri, 'name = "x"\r\ntype = "hvm"\r\n');
    const d = await c.diagnostics(uri, (d) => d.some((x) => x.code === 'parse-error'));
    const e = d.find((x) => x.code === 'parse-error');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: e.range, context: { diagnostics: [e] } });
    const cmd = actions.find((a: any) => a.command?.command === 'xlcfg.convertToLf');
    assert.ok(cmd, JSON.stringify(actions.map((a: any) => a.title)));
    const edit = actions.find((a: any) => a.edit);
    assert.ok(edit, 'a text-edit alternative for other editors');
  });

  test('Fix all is offered as source.fixAll', async () => {
    const uri = 'file:///t/fixall.cfg';
    const text = 'name = "x"\ntype = hvm\nacpi = True\n';
    await c.open(uri, text);
    await c.diagnostics(uri, (d) => d.length > 0);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    const all = actions.find((a: any) => a.kind === 'source.fixAll');
    assert.ok(all, JSON.stringify(actions));
    assert.equal(applyEdits(text, all.edit.changes[uri]), 'name = "x"\ntype = "hvm"\nacpi = 1\n');
  });
});
