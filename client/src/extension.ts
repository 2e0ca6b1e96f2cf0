// The VS Code side of xlcfg: starts the language server for xl-cfg documents, registers the
// commands the server refers to (device-model preview, LF conversion, BOM removal), reports BOMs
// that VS Code hides from the server, and recognises guest configs among .cfg files.
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol';
import { reportByteOrderMark, saveWithoutBom } from './byteOrderMark';
import { CfgLanguageSwitch } from './cfgLanguageSwitch';
import { DeviceModelPreviewProvider, registerDeviceModelPreview } from './deviceModelPreview';
import { LazyLanguageClient } from './languageClient';
import { LANGUAGE_ID, XL_CONF_LANGUAGE_ID } from './xlCfgLanguage';
import { convertToLf } from './lineEndings';
import { showUpgradeReport } from './upgradeReport';
import { registerTargetStatus } from './targetStatus';

let languageClient: LazyLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const lazy = new LazyLanguageClient(context);
  languageClient = lazy;
  const preview = new DeviceModelPreviewProvider(() => lazy.ensureStarted());

  /** Starts the server for an xl-cfg document and tells it whether the file has a BOM. */
  const onXlCfgDocument = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.languageId !== LANGUAGE_ID && doc.languageId !== XL_CONF_LANGUAGE_ID) return;
    try {
      const client = await lazy.ensureStarted();
      await reportByteOrderMark(client, doc.uri);
    } catch (err) {
      console.error('xlcfg: the language server did not start', err);
    }
  };

  context.subscriptions.push(
    lazy,
    registerDeviceModelPreview(preview),
    registerTargetStatus(),
    new CfgLanguageSwitch(),
    vscode.workspace.onDidOpenTextDocument((doc) => void onXlCfgDocument(doc)),
    vscode.workspace.onDidSaveTextDocument((doc) => void onXlCfgDocument(doc)),
    vscode.commands.registerCommand(COMMANDS.showDeviceModelPreview, (arg?: unknown) => preview.show(arg)),
    vscode.commands.registerCommand(COMMANDS.convertToLf, (arg?: unknown) => convertToLf(arg)),
    vscode.commands.registerCommand(COMMANDS.saveWithoutBom, (arg?: unknown) => saveWithoutBom(arg, () => lazy.runningClient)),
    vscode.commands.registerCommand(COMMANDS.showUpgradeReport, (arg?: unknown) => showUpgradeReport(arg, () => lazy.ensureStarted())),
  );

  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID || d.languageId === XL_CONF_LANGUAGE_ID);
  await Promise.all(open.map(onXlCfgDocument));
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
}
