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

/**
 * The client and the server both speak LSP through vscode-languageserver-protocol (with vscode-jsonrpc
 * and vscode-languageserver-types): a third of each bundle. They share one copy of it,
 * dist/lsp-protocol.js (the package's Node entry, which re-exports its common one), and the .vsix
 * stays small.
 */
const PROTOCOL_OUTFILE = 'dist/lsp-protocol.js';
const sharedProtocol = {
  name: 'shared-lsp-protocol',
  setup(b) {
    b.onResolve({ filter: /^(vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-types)(\/.*)?$/ }, (args) => {
      if (!['vscode-languageserver-protocol', 'vscode-languageserver-protocol/node'].includes(args.path)) {
        return { errors: [{ text: `${args.path} (from ${args.importer}) is not in ${PROTOCOL_OUTFILE}: import it through vscode-languageserver-protocol` }] };
      }
      return { path: './lsp-protocol.js', external: true };
    });
  },
};

/** Shipped inside the .vsix (client, server, protocol) or the npm package (server, protocol, CLI). */
const bundles = [
  {
    stdin: { contents: "module.exports = require('vscode-languageserver-protocol/node');", resolveDir: '.', sourcefile: 'lsp-protocol.js' },
    outfile: PROTOCOL_OUTFILE, minify: release,
  },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], minify: release, plugins: [sharedProtocol] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, minify: release, plugins: [sharedProtocol] },
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
