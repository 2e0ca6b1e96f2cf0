// The effective-config cases: a config of test/fixtures/effective/corpus/ and the `key=value` words
// given after it to `xl -N create`; the oracles' answers are in golden/ (4.17) and golden-4.20/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, type OracleRelease } from './oracle';

export const EFFECTIVE_DIR = join(FIXTURES_DIR, '..', 'effective');

export interface EffectiveCase { name: string; config: string; overrides: string[] }

export function effectiveCases(): EffectiveCase[] {
  return (JSON.parse(readFileSync(join(EFFECTIVE_DIR, 'cases.json'), 'utf8')) as { cases: EffectiveCase[] }).cases;
}

export function effectiveGoldenDir(release: OracleRelease): string {
  return join(EFFECTIVE_DIR, release === '4.17' ? 'golden' : 'golden-4.20');
}

/** The golden `xl -N create` answer of a case, if stored. */
export function effectiveGolden(release: OracleRelease, name: string): { exit_status: number; config: unknown; stderr: string; stdout_is_usage?: boolean } | undefined {
  const p = join(effectiveGoldenDir(release), `${name}.dryrun.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}
