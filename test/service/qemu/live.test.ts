// The QEMU goldens (test/fixtures/qemu/) are what the real binaries say today: reruns
// test/oracle-4.20/qemu-accept.sh (Debian 12's QEMU 7.2 on this machine, Debian 13's QEMU 10.0 in
// the trixie root of the 4.20 oracle, each in a private mount namespace) into a temporary folder
// and compares. Needs root, qemu-system-xen and the trixie root: otherwise one loud SKIPPED line
// (a failure under XLCFG_REQUIRE_ORACLE=1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ROOT_420 } from '../../helpers/oracle';

const REPO = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(REPO, 'test', 'oracle-4.20', 'qemu-accept.sh');
const STORED = join(REPO, 'test', 'fixtures', 'qemu');
const QEMU = '/usr/libexec/xen-qemu-system-i386';

function missing(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (private mount namespaces)';
  if (spawnSync('unshare', ['--help']).status !== 0) return 'unshare (util-linux) is missing';
  try { accessSync(QEMU, constants.X_OK); } catch { return `${QEMU} is missing: apt-get install -y qemu-system-xen`; }
  try { accessSync(join(ROOT_420, QEMU.slice(1)), constants.X_OK); } catch { return `no QEMU 10 in ${ROOT_420}: apt-get install -y debootstrap && make -C test/oracle-4.20 root`; }
  return undefined;
}

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out); else if (n.endsWith('.json')) out.push(p);
  }
  return out;
}

describe('QEMU goldens against the live binaries (qemu-accept.sh)', () => {
  const why = missing();
  if (why) {
    const line = `SKIPPED QEMU goldens, live (QEMU 7.2 and 10.0): ${why}`;
    if (process.env.XLCFG_REQUIRE_ORACLE === '1') throw new Error(`${line} (XLCFG_REQUIRE_ORACLE=1)`);
    console.log(`\n*** ${line} ***\n`);
    return;
  }
  test('regenerated goldens equal the stored ones, both QEMU releases', () => {
    const out = mkdtempSync(join(tmpdir(), 'xlcfg-qemu-accept-'));
    try {
      const r = spawnSync('sh', [SCRIPT, out], { encoding: 'utf8', env: { ...process.env, ROOT: ROOT_420 }, timeout: 600_000 });
      assert.equal(r.status, 0, `${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
      const fresh = files(out).map((p) => relative(out, p));
      assert.deepEqual(fresh, files(STORED).map((p) => relative(STORED, p)));
      let differ = fresh.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(STORED, f), 'utf8'));
      // A run on a loaded machine can miss a QEMU's answer (a timeout): those argvs get one more run
      // of their own before they count as a difference.
      if (differ.length > 0 && differ.length <= 20) {
        const again = mkdtempSync(join(tmpdir(), 'xlcfg-qemu-accept-again-'));
        try {
          const keys = [...new Set(differ.map((f) => f.split('/').slice(1).join('/').replace(/\.json$/, '')))];
          const only = `(${keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
          const r2 = spawnSync('sh', [SCRIPT, again], { encoding: 'utf8', env: { ...process.env, ROOT: ROOT_420, QEMU_ACCEPT_ONLY: only }, timeout: 600_000 });
          assert.equal(r2.status, 0, `${r2.stdout.slice(-2000)}\n${r2.stderr.slice(-2000)}`);
          differ = differ.filter((f) => readFileSync(join(again, f), 'utf8') !== readFileSync(join(STORED, f), 'utf8'));
        } finally {
          rmSync(again, { recursive: true, force: true });
        }
      }
      assert.deepEqual(differ, [], differ.slice(0, 2).map((f) =>
        `${f}\n  fresh:  ${readFileSync(join(out, f), 'utf8')}\n  stored: ${readFileSync(join(STORED, f), 'utf8')}`).join('\n'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
