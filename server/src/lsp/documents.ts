// One analysis per document version and settings: every request reads the same immutable analysis.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, XL_CONF_NAME, type Analysis, type HostModel, type XenVersion } from '../service';
import type { XlcfgSettings } from '../protocol';
import type { EffectiveSettings } from './settings';

/** Above this size the editor gets the syntax check only (see analyze.ts). */
export const SEMANTIC_LIMIT_BYTES = 1 << 20;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const encoder = new TextEncoder();

/** Settings objects are shared between requests: each is written out (for the cache key) once. */
const settingsKeys = new WeakMap<EffectiveSettings, string>();

export class AnalysisCache {
  /** Per URI: the version, BOM flag and settings (as written out) the analysis is for. */
  private readonly entries = new Map<string, { version: number; bom: boolean; settings: string; analysis: Analysis }>();
  /** URIs whose file on disk starts with a BOM that the editor stripped. */
  readonly bomUris = new Set<string>();

  constructor(private readonly localHost: (paths: XlcfgSettings['paths'], version: XenVersion) => HostModel | undefined) {}

  get(doc: TextDocument, settings: EffectiveSettings): Analysis {
    const bom = this.bomUris.has(doc.uri);
    let shown = settingsKeys.get(settings);
    if (shown === undefined) settingsKeys.set(settings, shown = JSON.stringify(settings));
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.bom === bom && hit.settings === shown) return hit.analysis;
    const analysis = this.analyzeOnce(doc, settings);
    this.entries.set(doc.uri, { version: doc.version, bom, settings: shown, analysis });
    return analysis;
  }

  /** An analysis of the document under other settings (e.g. another release), not cached. */
  analyzeOnce(doc: TextDocument, settings: EffectiveSettings): Analysis {
    const bom = this.bomUris.has(doc.uri);
    let bytes = encoder.encode(doc.getText());
    if (bom && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
      const b = new Uint8Array(bytes.length + 3);
      b.set(BOM); b.set(bytes, 3); bytes = b;
    }
    return analyze({
      bytes,
      options: { xenVersion: settings.xenVersion as XenVersion, host: settings.host, paths: settings.paths, sourceName: fileName(doc.uri) },
      localHost: settings.host === 'local' ? this.localHost(settings.paths, settings.xenVersion as XenVersion) : undefined,
      hiddenPrefix: bom ? 3 : 0,
      severities: settings.severity,
      semanticLimitBytes: SEMANTIC_LIMIT_BYTES,
      // xl's global config has keys of its own; a guest gets the defaults of the repository's xl.conf.
      ...(isXlConfDocument(doc) ? { kind: 'xl.conf' as const } : settings.xlConf ? { xlConf: settings.xlConf } : {}),
    });
  }

  forget(uri: string): void { this.entries.delete(uri); }
}

/** xl's global config: language `xl-conf`, or a file named xl.conf. */
export function isXlConfDocument(doc: TextDocument): boolean {
  return doc.languageId === 'xl-conf' || fileName(doc.uri) === XL_CONF_NAME;
}

export function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try { return decodeURIComponent(last) || 'xl.cfg'; } catch { return last || 'xl.cfg'; }
}
