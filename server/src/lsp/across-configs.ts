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

interface Known {
  readonly facts: AcrossFacts;
  readonly rangeOf: (start: number, end: number) => Range;
  /** The facts as the editor shows them (values, places, ranges), to tell whether a finding elsewhere changed. */
  readonly content: string;
  /** The values it holds (kind and compared key), as `holders` names them. */
  readonly values: readonly string[];
}

function known(facts: AcrossFacts, rangeOfSpan: (start: number, end: number) => Range): Known {
  // The places named are the config's items: each range is made once and shared by every finding naming it.
  const made = new Map<number, Range>();
  const rangeOf = (start: number, end: number): Range => {
    const at = start * 0x200000 + end;
    let r = made.get(at);
    if (!r) made.set(at, r = rangeOfSpan(start, end));
    return r;
  };
  return {
    facts, rangeOf,
    content: JSON.stringify([facts, facts.items.map((i) => rangeOf(i.start, i.end))]),
    values: [...new Set(facts.items.map((i) => `${i.kind}\0${i.key}`))],
  };
}

/**
 * The findings across configs of the open documents, kept up to date as they change. `update` takes
 * the configs as they are now and answers the open documents whose findings changed; `diagnosticsOf`
 * answers one document's findings. A document's findings depend only on the configs that share one
 * of its values: only those are looked at when a config changes (its facts are made once per
 * analysis, the maps are changed in place), and diagnostics are built for the document asked only,
 * so that opening a folder of configs, or typing in one of them, costs little.
 */
export class AcrossConfigs {
  /** Workspace files by URI: the stamp their facts are for. */
  private readonly files = new Map<string, Known & { readonly stamp: string }>();
  /** The facts of each open document's analysis, made once per analysis (and name in messages). */
  private readonly openFacts = new WeakMap<Analysis, Known & { readonly display: string }>();
  /** What each open document's findings were last computed from: the facts of the configs sharing its values. */
  private readonly shown = new Map<string, readonly string[]>();
  /** The configs now, each with the order it came in (findings name the others in that order). */
  private readonly known = new Map<string, Known & { readonly order: number }>();
  private nextOrder = 0;
  /** The configs holding each value, in their order. */
  private readonly holders = new Map<string, string[]>();
  /** Which `update` last saw each config. */
  private readonly seenIn = new Map<string, number>();
  private round = 0;

  constructor(private readonly folders: () => readonly string[]) {}

  /**
   * A document was closed: forgets it (a workspace file comes back with the next `update`) and
   * answers the open documents that shared a value with it, whose findings change.
   */
  forget(uri: string): string[] {
    const k = this.known.get(uri);
    this.shown.delete(uri);
    if (!k) return [];
    const look = new Set<string>();
    this.remove(uri, k, look);
    this.known.delete(uri);
    this.seenIn.delete(uri);
    return [...look].filter((u) => u !== uri && this.shown.has(u));
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
   * Takes every open document (`open`: URI -> its analysis) and the workspace's other configs
   * (`workspace`, analysed with `analyze` when new or changed); answers the open URIs whose findings
   * across configs changed since they were last computed.
   */
  update(open: ReadonlyMap<string, Analysis>, workspace: readonly WorkspaceConfig[], analyze: (c: WorkspaceConfig) => Analysis | undefined): string[] {
    const round = ++this.round;
    const moved: string[] = [];
    /** The configs whose findings may have changed: the moved ones and those sharing a value with them. */
    const look = new Set<string>();
    const put = (uri: string, k: Known) => {
      this.seenIn.set(uri, round);
      const was = this.known.get(uri);
      if (was === k || (was && was.facts === k.facts)) return;
      if (was) this.remove(uri, was, look);
      this.known.set(uri, { ...k, order: was ? was.order : this.nextOrder++ });
      for (const v of k.values) insertOrdered(this.holdersOf(v), uri, (u) => this.known.get(u)!.order);
      moved.push(uri);
    };
    for (const [uri, a] of open) {
      const display = this.display(uri);
      let k = this.openFacts.get(a);
      if (!k || k.display !== display) {
        k = { display, ...known(acrossFacts(display, a), (s, e) => a.lines.rangeOf(s, e)) };
        this.openFacts.set(a, k);
      }
      put(uri, k);
    }
    for (const c of workspace) {
      if (open.has(c.uri)) continue;
      let k = this.files.get(c.uri);
      if (!k || k.stamp !== c.stamp) {
        const a = analyze(c);
        if (!a) continue;
        k = { stamp: c.stamp, ...known(acrossFacts(this.display(c.uri), a), (s, e) => a.lines.rangeOf(s, e)) };
        this.files.set(c.uri, k);
      }
      put(c.uri, k);
    }
    for (const [uri, k] of this.known) {
      if (this.seenIn.get(uri) === round) continue;
      this.remove(uri, k, look);
      this.known.delete(uri);
      this.seenIn.delete(uri);
      this.files.delete(uri);
    }
    for (const uri of moved) {
      look.add(uri);
      for (const v of this.known.get(uri)!.values) for (const u of this.holders.get(v) ?? []) look.add(u);
    }
    const changed: string[] = [];
    for (const uri of look) {
      if (!open.has(uri)) continue;
      const sig = this.sharing(uri).map((u) => this.known.get(u)!.content);
      const shown = this.shown.get(uri);
      if (shown && !sameStrings(shown, sig)) changed.push(uri);
      this.shown.set(uri, sig);
    }
    for (const uri of this.shown.keys()) if (!open.has(uri)) this.shown.delete(uri);
    return changed;
  }

  /** Takes `uri`'s values out of `holders`; the configs that held them with it go to `look`. */
  private remove(uri: string, k: Known, look: Set<string>): void {
    for (const v of k.values) {
      const list = this.holders.get(v);
      if (!list) continue;
      for (const u of list) look.add(u);
      const at = list.indexOf(uri);
      if (at >= 0) list.splice(at, 1);
      if (!list.length) this.holders.delete(v);
    }
  }

  private holdersOf(value: string): string[] {
    let list = this.holders.get(value);
    if (!list) this.holders.set(value, list = []);
    return list;
  }

  /** The findings across configs of an open document, as of the last `update`. */
  diagnosticsOf(uri: string): Diagnostic[] {
    const mine = this.known.get(uri);
    const sharing = this.sharing(uri);
    if (!mine || !sharing.length) return [];
    const uriOf = new Map(sharing.map((u) => [this.known.get(u)!.facts.id, u]));
    return acrossFromFacts(sharing.map((u) => this.known.get(u)!.facts), mine.facts.id).map((f) => toDiagnostic(f, uri, this.known, uriOf));
  }

  /** `uri` and the configs that share one of its values, in their order; none when it shares nothing. */
  private sharing(uri: string): string[] {
    const k = this.known.get(uri);
    if (!k) return [];
    const set = new Set<string>();
    for (const v of k.values) {
      const list = this.holders.get(v);
      if (list && list.length > 1) for (const u of list) set.add(u);
    }
    if (!set.size) return [];
    return [...set].sort((x, y) => this.known.get(x)!.order - this.known.get(y)!.order);
  }
}

/** Puts `uri` into `list` (kept in the configs' order) unless it is there. */
function insertOrdered(list: string[], uri: string, order: (u: string) => number): void {
  if (list.includes(uri)) return;
  const o = order(uri);
  let at = list.length;
  while (at > 0 && order(list[at - 1]!) > o) at--;
  list.splice(at, 0, uri);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
