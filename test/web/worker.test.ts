// The web extension's language server (dist/web/server.js) in a real browser: Debian's headless
// Chromium loads a page that starts the bundle as a Worker, and the test speaks LSP to it over
// postMessage, as VS Code's web worker extension host does: the headline diagnostic, a hover, and
// the `local` host falling back to `reference` with a note.
// Skips loudly without Chromium (`apt-get install -y chromium`); XLCFG_REQUIRE_E2E=1 (CI) turns that
// into a failure.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

const WEB_SERVER = resolve(__dirname, '..', '..', 'dist', 'web', 'server.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const APT_LINE = 'apt-get install -y chromium';

const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing: ${APT_LINE}`;
if (missing) {
  console.log(`SKIPPED web-worker: ${missing}`);
  if (process.env.XLCFG_REQUIRE_E2E === '1') {
    test('chromium is installed (XLCFG_REQUIRE_E2E=1)', () => assert.fail(`XLCFG_REQUIRE_E2E=1 and ${missing}`));
  }
}

/** The page: starts the worker and keeps every message it sends, for the test to read. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>xlcfg web worker</title>
<script>
  window.received = [];
  window.errors = [];
  window.worker = new Worker('/server.js');
  window.worker.onmessage = (e) => window.received.push(e.data);
  window.worker.onerror = (e) => window.errors.push(String(e.message || e));
</script>`;

interface Message { id?: number; method?: string; params?: any; result?: any; error?: any }

/** Serves the page and the bundle on 127.0.0.1 (a Worker needs an http origin). */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE); return; }
    if (req.url === '/server.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(readFileSync(WEB_SERVER)); return; }
    res.writeHead(404); res.end();
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    res({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
  }));
}

describe('the web language server in a headless Chromium worker', { skip: missing ? `SKIPPED web-worker: ${missing}` : false, timeout: 180_000 }, () => {
  let browser: Browser;
  let page: Page;
  let http: Server;
  let profile: string;
  let url: string;
  let nextId = 1;

  const post = (m: Message) => page.evaluate((msg) => (globalThis as any).worker.postMessage(msg), { jsonrpc: '2.0', ...m });
  const received = (): Promise<Message[]> => page.evaluate(() => (globalThis as any).received);
  /** Waits until a message the worker sent (from the `from`th on) satisfies `pred`, and answers it. */
  async function waitFor(what: string, pred: (m: Message) => boolean, from = 0, ms = 30_000): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const all = await received();
      const hit = all.slice(from).find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) {
        const errors = await page.evaluate(() => (globalThis as any).errors);
        throw new Error(`no ${what} from the worker in ${ms} ms; it sent ${JSON.stringify(all.slice(from)).slice(0, 3000)}; errors ${JSON.stringify(errors)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  async function request(method: string, params: unknown): Promise<any> {
    const id = nextId++;
    await post({ id, method, params });
    const m = await waitFor(`answer to ${method}`, (x) => x.id === id && !x.method);
    assert.equal(m.error, undefined, JSON.stringify(m.error));
    return m.result;
  }

  before(async () => {
    assert.ok(existsSync(WEB_SERVER), 'dist/web/server.js is missing: node scripts/build.mjs');
    ({ server: http, url } = await serve());
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'xlcfg-web-chromium-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    await page.goto(url);
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (http ? http.close(r) : r(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const uri = 'vscode-vfs://github/xen/guests/hvm.cfg';
  // The headline config, with the name xl asks for first (without it xl refuses the file before libxl).
  const text = 'name="web"\ntype="hvm"\ndevice_model_stubdomain_override=1\ndm_restrict=1\n';

  test('initialize: the same capabilities as the Node server', async () => {
    const r = await request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { clientCommands: true } });
    assert.equal(r.serverInfo.name, 'xlcfg-language-server');
    assert.equal(r.capabilities.hoverProvider, true);
    assert.ok(r.capabilities.completionProvider, 'completion');
    assert.ok(r.capabilities.codeActionProvider, 'quick fixes');
    await post({ method: 'initialized', params: {} });
  });

  test('didOpen of the headline config: publishDiagnostics with dm-restrict-traditional', async () => {
    await post({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'xl-cfg', version: 1, text } } });
    const m = await waitFor('diagnostics with dm-restrict-traditional', (x) => x.method === 'textDocument/publishDiagnostics' &&
      x.params.uri === uri && x.params.diagnostics.some((d: any) => d.code === 'dm-restrict-traditional'));
    const d = m.params.diagnostics.find((x: any) => x.code === 'dm-restrict-traditional');
    assert.equal(d.severity, 1, 'an error');
    assert.match(d.message, /dm_restrict not supported by qemu-xen-traditional/);
    assert.equal(d.range.start.line, 3, 'on the dm_restrict line');
  });

  test('hover on dm_restrict answers markdown', async () => {
    const h = await request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /dm_restrict/);
  });

  test('the `local` host is absent: settings asking for it get `reference`, with a note', async () => {
    const from = (await received()).length;
    await post({ method: 'workspace/didChangeConfiguration', params: { settings: { xlcfg: { host: 'local' } } } });
    const note = await waitFor('a note about `local`', (x) => x.method === 'window/showMessage' && /`local`/.test(x.params.message), from);
    assert.match(note.params.message, /`reference`/);
    assert.equal(note.params.type, 2, 'a warning');
    await waitFor('the note in the log', (x) => x.method === 'window/logMessage' && /`local`/.test(x.params.message), from);
    // Published again under the new settings, and the reference host still has the headline.
    await waitFor('diagnostics under the changed settings', (x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === uri &&
      x.params.diagnostics.some((d: any) => d.code === 'dm-restrict-traditional'), from);
  });

  test('shutdown and exit', async () => {
    assert.equal(await request('shutdown', null), null);
    await post({ method: 'exit' });
  });
});
