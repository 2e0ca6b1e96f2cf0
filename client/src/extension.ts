// The desktop extension's entry (package.json `main`): the language server runs in a Node process,
// and local files' BOMs are read with Node. The language client library (a third of the bundle) is
// loaded when the first xl.cfg document starts the server, not at activation: the extension also
// activates for plain-text and .cfg files that turn out not to be guest configs.
import type * as vscode from 'vscode';
import { activateOn, deactivate } from './activation';
import type { ClientFactory } from './languageClient';
import { readHeadWithNode } from './fileHead';

const createNodeLanguageClient: ClientFactory = async (...args) => (await import('./nodeLanguageClient.js')).createNodeLanguageClient(...args);

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(context, { createClient: createNodeLanguageClient, readHead: readHeadWithNode });
}

export { deactivate };
