// "xl.cfg: Preview Device-Model Command Line": a read-only virtual document beside the config,
// filled by the server's `xlcfg/deviceModelPreview` request and refreshed (debounced) while the
// config is edited or the xlcfg settings change.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  DEVICE_MODEL_PREVIEW_REQUEST, DeviceModelPreviewParams, DeviceModelPreviewResult, PREVIEW_SCHEME,
} from '../../server/src/protocol';
import { configUriOfPreview, previewAddressFor } from './previewAddress';
import { uriFromArgument } from './documentArgument';

export const REFRESH_DELAY_MS = 150;
/** The preview is `#` comments and a shell-quoted command line: shell highlighting suits it. */
export const PREVIEW_LANGUAGE = 'shellscript';

export function previewUriFor(configUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.from(previewAddressFor(configUri.toString()));
}

export class DeviceModelPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly client: () => Promise<LanguageClient>) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const configUri = configUriOfPreview(uri);
    if (!configUri) return `# ${uri.toString()} is not a device-model preview address.\n`;
    try {
      const client = await this.client();
      const params: DeviceModelPreviewParams = { uri: configUri };
      const result = await client.sendRequest<DeviceModelPreviewResult | null>(DEVICE_MODEL_PREVIEW_REQUEST, params, token);
      return result?.content ?? `# The language server has no preview for ${configUri} (is the config open?).\n`;
    } catch (err) {
      if (token.isCancellationRequested) return '';
      return `# The preview could not be built: ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }

  /** The preview documents currently open, with the config URI each shows. */
  private openPreviews(): { preview: vscode.Uri; config: string }[] {
    const out: { preview: vscode.Uri; config: string }[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== PREVIEW_SCHEME || doc.isClosed) continue;
      const config = configUriOfPreview(doc.uri);
      if (config) out.push({ preview: doc.uri, config });
    }
    return out;
  }

  /** Refreshes, after a short quiet period, every open preview of `configUri` (or all of them). */
  scheduleRefresh(configUri?: string): void {
    for (const { preview, config } of this.openPreviews()) {
      if (configUri !== undefined && config !== configUri) continue;
      const key = preview.toString();
      const pending = this.timers.get(key);
      if (pending) clearTimeout(pending);
      this.timers.set(key, setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(preview);
      }, REFRESH_DELAY_MS));
    }
  }

  /** Opens (or reveals and refreshes) the preview of the config given as argument or active. */
  async show(arg: unknown): Promise<vscode.Uri | undefined> {
    const target = uriFromArgument(arg);
    if (!target) {
      void vscode.window.showInformationMessage('Open an xl.cfg file to preview its device-model command line.');
      return undefined;
    }
    const fromPreview = configUriOfPreview(target); // invoked from a preview: show that preview's config
    const configUri = fromPreview ? vscode.Uri.parse(fromPreview, true) : target;
    if (!(await openInMemory(configUri))) return undefined;
    const previewUri = previewUriFor(configUri);
    const alreadyOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === previewUri.toString());
    let doc = await vscode.workspace.openTextDocument(previewUri);
    if (doc.languageId !== PREVIEW_LANGUAGE) {
      doc = await vscode.languages.setTextDocumentLanguage(doc, PREVIEW_LANGUAGE).then((d) => d, () => doc);
    }
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    if (alreadyOpen) this.changed.fire(previewUri);
    return previewUri;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.changed.dispose();
  }
}

/** The server answers for open documents only: opens the config (without showing it) if needed. */
async function openInMemory(uri: vscode.Uri): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return true;
  try {
    await vscode.workspace.openTextDocument(uri);
    return true;
  } catch {
    void vscode.window.showWarningMessage(`Cannot open ${uri.toString()} to preview its device model.`);
    return false;
  }
}

/** Wires the provider: its scheme, refresh on config edits and settings changes. */
export function registerDeviceModelPreview(provider: DeviceModelPreviewProvider): vscode.Disposable {
  return vscode.Disposable.from(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme !== PREVIEW_SCHEME && e.contentChanges.length > 0) {
        provider.scheduleRefresh(e.document.uri.toString());
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('xlcfg')) provider.scheduleRefresh();
    }),
  );
}
