// Finding `.xlcfg.json` for a checked file: from the file's folder upwards, up to the file-system root
// or the first folder that has a `.git` (the repository's top; its own `.xlcfg.json` counts). The
// nearest one wins, whole (files are not merged). A bad file is an error with exit status 2.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseRepoConfig, REPO_CONFIG_NAME, type RepoConfig } from '../service';
import { FileError } from './io';

export interface FoundRepoConfig {
  readonly path: string;
  readonly config: RepoConfig;
  /** Its `xlConf`, resolved against the folder of the `.xlcfg.json`. */
  readonly xlConfPath?: string;
}

const byDir = new Map<string, FoundRepoConfig | null>();
const byPath = new Map<string, FoundRepoConfig>();

/** The `.xlcfg.json` that applies to `file`, or null. Throws FileError when it is unreadable or invalid. */
export function repoConfigFor(file: string): FoundRepoConfig | null {
  return lookup(dirname(resolve(file)), []);
}

function lookup(dir: string, visited: string[]): FoundRepoConfig | null {
  const hit = byDir.get(dir);
  if (hit !== undefined) return remember(visited, hit);
  visited.push(dir);
  const candidate = join(dir, REPO_CONFIG_NAME);
  if (existsSync(candidate)) return remember(visited, load(candidate));
  const parent = dirname(dir);
  if (parent === dir || existsSync(join(dir, '.git'))) return remember(visited, null);
  return lookup(parent, visited);
}

function remember(dirs: readonly string[], found: FoundRepoConfig | null): FoundRepoConfig | null {
  for (const d of dirs) byDir.set(d, found);
  return found;
}

function load(path: string): FoundRepoConfig {
  const known = byPath.get(path);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FileError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const r = parseRepoConfig(text);
  if (!r.ok) throw new FileError(`${path}: invalid xlcfg configuration:\n${r.errors.map((e) => `  ${e}`).join('\n')}`);
  const found = { path, config: r.config, ...(r.config.xlConf !== undefined ? { xlConfPath: resolve(dirname(path), r.config.xlConf) } : {}) };
  byPath.set(path, found);
  return found;
}
