// A copy of the checkout in a temporary folder, for tests that build and package (npm run package,
// npm pack): rebuilding dist/ there does not disturb the tests that read the project's own dist/
// at the same time. node_modules is linked, not copied.
import { cpSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
/** Not copied: dependencies (linked instead), VCS data, build and test outputs. */
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'test-output', '.vscode-test']);
const BUILDS = [join(ROOT, 'test', 'oracle', 'build'), join(ROOT, 'test', 'oracle-4.20', 'build')];

export function copyOfCheckout(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(ROOT)) {
    if (SKIP.has(name)) continue;
    cpSync(join(ROOT, name), join(dir, name), {
      recursive: true,
      filter: (src) => !BUILDS.some((b) => src === b || src.startsWith(b + sep)),
    });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
