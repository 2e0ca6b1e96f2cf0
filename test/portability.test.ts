// Nothing the project tracks may depend on where it was written: no absolute path of a developer's
// or CI's machine (the work tree, the team's shared folder, a source mirror), and no relative path
// that climbs out of the checkout to the team's shared folder. What a test needs is vendored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..');
// Built from parts so that this file does not match itself.
const SLASH = '/';
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'the machine\'s work tree', pattern: new RegExp(`${SLASH}(work|farm)${SLASH}`) },
  { what: 'a source mirror', pattern: new RegExp(`\\.${'mir'}ror${SLASH}`) },
  { what: 'the team\'s shared folder outside the checkout', pattern: new RegExp(`\\.\\.${SLASH}${'sha'}red${SLASH}`) },
];

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 }).split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

const files = trackedFiles();
test('no tracked file names a path of the machine it was written on', { skip: files.length === 0 && 'not a git checkout' }, () => {
  const found: string[] = [];
  for (const f of files) {
    if (f === 'package-lock.json') continue;
    let text: string;
    try { text = readFileSync(join(REPO, f), 'utf8'); } catch { continue; }
    if (text.includes('\0')) continue; // binary
    text.split('\n').forEach((line, i) => {
      for (const { what, pattern } of FORBIDDEN) if (pattern.test(line)) found.push(`${f}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(found, []);
});

test('the patterns find what they are meant to find', () => {
  const samples = [`${SLASH}work${SLASH}main${SLASH}x`, `${SLASH}farm${SLASH}a`, `..${SLASH}${'sha'}red${SLASH}reference`, `.${'mir'}ror${SLASH}xen`];
  for (const s of samples) assert.ok(FORBIDDEN.some(({ pattern }) => pattern.test(s)), s);
  assert.ok(!FORBIDDEN.some(({ pattern }) => pattern.test('/etc/xen/work.cfg')));
});
