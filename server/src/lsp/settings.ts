// The `xlcfg` settings as the server uses them, read defensively: a client may send nothing, null,
// or values of the wrong type (other editors), and then the defaults apply.
import type { XlcfgSettings } from '../protocol';
import { DEFAULT_OPTIONS, isHostProfile, isPathsProfile, isXenVersion } from '../service';

export const DEFAULT_SETTINGS: XlcfgSettings = {
  xenVersion: DEFAULT_OPTIONS.xenVersion,
  host: DEFAULT_OPTIONS.host,
  paths: DEFAULT_OPTIONS.paths,
  detectCfgContent: true,
  manPage: true,
  inlayHints: true,
  severity: {},
};

export function readSettings(raw: unknown): XlcfgSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const severity: XlcfgSettings['severity'] = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') severity[k] = v;
    }
  }
  return {
    xenVersion: typeof r.xenVersion === 'string' && isXenVersion(r.xenVersion) ? r.xenVersion : DEFAULT_SETTINGS.xenVersion,
    host: isHostProfile(r.host) ? r.host : DEFAULT_SETTINGS.host,
    paths: isPathsProfile(r.paths) ? r.paths : DEFAULT_SETTINGS.paths,
    detectCfgContent: r.detectCfgContent !== false,
    manPage: r.manPage !== false,
    inlayHints: r.inlayHints !== false,
    severity,
  };
}
