// `npm run package`: the desktop extension, dist/xlcfg.vsix. `npm run package -- --target web`: the
// web extension (vscode.dev, github.dev), dist/xlcfg-web.vsix, made with `vsce package --target web`.
//
// Both are made offline from a staging folder (dist/stage-<target>/) that holds only what the
// package ships: the files named by `!` lines in .vscodeignore (the desktop list), and a package.json
// with only the entry that target runs. The root package.json names both entries (`main` and
// `browser`), and vsce refuses an entry it does not ship, so the desktop package, which has no use for
// the web bundles, is made from a manifest without `browser`, and the web package from one without
// `main`. Both are release builds (minified, no source maps).
//
// For the real-VS-Code tests: `--target universal` (both entries and all bundles, what code-server's
// web worker extension host needs next to the Node one), `--no-build` (package dist/ as it is: the
// tests' development build), `-o FILE`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const target = valueOf('--target') ?? 'desktop';
if (!['desktop', 'web', 'universal'].includes(target)) {
  console.error(`package: --target desktop|web|universal, not ${target}`);
  process.exit(2);
}
const WEB_BUNDLES = ['dist/web/client.js', 'dist/web/server.js'];

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status || 1);
}

if (!args.includes('--no-build')) run(process.execPath, ['scripts/build.mjs', '--release']);

const stage = join('dist', `stage-${target}`);
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

/** The desktop list: the `!` lines of .vscodeignore (exact paths, no patterns). */
const shipped = readFileSync('.vscodeignore', 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1));
const files = target === 'web' ? shipped.filter((f) => !['dist/client.js', 'dist/server.js', 'dist/lsp-protocol.js'].includes(f)).concat(WEB_BUNDLES)
  : target === 'universal' ? shipped.concat(WEB_BUNDLES)
  : shipped;
const staged = [];
for (const f of files) {
  if (f === 'package.json') continue;
  if (!existsSync(f)) {
    if (f.startsWith('docs/images/')) { console.warn(`package: ${f} is not in the checkout, the README shows no such image`); continue; }
    console.error(`package: ${f} is missing (run npm run build?)`);
    process.exit(1);
  }
  mkdirSync(join(stage, dirname(f)), { recursive: true });
  cpSync(f, join(stage, f));
  staged.push(f);
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
if (target === 'web') delete manifest.main;
if (target === 'desktop') delete manifest.browser;
delete manifest.scripts; // the stage has no sources to build; vsce would run `vscode:prepublish`
delete manifest.devDependencies;
manifest.files = [...staged, 'README.md']; // the stage holds exactly these; vsce wants them named
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// The Marketplace page is docs/marketplace/README.md (the root README is the npm package's).
cpSync('docs/marketplace/README.md', join(stage, 'README.md'));

const out = resolve(valueOf('-o') ?? join('dist', target === 'desktop' ? 'xlcfg.vsix' : `xlcfg-${target}.vsix`));
const vsce = join(process.cwd(), 'node_modules', '@vscode', 'vsce', 'vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
  '--no-rewrite-relative-links', ...(target === 'web' ? ['--target', 'web'] : []),
  '-o', out], { cwd: stage });
rmSync(stage, { recursive: true, force: true });
