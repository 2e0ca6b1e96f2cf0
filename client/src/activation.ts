// The VS Code side of xlcfg, on the desktop and in a browser alike: starts the language server for
// xl-cfg documents, registers the commands the server refers to (device-model preview, LF
// conversion, BOM removal), reports BOMs that VS Code hides from the server, and recognises guest
// configs among .cfg files. The entries (extension.ts, browser-client.ts) say where the server runs.
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol';
import { reportByteOrderMark, saveWithoutBom, type HeadReader } from './byteOrderMark';
import { CfgLanguageSwitch } from './cfgLanguageSwitch';
import { DeviceModelPreviewProvider, registerDeviceModelPreview } from './deviceModelPreview';
import { LazyLanguageClient, type ClientFactory } from './languageClient';
import { LANGUAGE_ID, XL_CONF_LANGUAGE_ID } from './xlCfgLanguage';
import { convertToLf } from './lineEndings';
import { showUpgradeReport } from './upgradeReport';
import { registerTargetStatus } from './targetStatus';
import { onTrustGranted } from './workspaceTrust';
import { registerEffectiveConfig } from './effectiveConfig';

/** What differs between the desktop and the browser. */
export interface ClientPlatform {
  /** Makes the language client (which starts the server). */
  readonly createClient: ClientFactory;
  /** Reads a file's first bytes (for the BOM report); absent: through VS Code's file system. */
  readonly readHead?: HeadReader;
}

let languageClient: LazyLanguageClient | undefined;

export async function activateOn(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<void> {
  const lazy = new LazyLanguageClient(context, platform.createClient);
  languageClient = lazy;
  const preview = new DeviceModelPreviewProvider(() => lazy.ensureStarted());

  /** Starts the server for an xl-cfg document and tells it whether the file has a BOM. */
  const onXlCfgDocument = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.languageId !== LANGUAGE_ID && doc.languageId !== XL_CONF_LANGUAGE_ID) return;
    try {
      const client = await lazy.ensureStarted();
      await reportByteOrderMark(client, doc.uri, platform.readHead);
    } catch (err) {
      console.error('xlcfg: the language server did not start', err);
    }
  };

  context.subscriptions.push(
    lazy,
    registerDeviceModelPreview(preview),
    registerTargetStatus(),
    onTrustGranted(() => lazy.runningClient),
    registerEffectiveConfig(() => lazy.ensureStarted()),
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
