// Tells the server when VS Code's workspace trust is granted after start (the start-up state goes in
// the initialization options): only in a trusted workspace, on the `local` host, do the document
// links of kernel, ramdisk, bootloader and disk paths say whether the file exists on this machine.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from '../../server/src/protocol';

export function registerWorkspaceTrust(runningClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const params: WorkspaceTrustParams = { trusted: true };
    void runningClient()?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, params).catch(() => undefined);
  });
}
