// The `xlcfg` settings arrive three ways, in one shape (issue 15): pulled (workspace/configuration,
// section `xlcfg`), pushed (workspace/didChangeConfiguration `{ settings: { xlcfg } }`) and at start-up
// (initializationOptions `{ settings: { xlcfg } }`, `{ xlcfg }` or the older `{ settings: {...} }`).
// Later layers win key by key: defaults < initialization options < pushed < pulled.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type ClientOptions } from '../helpers/lsp-client';

const SRC = readFileSync(resolve(__dirname, '..', '..', 'examples', 'hvm-dm-restrict-traditional.cfg'), 'utf8');
const codes = (d: any[]) => d.map((x) => x.code).sort();
/** Xen 4.21 removed qemu-xen-traditional: xl refuses the headline config with another code. */
const on421 = (d: any[]) => codes(d).includes('xl-unknown-dm-version');
const on417 = (d: any[]) => codes(d).includes('dm-restrict-traditional');

async function diagnosticsWith(o: ClientOptions, until: (d: any[]) => boolean, then?: (c: Awaited<ReturnType<typeof startServer>>, uri: string) => Promise<void>) {
  const c = await startServer(o);
  try {
    const uri = 'file:///etc/xen/legacy.cfg';
    await c.open(uri, SRC);
    if (then) await then(c, uri);
    return await c.diagnostics(uri, until);
  } finally {
    await c.close();
  }
}

describe('settings over LSP: the three ways in', () => {
  test('defaults: Xen 4.17', async () => {
    const d = await diagnosticsWith({ configuration: null }, on417);
    assert.ok(!on421(d));
  });

  test('pulled: workspace/configuration, section xlcfg', async () => {
    let asked: any[] = [];
    const d = await diagnosticsWith({
      onRequest: { 'workspace/configuration': (p: any) => { asked = p.items; return p.items.map((i: any) => (i.section === 'xlcfg' ? { xenVersion: '4.21' } : null)); } },
    }, on421);
    assert.ok(!on417(d));
    assert.deepEqual(asked.map((i) => i.section), ['xlcfg']);
    assert.equal(asked[0].scopeUri, 'file:///etc/xen/legacy.cfg');
  });

  test('pushed: workspace/didChangeConfiguration { settings: { xlcfg } }, and a null push keeps them', async () => {
    await diagnosticsWith({ askConfiguration: false }, on421, async (c, uri) => {
      await c.diagnostics(uri, on417);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xlcfg: { xenVersion: '4.21' } } });
      await c.diagnostics(uri, on421);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    });
  });

  test('pushed, then pulled per document: the pull goes over the push', async () => {
    await diagnosticsWith({ configuration: { severity: { 'xl-unknown-dm-version': 'hint' } } }, (d) => d.some((x) => x.code === 'xl-unknown-dm-version' && x.severity === 4), async (c) => {
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xlcfg: { xenVersion: '4.21' } } });
    });
  });

  for (const [name, init] of [
    ['{ settings: { xlcfg } }', { settings: { xlcfg: { xenVersion: '4.21' } } }],
    ['{ xlcfg }', { xlcfg: { xenVersion: '4.21' } }],
    ['{ settings } (the section itself, as before)', { settings: { xenVersion: '4.21' } }],
  ] as const) {
    test(`initializationOptions ${name}`, async () => {
      await diagnosticsWith({ askConfiguration: false, initializationOptions: init }, on421);
    });
  }

  test('initializationOptions stay when the pull answers null or {} (editors without an xlcfg section)', async () => {
    for (const configuration of [null, {}]) {
      await diagnosticsWith({ configuration, initializationOptions: { settings: { xlcfg: { xenVersion: '4.21' } } } }, on421);
    }
  });

  test('layers key by key: start-up xenVersion, pulled severity', async () => {
    const d = await diagnosticsWith({
      configuration: { severity: { 'xl-unknown-dm-version': 'off' }, xenVersion: 'not-a-release' },
      initializationOptions: { settings: { xlcfg: { xenVersion: '4.21' } } },
    }, () => true);
    // 4.21's refusal is the only finding, and it is off; 4.17's would be there.
    assert.deepEqual(codes(d), []);
  });

  test('a push replaces the earlier push, over the start-up settings', async () => {
    await diagnosticsWith({ askConfiguration: false, initializationOptions: { xlcfg: { xenVersion: '4.21' } } }, on421, async (c, uri) => {
      await c.diagnostics(uri, on421);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xlcfg: { xenVersion: '4.17' } } });
      await c.diagnostics(uri, on417);
      // Another push without xenVersion: back to the start-up value, not the previous push.
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { xlcfg: { inlayHints: false } } });
    });
  });
});
