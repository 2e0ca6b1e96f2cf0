// "xl.cfg: Show Effective Config (xl create overrides)": asks for the `key=value` words one would type
// after `xl create CFG`, then shows beside the config a read-only virtual document with what xl uses
// (the server's `xlcfg/effectiveConfig` request), refreshed while the config is edited or the xlcfg
// settings change.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  COMMANDS, EFFECTIVE_CONFIG_REQUEST, EFFECTIVE_SCHEME, type EffectiveConfigParams, type EffectiveConfigResult,
} from '../../server/src/protocol';
import { documentFor, uriFromArgument } from './documentArgument';

export const EFFECTIVE_SUFFIX = '.effective';
const REFRESH_DELAY_MS = 150;

export interface EffectiveAddress { scheme: string; path: string; query: string }

/** `xlcfg-effective:/<config file name>.effective?<[config uri, overrides] as JSON, percent-encoded>`. */
export function effectiveAddressFor(configUri: string, overrides: string): EffectiveAddress {
  const withoutQuery = configUri.replace(/[?#].*$/, '');
  let name = withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1);
  try { name = decodeURIComponent(name); } catch { /* keep it */ }
  return { scheme: EFFECTIVE_SCHEME, path: `/${name || 'config'}${EFFECTIVE_SUFFIX}`, query: encodeURIComponent(JSON.stringify([configUri, overrides])) };
}

/** The config URI and the overrides an address shows, or undefined when it is no effective-config address. */
export function effectiveTargetOf(address: EffectiveAddress): { config: string; overrides: string } | undefined {
  if (address.scheme !== EFFECTIVE_SCHEME || !address.query) return undefined;
  for (const q of [address.query, safeDecode(address.query)]) {
    try {
      const v: unknown = JSON.parse(q);
      if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') return { config: v[0], overrides: v[1] };
    } catch { /* try the decoded form */ }
  }
  return undefined;
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

export class EffectiveConfigProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The overrides last typed for each config, offered again by the prompt. */
  private readonly lastOverrides = new Map<string, string>();

  constructor(private readonly client: () => Promise<LanguageClient>) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const target = effectiveTargetOf(uri);
    if (!target) return `# ${uri.toString()} is not an effective-config address.\n`;
    try {
      const client = await this.client();
      const params: EffectiveConfigParams = { uri: target.config, overrides: target.overrides };
      const result = await client.sendRequest<EffectiveConfigResult | null>(EFFECTIVE_CONFIG_REQUEST, params, token);
      return result?.content ?? `# The language server has no answer for ${target.config} (is the config open?).\n`;
    } catch (err) {
      if (token.isCancellationRequested) return '';
      return `# The effective config could not be built: ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }

  /**
   * Asks for the overrides (unless given as a string), then opens the view of the config given as
   * argument, or of the active editor's (from a view: its config).
   */
  async show(arg: unknown, overrides?: unknown): Promise<vscode.Uri | undefined> {
    const target = uriFromArgument(arg);
    if (!target) {
      void vscode.window.showInformationMessage('Open a Xen guest config (xl.cfg) first.');
      return undefined;
    }
    const fromView = effectiveTargetOf(target);
    const configUri = fromView ? vscode.Uri.parse(fromView.config, true) : target;
    const key = configUri.toString();
    let words = typeof overrides === 'string' ? overrides : undefined;
    if (words === undefined) {
      const name = configUri.path.slice(configUri.path.lastIndexOf('/') + 1) || 'CFG';
      words = await vscode.window.showInputBox({
        title: `Effective config of ${name}`,
        prompt: `The key=value words to give after \`xl create ${name}\`, quoted as in a shell (empty: none)`,
        placeHolder: `memory=4096 vcpus=4 'name="test-vm"'`,
        value: this.lastOverrides.get(key) ?? fromView?.overrides ?? '',
      });
      if (words === undefined) return undefined;
    }
    this.lastOverrides.set(key, words);
    try {
      await documentFor(configUri); // the server answers for open documents only
    } catch {
      void vscode.window.showWarningMessage(`Cannot open ${key} to show its effective config.`);
      return undefined;
    }
    const viewUri = vscode.Uri.from(effectiveAddressFor(key, words.trim()));
    const alreadyOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === viewUri.toString());
    const doc = await vscode.workspace.openTextDocument(viewUri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    if (alreadyOpen) this.changed.fire(viewUri);
    return viewUri;
  }

  /** Refreshes, after a short quiet period, the open views of `configUri` (or all of them). */
  scheduleRefresh(configUri?: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== EFFECTIVE_SCHEME || doc.isClosed) continue;
      const t = effectiveTargetOf(doc.uri);
      if (!t || (configUri !== undefined && t.config !== configUri)) continue;
      const k = doc.uri.toString();
      const pending = this.timers.get(k);
      if (pending) clearTimeout(pending);
      this.timers.set(k, setTimeout(() => { this.timers.delete(k); this.changed.fire(doc.uri); }, REFRESH_DELAY_MS));
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.changed.dispose();
  }
}

/** The provider, its scheme, its refreshes and the command. */
export function registerEffectiveConfig(client: () => Promise<LanguageClient>): vscode.Disposable {
  const provider = new EffectiveConfigProvider(client);
  return vscode.Disposable.from(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme !== EFFECTIVE_SCHEME && e.contentChanges.length > 0) provider.scheduleRefresh(e.document.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('xlcfg')) provider.scheduleRefresh(); }),
    vscode.commands.registerCommand(COMMANDS.showEffectiveConfig, (arg?: unknown, overrides?: unknown) => provider.show(arg, overrides)),
  );
}
