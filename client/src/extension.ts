// The desktop extension's entry (package.json `main`): the language server runs in a Node process,
// and local files' BOMs are read with Node.
import type * as vscode from 'vscode';
import { activateOn, deactivate } from './activation';
import { createNodeLanguageClient } from './nodeLanguageClient';
import { readHeadWithNode } from './fileHead';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(context, { createClient: createNodeLanguageClient, readHead: readHeadWithNode });
}

export { deactivate };
