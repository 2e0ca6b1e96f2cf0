// Small helpers for the end-to-end suite: everything goes through the public vscode API, and every
// answer from the language server is polled for, because it arrives asynchronously.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'xlcfg.xlcfg';
export const LANGUAGE_ID = 'xl-cfg';

/** How long to wait for one answer from the server once it runs (its first start gets longer). */
let answerMs = 10_000;

/**
 * Called when the server never answered at all: every later wait is cut short, so that a dead
 * extension fails the suite in seconds instead of timing out the whole run.
 */
export function serverIsDead(): void {
  answerMs = 5_000;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` every 100 ms until it returns something truthy; fails after `ms` with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = answerMs): Promise<T> {
  const end = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${ms} ms waiting for ${what}${why}`);
    }
    await sleep(100);
  }
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite must run with the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens a workspace file in an editor and returns its document. */
export async function openFile(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Opens a workspace file and measures the time from the open request to the first diagnostics
 * VS Code shows for it (the file must yield at least one finding). Listens to the diagnostics
 * event, so the figure is not rounded to a polling interval.
 */
export async function openToDiagnosticsMs(relative: string, ms = answerMs): Promise<{ doc: vscode.TextDocument; elapsedMs: number }> {
  const uri = workspaceUri(relative);
  let listener: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const shown = new Promise<number>((resolve, reject) => {
    listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && vscode.languages.getDiagnostics(uri).length) resolve(performance.now());
    });
    timer = setTimeout(() => reject(new Error(`no diagnostics for ${relative} within ${ms} ms`)), ms);
  });
  const t0 = performance.now();
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const t1 = vscode.languages.getDiagnostics(uri).length ? performance.now() : await shown;
    return { doc, elapsedMs: Math.round((t1 - t0) * 10) / 10 };
  } finally {
    listener?.dispose();
    clearTimeout(timer);
  }
}

/** Writes raw bytes (a BOM, CRLF line ends) to a workspace file. */
export async function writeFile(relative: string, bytes: string | Uint8Array): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  return uri;
}

export async function readBytes(relative: string): Promise<Buffer> {
  return Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(relative)));
}

/** The open document for `uri` as it is now (a language switch replaces the document object). */
export function currentDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

/** Waits until at least one diagnostic with `code` is shown for `uri`. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, ms = answerMs): Promise<vscode.Diagnostic[]> {
  return waitFor(`a '${code}' diagnostic on ${uri.path.split('/').pop()} (shown: ${describeDiagnostics(uri)})`,
    () => { const found = diagnosticsWithCode(uri, code); return found.length ? found : undefined; }, ms);
}

/** Waits until no diagnostic with `code` is left for `uri`. */
export function waitForNoDiagnostic(uri: vscode.Uri, code: string, ms = answerMs): Promise<true> {
  return waitFor(`the '${code}' diagnostic to clear`, () => diagnosticsWithCode(uri, code).length === 0, ms);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (!all.length) return 'none';
  return all.map((d) => `${codeOf(d) ?? '?'}@${d.range.start.line}:${d.range.start.character}`).join(', ');
}

/** The plain text of every hover VS Code would show at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Position inside the key of the first statement that sets `key` (comments never match). */
export function keyPosition(doc: vscode.TextDocument, key: string, offset = 0): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const m = /^(\s*)([a-z0-9_.]+)\s*\+?=/.exec(doc.lineAt(line).text);
    if (m && m[2] === key) return new vscode.Position(line, m[1].length + offset);
  }
  throw new Error(`no '${key} =' statement in ${doc.uri.path}`);
}

/** Code actions VS Code offers for `range` (edits resolved, as the light bulb would). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<(vscode.CodeAction | vscode.Command)[]> {
  return (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, kind?.value, 20)) ?? [];
}

export function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return !(typeof (a as vscode.Command).command === 'string');
}

/** The command an action runs, whether the server sent a CodeAction or a bare Command. */
export function commandOf(a: vscode.CodeAction | vscode.Command): vscode.Command | undefined {
  return isCodeAction(a) ? a.command : a;
}

/** Replaces the whole text of `doc` (the fixture's original text, between quick fixes). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/**
 * Completion items VS Code gets at `position`, less the words it picks from open documents (kind
 * Text; also switched off in the fixture workspace's settings), which would hide a silent server.
 */
export async function completionItems(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
}

/** A completion item's label without the quotes a value item may carry. */
export function bareLabel(item: vscode.CompletionItem): string {
  const label = typeof item.label === 'string' ? item.label : item.label.label;
  return label.replace(/^["']|["']$/g, '');
}

/** Drops unsaved edits of every open document, then closes all editors (no save prompts). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isUntitled || doc.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
