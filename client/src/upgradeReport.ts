// Command "xl.cfg: What Changes Between Two Xen Releases": asks for the two releases, has the
// server build the report (the same as `xlcfg upgrade FILE --from A --to B`) and shows it beside
// the config as a plain-text document.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SERVER_COMMANDS, type ServerCommandResult } from '../../server/src/protocol';
import { XEN_VERSIONS } from '../../server/src/service/options';
import { LANGUAGE_ID } from './xlCfgLanguage';

export async function showUpgradeReport(arg: unknown, client: () => Promise<LanguageClient>): Promise<void> {
  const uri = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.toString()
    : vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID ? vscode.window.activeTextEditor.document.uri.toString() : undefined;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a Xen guest config (xl.cfg) first.');
    return;
  }
  const versions = [...XEN_VERSIONS];
  const from = await vscode.window.showQuickPick(versions, { title: 'Upgrade report: the release the guest runs on now' });
  if (!from) return;
  const to = await vscode.window.showQuickPick(versions.filter((v) => v !== from).reverse(), { title: `Upgrade report: from Xen ${from} to` });
  if (!to) return;
  const c = await client();
  const result = await c.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.upgradeReport, arguments: [uri, from, to] }) as ServerCommandResult | null;
  if (!result) return;
  const doc = await vscode.workspace.openTextDocument({ content: result.content, language: 'plaintext' });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
