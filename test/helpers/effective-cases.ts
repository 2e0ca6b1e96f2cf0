// The effective-config cases: a config and the `key=value` words given after it to `xl -N create`
// (test/fixtures/effective/cases.json: the listed cases, then every config of `cross` with every
// override set); the oracles' answers are in golden/ (4.17) and golden-4.20/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, FIXTURES_DIR, type OracleRelease } from './oracle';

export const EFFECTIVE_DIR = join(FIXTURES_DIR, '..', 'effective');

export interface EffectiveCase { name: string; config: string; overrides: string[] }

interface CasesFile { cases: EffectiveCase[]; cross?: { configs: string[]; overrides: string[][] } }

export function effectiveCases(): EffectiveCase[] {
  const f = JSON.parse(readFileSync(join(EFFECTIVE_DIR, 'cases.json'), 'utf8')) as CasesFile;
  const cross = (f.cross?.configs ?? []).flatMap((config) => f.cross!.overrides.map((overrides, i) => ({
    name: `${config.replace(/^oracle:/, '').replace(/\.cfg$/, '')}--${i + 1}`, config, overrides,
  })));
  return [...f.cases, ...cross];
}

/** The config file of a case: in test/fixtures/effective/corpus/, or `oracle:NAME.cfg` in the vendored corpus. */
export function effectiveConfigPath(c: EffectiveCase): string {
  return c.config.startsWith('oracle:') ? join(CORPUS_DIR, c.config.slice('oracle:'.length)) : join(EFFECTIVE_DIR, 'corpus', c.config);
}

export function effectiveGoldenDir(release: OracleRelease): string {
  return join(EFFECTIVE_DIR, release === '4.17' ? 'golden' : 'golden-4.20');
}

/** The golden `xl -N create` answer of a case, if stored. */
export function effectiveGolden(release: OracleRelease, name: string): { exit_status: number; config: unknown; stderr: string; stdout_is_usage?: boolean } | undefined {
  const p = join(effectiveGoldenDir(release), `${name}.dryrun.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}
