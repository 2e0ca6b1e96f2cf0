// Findings across configs in the editor (issue 14), as `xlcfg check DIR` gives them: the same guest
// name, uuid, MAC address or writable disk in two configs. The configs compared are the open guest
// configs and, where the environment lists them (Node, a trusted workspace), the guest configs in the
// workspace folders; each finding is shown on the open document it is in, the other places as
// related information. Messages name the other configs by their path in the workspace.
import type { Diagnostic } from 'vscode-languageserver';
import { acrossFacts, acrossFromFacts, type AcrossFacts, type AcrossFinding, type Analysis } from '../service';

/** A guest config of the workspace that is not open: its URI, what changes when it does, its bytes. */
export interface WorkspaceConfig {
  readonly uri: string;
  readonly stamp: string;
  readonly read: () => Uint8Array;
}

type Range = Diagnostic['range'];
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

interface Known { readonly facts: AcrossFacts; readonly rangeOf: (start: number, end: number) => Range }

export class AcrossConfigs {
  /** Workspace files by URI: the stamp their facts are for. */
  private readonly files = new Map<string, Known & { readonly stamp: string }>();
  /** What was last shown on each open document, to republish the ones a change elsewhere affects. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly folders: () => readonly string[]) {}

  /** The open documents last shown with findings across configs. */
  showing(): string[] {
    return [...this.shown].filter(([, sig]) => sig !== '[]').map(([uri]) => uri);
  }

  /** How a config is named in messages: its path inside a workspace folder, else its path or URI. */
  display(uri: string): string {
    for (const f of this.folders()) {
      const prefix = f.endsWith('/') ? f : `${f}/`;
      if (uri.startsWith(prefix)) return decode(uri.slice(prefix.length));
    }
    return uri.startsWith('file://') ? decode(uri.slice('file://'.length)) : uri;
  }

  /**
   * The findings across configs of every open document (`open`: URI -> its analysis) and the
   * workspace's other configs (`workspace`, analysed with `analyze` when new or changed). Answers the
   * diagnostics per open URI, and the open URIs whose findings changed since they were last shown.
   */
  compute(open: ReadonlyMap<string, Analysis>, workspace: readonly WorkspaceConfig[], analyze: (c: WorkspaceConfig) => Analysis | undefined): { byUri: Map<string, Diagnostic[]>; changed: string[] } {
    const known = new Map<string, Known>();
    for (const [uri, a] of open) known.set(uri, { facts: acrossFacts(this.display(uri), a), rangeOf: (s, e) => a.lines.rangeOf(s, e) });
    const seen = new Set<string>();
    for (const c of workspace) {
      if (open.has(c.uri)) continue;
      seen.add(c.uri);
      let k = this.files.get(c.uri);
      if (!k || k.stamp !== c.stamp) {
        const a = analyze(c);
        if (!a) continue;
        k = { stamp: c.stamp, facts: acrossFacts(this.display(c.uri), a), rangeOf: (s, e) => a.lines.rangeOf(s, e) };
        this.files.set(c.uri, k);
      }
      known.set(c.uri, k);
    }
    for (const uri of this.files.keys()) if (!seen.has(uri)) this.files.delete(uri);
    const uriOf = new Map([...known].map(([uri, k]) => [k.facts.id, uri]));
    const byUri = new Map<string, Diagnostic[]>([...open.keys()].map((u) => [u, []]));
    for (const f of acrossFromFacts([...known.values()].map((k) => k.facts))) {
      const uri = uriOf.get(f.id);
      const list = uri === undefined ? undefined : byUri.get(uri);
      if (list) list.push(toDiagnostic(f, uri!, known, uriOf));
    }
    const changed: string[] = [];
    for (const [uri, list] of byUri) {
      const sig = JSON.stringify(list);
      if (this.shown.has(uri) && this.shown.get(uri) !== sig) changed.push(uri);
      this.shown.set(uri, sig);
    }
    for (const uri of this.shown.keys()) if (!open.has(uri)) this.shown.delete(uri);
    return { byUri, changed };
  }
}

function toDiagnostic(f: AcrossFinding, uri: string, known: ReadonlyMap<string, Known>, uriOf: ReadonlyMap<string, string>): Diagnostic {
  return {
    range: known.get(uri)!.rangeOf(f.start, f.end),
    severity: SEVERITY[f.severity as keyof typeof SEVERITY] ?? 2,
    code: f.code,
    source: 'xlcfg',
    message: f.message,
    relatedInformation: f.related.flatMap((r) => {
      const other = uriOf.get(r.id);
      const k = other === undefined ? undefined : known.get(other);
      return k ? [{ location: { uri: other!, range: k.rangeOf(r.start, r.end) }, message: r.message }] : [];
    }),
  };
}

function decode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
