// `npm run package` builds the bundles and makes the .vsix offline; the .vsix holds exactly what
// VS Code runs (bundles, grammar, snippets, language configuration, icon, license) and nothing of
// the sources, tests or node_modules. It runs in a copy of the checkout, so rebuilding dist/ does
// not disturb tests that use the project's own dist/ at the same time.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** Not copied: dependencies (linked instead), VCS data, build and test outputs. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'test-output', '.vscode-test']);
const ORACLE_BUILD = join(ROOT, 'test', 'oracle', 'build');

function copyOfCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-package-'));
  for (const name of readdirSync(ROOT)) {
    if (SKIP.has(name)) continue;
    cpSync(join(ROOT, name), join(dir, name), {
      recursive: true,
      filter: (src) => src !== ORACLE_BUILD && !src.startsWith(ORACLE_BUILD + sep),
    });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const WORK = copyOfCheckout();
const VSIX = join(WORK, 'dist/xlcfg.vsix');
after(() => rmSync(WORK, { recursive: true, force: true }));

function unzip(args: string[]): string {
  const r = spawnSync('unzip', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('packaging (npm run package)', () => {
  const haveUnzip = spawnSync('unzip', ['-v']).status === 0;
  if (!haveUnzip) console.log('\n*** SKIPPED packaging: apt-get install -y unzip ***\n');
  let entries: string[] = [];

  test('npm run package builds and writes dist/xlcfg.vsix', { skip: !haveUnzip, timeout: 240_000 }, () => {
    const r = spawnSync('npm', ['run', 'package'], { cwd: WORK, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.ok(existsSync(VSIX));
    // `unzip -l`: header, dashes, one line per entry ("  size  date time   name"), dashes, total
    entries = unzip(['-l', VSIX]).split('\n')
      .map((l) => /^\s*\d+\s+\S+\s+\S+\s+(.+)$/.exec(l)?.[1])
      .filter((n): n is string => !!n);
  });

  test('it ships the bundles, grammar, snippets, language configuration, icon and license', { skip: !haveUnzip }, () => {
    for (const want of [
      'extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js',
      'extension/syntaxes/xl-cfg.tmLanguage.json', 'extension/syntaxes/xl-cpupool.tmLanguage.json', 'extension/snippets/xl-cfg.json',
      'extension/language-configuration.json', 'extension/client/images/icon.png', 'extension/LICENSE.txt',
      'extension.vsixmanifest',
    ]) assert.ok(entries.includes(want), `${want} missing from ${entries.join(', ')}`);
    // vsce stores the README as extension/readme.md
    if (existsSync(join(ROOT, 'README.md'))) assert.ok(entries.some((e) => e.toLowerCase() === 'extension/readme.md'), 'README missing');
  });

  test('and nothing else: no sources, tests, node_modules, source maps or older packages', { skip: !haveUnzip }, () => {
    assert.ok(entries.length > 0);
    const unwanted = entries.filter((e) =>
      /^extension\/(node_modules|test|server|client\/src|scripts|examples|\.ci|\.git)\//.test(e) ||
      /\.(ts|map|vsix)$/.test(e) || /tsconfig|package-lock/.test(e));
    assert.deepEqual(unwanted, []);
  });

  test('the packaged manifest starts the bundled client and contributes xl-cfg', { skip: !haveUnzip }, () => {
    const manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.contributes.languages[0].id, 'xl-cfg');
    assert.ok(manifest.activationEvents.includes('onLanguage:xl-cfg'));
    const client = unzip(['-p', VSIX, 'extension/dist/client.js']);
    assert.match(client, /xlcfg\/deviceModelPreview/);
    assert.doesNotMatch(client, /require\("vscode-languageclient/); // bundled, not required at run time
    assert.match(unzip(['-p', VSIX, 'extension/dist/server.js']).split('\n')[0], /^#!\/usr\/bin\/env node/);
  });

  test('the web extension\'s entry and worker are in it (vsce refuses a `browser` entry it does not ship)', { skip: !haveUnzip }, () => {
    const manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    assert.equal(manifest.browser, './dist/web/client.js');
    for (const want of ['extension/dist/web/client.js', 'extension/dist/web/server.js']) assert.ok(entries.includes(want), `${want} missing`);
  });
});
