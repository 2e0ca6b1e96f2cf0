// The web extension's entry (package.json `browser`: vscode.dev, github.dev, code-server's web
// worker extension host): the same client, with the language server in a web worker
// (dist/web/server.js). Nothing here may use Node.
import * as vscode from 'vscode';
import { LanguageClient, BrowserMessageReader, BrowserMessageWriter } from 'vscode-languageclient/browser';
import { activateOn, deactivate } from './activation';

/** The browser's Worker, Blob and URL (the project compiles without the DOM lib). */
interface BrowserGlobals {
  Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof BrowserMessageReader>[0];
  Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
}

/**
 * The worker's script address. VS Code's web extension host refuses to start a worker from a
 * `vscode-remote:` address (an extension installed on a remote server, as in code-server): such a
 * script is read through VS Code's file system and started from a blob instead.
 */
async function workerScript(ctx: vscode.ExtensionContext, g: BrowserGlobals): Promise<string> {
  const script = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'server.js');
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return g.URL.createObjectURL(new g.Blob([bytes], { type: 'text/javascript' }));
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateOn(context, {
    createClient: (ctx, id, name, options) => {
      const g = globalThis as unknown as BrowserGlobals;
      // The reader and writer are made here: the client's own `instanceof Worker` test fails for
      // the Worker that VS Code's extension host hands out (it wraps the constructor).
      const start = async () => {
        const worker = new g.Worker(await workerScript(ctx, g), { name });
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      };
      return new LanguageClient(id, name, start, options);
    },
  });
}

export { deactivate };
