// Switches a .cfg file that opened as plain text/ini/properties (or an extension-less plain-text
// file) to xl-cfg when its content is a Xen guest config, and a file that opened as xl-cfg to
// xl-cpupool when it is a cpupool config (see guestConfigDetection.ts), unless
// `xlcfg.detectCfgContent` is off. Each file is switched at most once per session, so a user who
// changes the language back wins.
import * as vscode from 'vscode';
import { languageToSwitchTo } from './guestConfigDetection';

export class CfgLanguageSwitch implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidOpenTextDocument((doc) => void this.consider(doc));
    for (const doc of vscode.workspace.textDocuments) void this.consider(doc);
  }

  /** Looks at one document; resolves to true when it was switched. */
  async consider(doc: vscode.TextDocument): Promise<boolean> {
    const key = doc.uri.toString();
    if (this.switched.has(key)) return false;
    const enabled = vscode.workspace.getConfiguration('xlcfg', doc.uri).get<boolean>('detectCfgContent', true);
    const candidate = { fileName: doc.fileName, languageId: doc.languageId, scheme: doc.uri.scheme, getText: () => doc.getText() };
    const target = languageToSwitchTo(candidate, enabled);
    if (!target) return false;
    this.switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, target);
      return true;
    } catch {
      return false; // closed meanwhile
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
