// `xlcfg.convertToLf [uri?]`: xl rejects every CR, and a text edit cannot change line endings
// (VS Code normalises them), so the client sets the editor's end-of-line sequence instead.
// The document is left unsaved, like any other edit.
import * as vscode from 'vscode';
import { editorFor, uriFromArgument } from './documentArgument';

/** Returns true when the editor's end-of-line is LF afterwards. */
export async function convertToLf(arg: unknown): Promise<boolean> {
  const uri = uriFromArgument(arg);
  if (!uri) return false;
  const editor = await editorFor(uri);
  const isLf = () => editor.document.eol === vscode.EndOfLine.LF;
  if (isLf()) return true;
  const applied = await editor.edit((builder) => builder.setEndOfLine(vscode.EndOfLine.LF));
  return applied && isLf();
}
