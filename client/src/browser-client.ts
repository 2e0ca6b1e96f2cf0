// The web extension's entry (package.json `browser`: vscode.dev, github.dev, code-server's web
// worker extension host): the same client, with the language server in a web worker
// (dist/web/server.js). Nothing here may use Node.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateOn, deactivate } from './activation';

/** The browser's Worker constructor (the project compiles without the DOM lib). */
type WorkerConstructor = new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[2];

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(context, {
    createClient: (ctx, id, name, options) => {
      const url = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'server.js');
      const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
      return new LanguageClient(id, name, new Worker(url.toString(true), { name }), options);
    },
  });
}

export { deactivate };
