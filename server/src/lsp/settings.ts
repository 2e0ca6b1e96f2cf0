// The `xlcfg` settings as the server uses them, read defensively: a client may send nothing, null,
// or values of the wrong type (other editors), and then the defaults apply.
//
// Three ways in, one shape (the `xlcfg` section), later ones winning key by key:
//   initializationOptions  { settings: { xlcfg: {...} } }   (also { xlcfg: {...} } and the older { settings: {...} })
//   didChangeConfiguration { settings: { xlcfg: {...} } }   (push; a null payload keeps what the server has)
//   workspace/configuration section `xlcfg` -> {...}        (pull, per document; null keeps the rest)
// A key that is absent or of the wrong type falls back to the layer below (defaults < initialization
// options < pushed < pulled), so an editor that answers the pull with `{}` or null does not undo
// settings given at start-up.
import type { XlcfgSettings } from '../protocol';
import { DEFAULT_OPTIONS, isHostProfile, isPathsProfile, isXenVersion, type XlGlobals } from '../service';

export const DEFAULT_SETTINGS: XlcfgSettings = {
  xenVersion: DEFAULT_OPTIONS.xenVersion,
  host: DEFAULT_OPTIONS.host,
  paths: DEFAULT_OPTIONS.paths,
  detectCfgContent: true,
  manPage: true,
  inlayHints: true,
  severity: {},
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The `xlcfg` section `raw` over `base`: each valid key of raw replaces base's. */
export function readSettings(raw: unknown, base: XlcfgSettings = DEFAULT_SETTINGS): XlcfgSettings {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return base;
  const r = raw as Record<string, unknown>;
  let severity = base.severity;
  if (r.severity && typeof r.severity === 'object' && !Array.isArray(r.severity)) {
    severity = {};
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) severity[k] = v as XlcfgSettings['severity'][string];
    }
  }
  const bool = (v: unknown, dflt: boolean) => (typeof v === 'boolean' ? v : dflt);
  return {
    xenVersion: typeof r.xenVersion === 'string' && isXenVersion(r.xenVersion) ? r.xenVersion : base.xenVersion,
    host: isHostProfile(r.host) ? r.host : base.host,
    paths: isPathsProfile(r.paths) ? r.paths : base.paths,
    detectCfgContent: bool(r.detectCfgContent, base.detectCfgContent),
    manPage: bool(r.manPage, base.manPage),
    inlayHints: bool(r.inlayHints, base.inlayHints),
    severity,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The `xlcfg` section inside a settings payload: `{ xlcfg: {...} }` (didChangeConfiguration's
 * `settings`, and what editors keep per server), or, for the older initialization options, the
 * section itself. Undefined when there is none (null, not an object).
 */
export function xlcfgSection(payload: unknown): unknown {
  if (!isObject(payload)) return undefined;
  return isObject(payload.xlcfg) ? payload.xlcfg : payload;
}

export interface InitializationOptions {
  /** The settings given at start-up (the `xlcfg` section), over the defaults. */
  settings: XlcfgSettings;
  /**
   * The client registers the editor commands itself (the VS Code client): code lenses use them.
   * Otherwise they use the server's commands (workspace/executeCommand).
   */
  clientCommands: boolean;
  /**
   * False when the editor says the workspace is not trusted (VS Code's Restricted Mode): the server
   * then reads no `.xlcfg.json`, and document links never look at the machine's files. Editors that
   * do not say are trusted (links look only on the `local` host, which is chosen explicitly).
   */
  workspaceTrusted: boolean;
}

/** `initializationOptions`: `{ settings: { xlcfg: {...} } }`, `{ xlcfg: {...} }` or `{ settings: {...} }`, plus `clientCommands` and `workspaceTrusted`. */
export function readInitializationOptions(raw: unknown): InitializationOptions {
  const o = isObject(raw) ? raw : {};
  const section = isObject(o.settings) ? xlcfgSection(o.settings) : isObject(o.xlcfg) ? o.xlcfg : undefined;
  return { settings: readSettings(section), clientCommands: o.clientCommands === true, workspaceTrusted: o.workspaceTrusted !== false };
}

/** The settings a document is analysed with: the editor's, with the repository's `.xlcfg.json` over them. */
export type EffectiveSettings = XlcfgSettings & { readonly xlConf?: XlGlobals; readonly repoConfig?: string };

/** Reads the repository's `.xlcfg.json` (and the xl.conf it names) for a document (node/repo-settings.ts). */
export interface RepoSettingsSource {
  /** False in an untrusted workspace: nothing is read. */
  trusted: boolean;
  apply(uri: string, settings: XlcfgSettings): EffectiveSettings;
  /** The files may have changed: forget what was read. */
  invalidate(): void;
}
