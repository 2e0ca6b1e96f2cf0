// Reading the QEMU goldens (test/fixtures/qemu/VERSION/SET/NAME.json, from qemu-accept.sh).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../../server/src/service/analyze';

export const REPO = resolve(__dirname, '..', '..', '..');
export const QEMU_GOLDENS = join(REPO, 'test', 'fixtures', 'qemu');
/** The argv goldens fed to QEMU, by set name. */
export const ARGV_SETS: Readonly<Record<string, string>> = {
  'oracle-4.17': 'test/oracle/golden', 'oracle-4.20': 'test/oracle-4.20/golden',
  'fixtures-4.17': 'test/fixtures/oracle/golden', 'fixtures-4.20': 'test/fixtures/oracle/golden-4.20',
};

interface Refusal { index: number; option: string; value: string | null; message: string }
export interface QemuGolden {
  qemu: { version: string; package: string; distribution: string };
  source: string;
  argv_sha256: string;
  verdict: 'accepted' | 'refused' | 'unreached';
  /** Before Xen's initialisation (the real argv). */
  refusals: Refusal[];
  /** -device drivers or properties QMP device-list-properties does not know. */
  device_refusals: (Refusal & { driver: string; property?: string })[];
  stop: string;
  /** After Xen's initialisation (the same options on -machine pc under qtest). */
  late_refusals: (Refusal & { follows_from?: number })[];
  late_stop: string;
}

/** The probe configs (forms no oracle golden has), each with its `# xlcfg: xen=` directive. */
export const PROBES_DIR = join(QEMU_GOLDENS, 'probes');

/** The qemu-xen argvs xlcfg builds for the probe configs (as tools/qemu-check/probe-argvs.ts), by `probes/NAME`. */
export function probeArgvs(options: { host?: 'reference' | 'debian-12' | 'debian-13' } = {}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of readdirSync(PROBES_DIR).sort()) {
    if (!f.endsWith('.cfg')) continue;
    const dm = analyze({ bytes: new Uint8Array(readFileSync(join(PROBES_DIR, f))), options: { host: options.host ?? 'reference', sourceName: f } }).deviceModel;
    if (dm?.outcome === 'spawn' && dm.device_model_version === 'qemu_xen') out.set(`probes/${f.slice(0, -4)}`, dm.argv);
  }
  return out;
}

/** The goldens of one QEMU release, by `SET/NAME` (the probes' set included). */
export function qemuGoldens(version: string): Map<string, QemuGolden> {
  const out = new Map<string, QemuGolden>();
  for (const set of [...Object.keys(ARGV_SETS), 'probes']) {
    const dir = join(QEMU_GOLDENS, version, set);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) out.set(`${set}/${f.slice(0, -5)}`, JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

/**
 * The options the real QEMU refused, as `INDEX OPTION` (a -device that both QMP and the late run
 * refused counts once; a refusal that only follows from an option removed before it does not count).
 */
export function realRefusals(g: QemuGolden): string[] {
  const late = g.late_refusals.filter((r) => r.follows_from === undefined);
  return [...new Set([...g.refusals, ...late, ...g.device_refusals].map((r) => `${r.index} ${r.option}`))].sort();
}
