// The `xlcfg` settings as the server uses them, read defensively: a client may send nothing, null,
// or values of the wrong type (other editors), and then the defaults apply.
import type { XlcfgSettings } from '../protocol';
import { isXenVersion, DEFAULT_XEN_VERSION } from '../service/options';

export const DEFAULT_SETTINGS: XlcfgSettings = {
  xenVersion: DEFAULT_XEN_VERSION,
  host: 'reference',
  paths: 'debian',
  detectCfgContent: true,
  manPage: true,
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
    host: r.host === 'debian-12' || r.host === 'local' ? r.host : 'reference',
    paths: r.paths === 'upstream' ? 'upstream' : 'debian',
    detectCfgContent: r.detectCfgContent !== false,
    manPage: r.manPage !== false,
    severity,
  };
}
