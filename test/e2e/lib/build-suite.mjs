// Compiles the mocha suite that runs inside the extension host: test/e2e/suite/index.ts and each
// *.test.ts become CommonJS bundles in out/e2e/suite/ (git-ignored). `vscode` comes from the host;
// mocha is loaded from the repository's node_modules at run time.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './code-server.mjs';

export async function buildSuite() {
  const srcDir = path.join(REPO, 'test/e2e/suite');
  const outDir = path.join(REPO, 'out/e2e/suite');
  fs.rmSync(outDir, { recursive: true, force: true });
  const entryPoints = fs.readdirSync(srcDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(srcDir, f));
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outDir;
}
