// `npm run package` builds the release bundles and makes the .vsix offline; the .vsix holds exactly
// what VS Code runs and shows (minified client and server, grammar, snippets, language
// configuration, icon, the screenshots of its README, changelog, license) and nothing of the
// sources, tests, node_modules, source maps or the CLI; it stays under its size budget, and vsce
// says nothing to warn about. It runs in a copy of the checkout, so rebuilding dist/ does not
// disturb tests that use the project's own dist/ at the same time.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, copyOfCheckout } from '../helpers/checkout-copy';

const WORK = copyOfCheckout('xlcfg-package-');
const VSIX = join(WORK, 'dist/xlcfg.vsix');
after(() => rmSync(WORK, { recursive: true, force: true }));

/** The desktop extension's budget in the .vsix: everything but the README's screenshots. */
const BUDGET_BYTES = 300 * 1024;
const isScreenshot = (entry: string) => entry.startsWith('extension/docs/images/');
const isWebBundle = (entry: string) => entry.startsWith('extension/dist/web/');
/** The screenshots docs/marketplace/README.md shows; they ship in the .vsix when the checkout has them. */
const SCREENSHOTS = ['docs/images/headline.png', 'docs/images/quickfix.png', 'docs/images/preview.png', 'docs/images/inlay-hints.png'];

