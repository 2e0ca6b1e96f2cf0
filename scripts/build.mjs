// Bundles the VS Code client, the language server and the CLI with esbuild.
// Each output is a single CommonJS file that runs with `node <file>`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

await Promise.all(entries.map((e) => build({ ...common, ...e })));
chmodSync('dist/server.js', 0o755);
chmodSync('dist/cli.js', 0o755);
await import('./build-web.mjs');
