// Tells the server whether an xl-cfg file on disk starts with a UTF-8 BOM (VS Code strips it from
// the text the server sees, but xl rejects it), and the "save without BOM" command.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { BOM_NOTIFICATION, BomParams } from '../../server/src/protocol';
import { startsWithUtf8Bom, withoutUtf8Bom } from './bomBytes';
import { documentFor, uriFromArgument } from './documentArgument';

/** Reads the first bytes of the file behind `uri`; undefined when it cannot be read (new, virtual...). */
export type HeadReader = (uri: vscode.Uri) => Promise<Uint8Array | undefined>;

/**
 * Through VS Code's file system, which serves every scheme (the only way in a browser). It reads
 * the whole file: the API has no partial read. Node reads three bytes of local files (fileHead.ts).
 */
export const readHeadThroughVscode: HeadReader = async (uri) => {
  if (uri.scheme === 'untitled') return undefined;
  try {
    return (await vscode.workspace.fs.readFile(uri)).subarray(0, 3);
  } catch {
    return undefined;
  }
};

/** Reads the file's first bytes and sends `xlcfg/bom` for it. */
export async function reportByteOrderMark(client: LanguageClient, uri: vscode.Uri, readHead: HeadReader = readHeadThroughVscode): Promise<void> {
  const head = await readHead(uri);
  if (!head) return;
  const params: BomParams = { uri: uri.toString(), hasBom: startsWithUtf8Bom(head) };
  await client.sendNotification(BOM_NOTIFICATION, params);
}

/**
 * `xlcfg.saveWithoutBom [uri?]`: saves pending edits, then rewrites the file without its BOM
 * (VS Code reloads the unchanged text and, finding no BOM, keeps saving it as plain UTF-8).
 * Returns true when a BOM was removed.
 */
export async function saveWithoutBom(arg: unknown, client: () => LanguageClient | undefined): Promise<boolean> {
  const uri = uriFromArgument(arg);
  if (!uri || uri.scheme === 'untitled') return false;
  const doc = await documentFor(uri);
  if (doc.isDirty && !(await doc.save())) return false;
  const bytes = await vscode.workspace.fs.readFile(uri);
  const removed = startsWithUtf8Bom(bytes);
  if (removed) await vscode.workspace.fs.writeFile(uri, withoutUtf8Bom(bytes));
  const running = client();
  if (running) await running.sendNotification(BOM_NOTIFICATION, { uri: uri.toString(), hasBom: false } satisfies BomParams);
  return removed;
}
