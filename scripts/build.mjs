// Bundles the VS Code client, the language server and the CLI with esbuild.
// Each output is a single CommonJS file that runs with `node <file>`.
//
//   node scripts/build.mjs            development: readable bundles with linked source maps (dist/*.js.map)
//   node scripts/build.mjs --release  what ships (`npm run package`, `npm pack`): the client and the
//                                     server minified, the CLI readable (its stack traces reach bug
//                                     reports), and no source maps, so no `//# sourceMappingURL` line
//                                     points at a file the .vsix or the npm package does not hold
//
// The build is a list of steps run in order; a later step (another target) is one more function.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { buildWeb, WEB_OUTFILES } from './build-web.mjs';

const release = process.argv.includes('--release');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !release,
  logLevel: 'warning',
};

/** Shipped inside the .vsix (client, server) or the npm package (server, CLI). */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], minify: release },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, minify: release },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const steps = [
  /** A release build leaves no map of an earlier development build beside its bundles. */
  function removeSourceMaps() {
    if (release) for (const f of [...bundles.map((b) => b.outfile), ...WEB_OUTFILES]) rmSync(`${f}.map`, { force: true });
  },
  function bundle() {
    return Promise.all(bundles.map((b) => build({ ...common, ...b })));
  },
  function makeExecutable() {
    chmodSync('dist/server.js', 0o755);
    chmodSync('dist/cli.js', 0o755);
  },
  /** The web extension's worker and client (build-web.mjs). */
  function webBundles() {
    return buildWeb({ release });
  },
];

for (const step of steps) await step();
