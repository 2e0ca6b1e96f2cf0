// Commands take an optional config URI (a string from the server's code lenses and code actions,
// or a vscode.Uri from menus); without one they act on the active editor.
import * as vscode from 'vscode';

/** The URI a command should act on, or undefined when there is none. */
export function uriFromArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  return vscode.window.activeTextEditor?.document.uri;
}

/** An editor showing `uri`: a visible one if there is, otherwise the document is opened. */
export async function editorFor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const key = uri.toString();
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
  if (visible) return visible;
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The open document for `uri`, opening it (without showing it) when needed. */
export async function documentFor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key) ?? vscode.workspace.openTextDocument(uri);
}
