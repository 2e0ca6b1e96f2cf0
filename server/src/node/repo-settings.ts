// The repository's `.xlcfg.json` in the editor: the same file `xlcfg check` reads (the nearest one
// from the document's folder upwards, up to the first folder with a `.git` or the root), so that
// the editor shows what CI shows. Read only in a trusted workspace (initializationOptions
// `workspaceTrusted: false` turns it off; editors that do not say are trusted). Precedence: the
// keys the file sets win over the editor settings (the file is the project's truth, and an editor
// cannot tell a setting the user chose from its default); per-code severities merge, the file's
// codes over the editor's. Its `xlConf` (an xl.conf, relative to it) gives guest documents xl's
// global defaults. A bad file or xl.conf is reported once and ignored.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { XlcfgSettings } from '../protocol';
import type { EffectiveSettings, RepoSettingsSource } from '../lsp/settings';
import { parse, parseRepoConfig, readXlConf, REPO_CONFIG_NAME, type RepoConfig, type XenVersion, type XlGlobals } from '../service';

/** The editor's settings with what the repository adds: the xl.conf defaults for guest documents. */

/** How long a looked-up answer stands without a file-change event (ms). */
const FRESH_MS = 1000;
/** Documents remembered at most (then the memory starts again). */
const MAX_REMEMBERED = 2000;

interface Loaded { readonly stamp: string; readonly config: RepoConfig | null }

export class RepoSettings implements RepoSettingsSource {
  /** False in an untrusted workspace: the file is not read at all. */
  trusted = true;
  private readonly files = new Map<string, Loaded>();
  private readonly xlConfs = new Map<string, { stamp: string; globals: XlGlobals | null }>();
  /** Messages already shown (one per file version). */
  private readonly told = new Set<string>();

  constructor(private readonly warn: (message: string) => void) {}

  /** Recent answers per document: the editor settings they were made from, and when. */
  private readonly applied = new Map<string, { readonly at: number; readonly editor: XlcfgSettings; readonly out: EffectiveSettings }>();

  /** Files may have changed (a watched-file event, trust): the next `apply` looks again. */
  invalidate(): void {
    this.applied.clear();
  }

  /**
   * `settings` with the nearest `.xlcfg.json` of the document applied (unchanged when there is none).
   * An answer stands for FRESH_MS (or until `invalidate`): every request and keystroke asks, and
   * must not walk the folders and stat the files each time.
   */
  apply(uri: string, settings: XlcfgSettings): EffectiveSettings {
    if (!this.trusted || !uri.startsWith('file:')) return settings;
    const now = Date.now();
    const hit = this.applied.get(uri);
    if (hit && hit.editor === settings && now - hit.at < FRESH_MS) return hit.out;
    const out = this.lookUp(uri, settings);
    if (this.applied.size >= MAX_REMEMBERED) this.applied.clear();
    this.applied.set(uri, { at: now, editor: settings, out });
    return out;
  }

  private lookUp(uri: string, settings: XlcfgSettings): EffectiveSettings {
    let file: string;
    try { file = fileURLToPath(uri); } catch { return settings; }
    const path = nearest(dirname(file));
    if (!path) return settings;
    const repo = this.load(path);
    if (!repo) return settings;
    const out: { -readonly [K in keyof EffectiveSettings]: EffectiveSettings[K] } = {
      ...settings,
      ...(repo.xenVersion ? { xenVersion: repo.xenVersion } : {}),
      ...(repo.host ? { host: repo.host } : {}),
      ...(repo.paths ? { paths: repo.paths } : {}),
      severity: { ...settings.severity, ...(repo.severity ?? {}) },
      repoConfig: path,
    };
    if (repo.xlConf !== undefined) {
      const globals = this.xlConf(resolve(dirname(path), repo.xlConf), out.xenVersion);
      if (globals) out.xlConf = globals;
    }
    return out;
  }

  private load(path: string): RepoConfig | null {
    const stamp = stampOf(path);
    const known = this.files.get(path);
    if (known && known.stamp === stamp) return known.config;
    let config: RepoConfig | null = null;
    try {
      const r = parseRepoConfig(readFileSync(path, 'utf8'));
      if (r.ok) config = r.config;
      else this.once(`${path}|${stamp}`, `xlcfg: ${path} is not applied: ${r.errors.join('; ')}`);
    } catch (e) {
      this.once(`${path}|${stamp}`, `xlcfg: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    this.files.set(path, { stamp, config });
    return config;
  }

  private xlConf(path: string, xen: XenVersion): XlGlobals | null {
    const stamp = `${stampOf(path)}|${xen}`;
    const known = this.xlConfs.get(path);
    if (known && known.stamp === stamp) return known.globals;
    let globals: XlGlobals | null = null;
    try {
      const parsed = parse(readFileSync(path));
      if (!parsed.accepted) this.once(`${path}|${stamp}`, `xlcfg: the xl.conf ${path} does not parse (xl would stop): its defaults are not applied`);
      else {
        const r = readXlConf(parsed.settings, xen, path);
        if (r.exitStatus) this.once(`${path}|${stamp}`, `xlcfg: xl stops at start with the xl.conf ${path}: its defaults are not applied`);
        else globals = r.globals;
      }
    } catch (e) {
      this.once(`${path}|${stamp}`, `xlcfg: cannot read the xl.conf ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    this.xlConfs.set(path, { stamp, globals });
    return globals;
  }

  private once(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.warn(message);
  }
}

/** The nearest `.xlcfg.json` from `dir` upwards, up to a folder with `.git` or the root. */
function nearest(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, REPO_CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d || existsSync(join(d, '.git'))) return null;
  }
}

/** Changes when the file does (size and modification time); `none` when it is gone. */
function stampOf(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'none';
  }
}