function unzip(args: string[]): string {
  const r = spawnSync('unzip', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('packaging (npm run package)', () => {
  const haveUnzip = spawnSync('unzip', ['-v']).status === 0;
  if (!haveUnzip) console.log('\n*** SKIPPED packaging: apt-get install -y unzip ***\n');
  let output = '';
  /** name -> compressed size */
  const entries = new Map<string, number>();

  test('npm run package builds and writes dist/xlcfg.vsix', { skip: !haveUnzip, timeout: 240_000 }, () => {
    const r = spawnSync('npm', ['run', 'package'], { cwd: WORK, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true', FORCE_COLOR: '0' } });
    output = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, output);
    assert.ok(existsSync(VSIX));
    // `unzip -v`: header lines, then "  size  method  compressed  ratio  date  time  crc  name" per entry
    for (const line of unzip(['-v', VSIX]).split('\n')) {
      const m = /^\s*\d+\s+\S+\s+(\d+)\s+\d+%\s+\S+\s+\S+\s+[0-9a-f]{8}\s+(.+)$/.exec(line);
      if (m) entries.set(m[2]!, Number(m[1]));
    }
  });

  test('vsce prints no warning (nor error)', { skip: !haveUnzip }, () => {
    assert.ok(output.includes('DONE'), output);
    assert.deepEqual(output.split('\n').filter((l) => /\bWARN(ING)?\b|\bERROR\b/i.test(l)), []);
  });

  test('it ships exactly the bundles, grammars, snippets, language configuration, icon, README, changelog, license and screenshots', { skip: !haveUnzip }, () => {
    const expected = [
      '[Content_Types].xml', 'extension.vsixmanifest',
      'extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/lsp-protocol.js',
      'extension/syntaxes/xl-cfg.tmLanguage.json', 'extension/syntaxes/xl-cpupool.tmLanguage.json', 'extension/snippets/xl-cfg.json',
      'extension/language-configuration.json', 'extension/client/images/icon.png', 'extension/LICENSE.txt',
      'extension/readme.md', 'extension/changelog.md',
      ...SCREENSHOTS.filter((s) => existsSync(join(ROOT, s))).map((s) => `extension/${s}`),
    ];
    const manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    if (manifest.browser) expected.push('extension/dist/web/client.js', 'extension/dist/web/server.js');
    assert.deepEqual([...entries.keys()].sort(), expected.sort());
  });

  test('no CLI, sources, tests, node_modules, source maps or older packages', { skip: !haveUnzip }, () => {
    const unwanted = [...entries.keys()].filter((e) =>
      /^extension\/(node_modules|test|server|client\/src|scripts|examples|\.ci|\.git)\//.test(e) || e === 'extension/dist/cli.js' ||
      /\.(ts|map|vsix|tgz)$/.test(e) || /tsconfig|package-lock/.test(e));
    assert.deepEqual(unwanted, []);
  });

  test(`the desktop extension is under ${BUDGET_BYTES / 1024} KB (apart from the screenshots and any web bundles)`, { skip: !haveUnzip }, () => {
    const total = statSync(VSIX).size;
    const sum = (pick: (e: string) => boolean) => [...entries].filter(([name]) => pick(name)).reduce((n, [, size]) => n + size, 0);
    const screenshots = sum(isScreenshot);
    const web = sum(isWebBundle);
    console.log(`xlcfg.vsix: ${(total / 1024).toFixed(1)} KB, of which screenshots ${(screenshots / 1024).toFixed(1)} KB, web bundles ${(web / 1024).toFixed(1)} KB`);
    assert.ok(total - screenshots - web < BUDGET_BYTES, `${total - screenshots - web} bytes without the screenshots and web bundles`);
    // The screenshots are palette PNGs (pngquant); a fresh unquantized capture is 3x the size.
    for (const [name, size] of entries) if (isScreenshot(name)) assert.ok(size < 48 * 1024, `${name}: ${size} bytes; run pngquant on it`);
  });

  test('every bundle is minified and names no source map (none ships)', { skip: !haveUnzip }, () => {
    const bundles = [...entries.keys()].filter((e) => /^extension\/dist\/.*\.js$/.test(e));
    assert.ok(bundles.includes('extension/dist/client.js') && bundles.includes('extension/dist/server.js'));
    for (const f of bundles) {
      const text = unzip(['-p', VSIX, f]);
      assert.doesNotMatch(text, /^\/\/# sourceMappingURL=/m, f);
      assert.ok(text.split('\n').length < 300, `${f}: ${text.split('\n').length} lines, not minified`);
    }
  });

  test("the README is the Marketplace's, and its images are in the .vsix", { skip: !haveUnzip }, (t) => {
    const readme = unzip(['-p', VSIX, 'extension/readme.md']);
    assert.match(readme, /^# Xen xl\.cfg$/m);
    assert.match(readme, /Remote-SSH/);
    assert.match(readme, /Restricted Mode/);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.deepEqual(images.sort(), [...SCREENSHOTS].sort(), 'relative to the extension root, where the .vsix has them');
    for (const img of images) {
      if (!existsSync(join(ROOT, img))) { t.diagnostic(`${img} is not in the checkout yet`); continue; }
      assert.ok(entries.has(`extension/${img}`), `${img} missing from the .vsix`);
    }
    // Every setting the extension contributes is in its table.
    const manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `README names ${key}`);
    for (const c of manifest.contributes.commands) assert.ok(readme.includes(`**${c.category}: ${c.title}**`), `README names ${c.title}`);
  });

  test('the packaged manifest starts the bundled client, contributes xl-cfg, and declares where it runs', { skip: !haveUnzip }, () => {
    const manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.contributes.languages[0].id, 'xl-cfg');
    assert.ok(manifest.activationEvents.includes('onLanguage:xl-cfg'));
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.dependencies, undefined);
    const client = unzip(['-p', VSIX, 'extension/dist/client.js']);
    assert.match(client, /xlcfg\/deviceModelPreview/);
    assert.doesNotMatch(client, /require\("vscode-languageclient/); // bundled, not required at run time
    assert.match(unzip(['-p', VSIX, 'extension/dist/server.js']).split('\n')[0]!, /^#!\/usr\/bin\/env node/);
  });

  test('the desktop package has no web bundles and no `browser` entry (the web package is made apart)', { skip: !haveUnzip }, () => {
    const manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    assert.equal(manifest.browser, undefined);
    assert.deepEqual([...entries.keys()].filter(isWebBundle), []);
  });

  test('npm run package:web makes dist/xlcfg-web.vsix: the browser entry and its worker, not the Node bundles', { skip: !haveUnzip, timeout: 240_000 }, () => {
    const r = spawnSync('npm', ['run', 'package:web'], { cwd: WORK, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true', FORCE_COLOR: '0' } });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, out);
    assert.deepEqual(out.split('\n').filter((l) => /\bWARN(ING)?\b|\bERROR\b/i.test(l)), []);
    const web = join(WORK, 'dist/xlcfg-web.vsix');
    const names = unzip(['-Z1', web]).split('\n').filter(Boolean);
    for (const want of ['extension/dist/web/client.js', 'extension/dist/web/server.js', 'extension/syntaxes/xl-cfg.tmLanguage.json']) assert.ok(names.includes(want), `${want} missing`);
    for (const unwanted of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/lsp-protocol.js', 'extension/dist/cli.js']) assert.ok(!names.includes(unwanted), `${unwanted} shipped`);
    const manifest = JSON.parse(unzip(['-p', web, 'extension/package.json']));
    assert.equal(manifest.browser, './dist/web/client.js');
    assert.equal(manifest.main, undefined);
    assert.match(unzip(['-p', web, 'extension.vsixmanifest']), /TargetPlatform="web"/);
    for (const f of ['extension/dist/web/client.js', 'extension/dist/web/server.js']) assert.doesNotMatch(unzip(['-p', web, f]), /^\/\/# sourceMappingURL=/m, f);
  });
});
