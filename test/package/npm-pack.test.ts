// The npm package as a user gets it: `npm pack` at the root of (a copy of) the checkout, the
// tarball installed into an empty project with `npm install --offline` from the file alone (the
// package has no dependencies: the CLI and the server are bundled), then the two commands it
// installs, run the way a user runs them: `npx xlcfg check` (one file; a folder in the CI formats,
// clashes across configs, --diff and --fix) and `npx xlcfg-language-server --stdio`.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyOfCheckout } from '../helpers/checkout-copy';

const WORK = copyOfCheckout('xlcfg-npm-pack-');
const OUT = mkdtempSync(join(tmpdir(), 'xlcfg-npm-out-'));
const PACKS = join(OUT, 'packs');
const PROJECT = join(OUT, 'project');
after(() => {
  rmSync(WORK, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

/** npm with nothing from the registry: offline, and a cache of its own (empty, so nothing can come from it either). */
const NPM_ENV = { ...process.env, npm_config_offline: 'true', npm_config_cache: join(OUT, 'npm-cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: NPM_ENV, maxBuffer: 1 << 26, ...opts });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr), all: `${r.stdout}\n${r.stderr}` };
}

/** A guest whose stub domain implies qemu-xen-traditional, with dm_restrict: libxl refuses it at start. */
const STUBDOM_GUEST = 'name = "stubbed"\ntype = "hvm"\nmemory = 1024\ndevice_model_stubdomain_override = 1\ndm_restrict = 1\n';

describe('the npm package (npm pack, installed from the tarball alone)', () => {
  let tarball = '';
  let packed: string[] = [];

  test('npm pack builds the release bundles and writes the tarball', { timeout: 300_000 }, () => {
    mkdirSync(PACKS, { recursive: true });
    const r = run('npm', ['pack', '--pack-destination', PACKS], { cwd: WORK });
    assert.equal(r.status, 0, r.all);
    const tgz = readdirSync(PACKS).filter((f) => f.endsWith('.tgz'));
    assert.equal(tgz.length, 1, `one tarball in ${readdirSync(PACKS).join(', ')}`);
    tarball = join(PACKS, tgz[0]!);
    const list = run('tar', ['-tzf', tarball]);
    assert.equal(list.status, 0, list.all);
    packed = list.stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, '')).sort();
  });

  test('it holds the two commands, the docs and the license, and nothing else', () => {
    assert.deepEqual(packed, [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/lsp-protocol.js', 'dist/server.js', 'docs/diagnostics.md', 'docs/editors.md', 'package.json',
    ]);
  });

  test('its package.json is public, names both commands and has no dependency to fetch', () => {
    const pkg = JSON.parse(run('tar', ['-xOzf', tarball, 'package/package.json']).stdout);
    assert.equal(pkg.private, undefined);
    assert.deepEqual(pkg.bin, { xlcfg: 'dist/cli.js', 'xlcfg-language-server': 'dist/server.js' });
    assert.equal(pkg.dependencies, undefined, 'every runtime dependency is bundled (devDependencies)');
    assert.equal(pkg.optionalDependencies, undefined);
    assert.equal(pkg.peerDependencies, undefined);
    assert.equal(pkg.files, undefined, 'vsce refuses "files" beside .vscodeignore: .npmignore decides');
    for (const name of ['vscode-languageserver', 'vscode-languageclient', 'vscode-languageserver-textdocument']) {
      assert.ok(pkg.devDependencies[name], `${name} is bundled, so a devDependency`);
    }
  });

  test('the bundles start with a shebang and point at no source map the package does not hold', () => {
    for (const f of ['dist/cli.js', 'dist/server.js']) {
      const text = run('tar', ['-xOzf', tarball, `package/${f}`]).stdout;
      assert.match(text.split('\n')[0]!, /^#!\/usr\/bin\/env node$/, f);
      assert.doesNotMatch(text, /^\/\/# sourceMappingURL=/m, f);
    }
  });

  test('npm install --offline of the tarball into an empty project needs nothing else', { timeout: 120_000 }, () => {
    mkdirSync(PROJECT, { recursive: true });
    writeFileSync(join(PROJECT, 'package.json'), JSON.stringify({ name: 'guests', version: '1.0.0', private: true }, null, 2));
    const r = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: PROJECT });
    assert.equal(r.status, 0, r.all);
    const installed = readdirSync(join(PROJECT, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['xlcfg'], 'the package alone, no dependency');
    assert.deepEqual(readdirSync(join(PROJECT, 'node_modules', '.bin')).sort(), ['xlcfg', 'xlcfg-language-server']);
  });

  test('npx xlcfg check reports the dm_restrict refusal of a stub-domain guest', { timeout: 60_000 }, () => {
    writeFileSync(join(PROJECT, 'stubbed.cfg'), STUBDOM_GUEST);
    const text = run('npx', ['xlcfg', 'check', 'stubbed.cfg'], { cwd: PROJECT });
    assert.equal(text.status, 1, text.all);
    assert.match(text.stdout, /^stubbed\.cfg:5:1: error: .*dm_restrict not supported by qemu-xen-traditional.*\[dm-restrict-traditional\]$/m);
    const json = run('npx', ['xlcfg', 'check', 'stubbed.cfg', '--json'], { cwd: PROJECT });
    assert.equal(json.status, 1, json.all);
    const [file] = JSON.parse(json.stdout);
    const headline = file.diagnostics.find((d: { code: string }) => d.code === 'dm-restrict-traditional');
    assert.equal(headline?.severity, 'error', json.stdout);
    assert.equal(headline.range.start.line, 4);
  });

  test('npx xlcfg check on a folder, as a pipeline runs it: SARIF, GitHub annotations, clashes across configs, --fix', { timeout: 120_000 }, () => {
    const guests = join(PROJECT, 'guests');
    mkdirSync(guests, { recursive: true });
    // Two guests with the same name and MAC; one spells a boolean as a word (a fix without a choice).
    writeFileSync(join(guests, 'web1.cfg'), 'name = "web"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 512\nvif = [ "mac=00:16:3e:12:34:56,bridge=xenbr0" ]\n');
    writeFileSync(join(guests, 'web2.cfg'), 'name = "web"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 512\nvif = [ "mac=00:16:3e:12:34:56,bridge=xenbr0" ]\nacpi = "yes"\n');
    const sarif = run('npx', ['xlcfg', 'check', 'guests', '--format', 'sarif'], { cwd: PROJECT });
    const log = JSON.parse(sarif.stdout);
    assert.equal(log.version, '2.1.0', sarif.all);
    const rules = log.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    for (const code of ['duplicate-guest-name', 'duplicate-mac-address']) assert.ok(rules.includes(code), `${code} in ${rules.join(', ')}`);
    const gh = run('npx', ['xlcfg', 'check', 'guests', '--format', 'github'], { cwd: PROJECT });
    assert.match(gh.stdout, /^::warning file=guests\/web2\.cfg,line=1,.*duplicate-guest-name/m, gh.all);
    const diff = run('npx', ['xlcfg', 'check', 'guests/web2.cfg', '--diff'], { cwd: PROJECT });
    assert.match(diff.stdout, /^-acpi = "yes"$/m, diff.all);
    const fixed = run('npx', ['xlcfg', 'check', 'guests/web2.cfg', '--fix', '--exit-zero'], { cwd: PROJECT });
    assert.equal(fixed.status, 0, fixed.all);
    assert.doesNotMatch(readFileSync(join(guests, 'web2.cfg'), 'utf8'), /"yes"/);
  });

  test('npx xlcfg-language-server --stdio answers initialize, checks a document, and stops on shutdown and exit', { timeout: 60_000 }, async () => {
    const proc = spawn('npx', ['xlcfg-language-server', '--stdio'], { cwd: PROJECT, env: NPM_ENV, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const killAll = () => { try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* gone */ } };
    let stderr = '';
    proc.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
    // LSP base protocol: `Content-Length: N\r\n\r\n` then N bytes of JSON.
    let buffer = Buffer.alloc(0);
    const messages: any[] = [];
    const waiters: (() => void)[] = [];
    proc.stdout.on('data', (b: Buffer) => {
      buffer = Buffer.concat([buffer, b]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
        if (buffer.length < end + 4 + length) break;
        messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
        buffer = buffer.subarray(end + 4 + length);
      }
      for (const w of waiters.splice(0)) w();
    });
    const send = (msg: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
      proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    };
    const response = (id: number) => new Promise<any>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no response ${id}; stderr: ${stderr}`)), 30_000);
      const check = () => {
        const m = messages.find((x) => x.id === id && !('method' in x));
        if (m) { clearTimeout(timer); res(m); } else waiters.push(check);
      };
      check();
    });
    try {
      send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      const init = await response(1);
      assert.equal(init.error, undefined, JSON.stringify(init.error));
      const caps = init.result.capabilities;
      assert.ok(caps.textDocumentSync, JSON.stringify(caps));
      assert.equal(caps.hoverProvider, true);
      assert.ok(caps.completionProvider);
      assert.ok(caps.codeActionProvider);
      assert.equal(init.result.serverInfo?.name, 'xlcfg-language-server');
      send({ method: 'initialized', params: {} });
      // The installed server checks a document: the same headline as the CLI.
      const uri = 'file:///etc/xen/stubbed.cfg';
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'xl-cfg', version: 1, text: STUBDOM_GUEST } } });
      const published = await new Promise<any>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no diagnostics; stderr: ${stderr}`)), 30_000);
        const check = () => {
          const m = messages.find((x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === uri);
          if (m) { clearTimeout(timer); res(m.params); } else waiters.push(check);
        };
        check();
      });
      const headline = published.diagnostics.find((d: { code: string }) => d.code === 'dm-restrict-traditional');
      assert.equal(headline?.severity, 1, JSON.stringify(published.diagnostics));
      assert.equal(headline.range.start.line, 4);
      send({ id: 2, method: 'shutdown' });
      const shut = await response(2);
      assert.equal(shut.error, undefined);
      assert.equal(shut.result, null);
      send({ method: 'exit' });
      const code = await Promise.race([exited, new Promise((res) => setTimeout(() => res('still running'), 15_000))]);
      assert.equal(code, 0, `exit status after shutdown/exit; stderr: ${stderr}`);
    } finally {
      killAll();
    }
  });
});

// The README describes this package: the install commands it gives are the ones tested here.
test('the README tells users how to install the package and the extension', () => {
  const readme = readFileSync(join(WORK, 'README.md'), 'utf8');
  assert.match(readme, /npm install -g /);
  assert.match(readme, /--install-extension/);
});
