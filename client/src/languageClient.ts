// Starts the xlcfg language server (dist/server.js, Node IPC) with vscode-languageclient, once,
// and only when a document needs it: the extension also activates for plain-text/ini/properties
// files (to recognise guest configs among .cfg files) and should not spawn a server for those.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID, XL_CONF_LANGUAGE_ID } from './xlCfgLanguage';
import { traceOutputChannel } from './traceChannel';
/** The client id: it also names the trace setting, `xlcfg.trace.server`. */
const CLIENT_ID = 'xlcfg';
const CLIENT_NAME = 'xl.cfg language server';

export class LazyLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** The running client, starting it on first use. */
  ensureStarted(): Promise<LanguageClient> {
    if (!this.starting) {
      this.starting = this.start().catch((err: unknown) => {
        this.starting = undefined; // let a later document try again
        throw err;
      });
    }
    return this.starting;
  }

  /** The client when it is already running, without starting it. */
  get runningClient(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  private async start(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }, { language: XL_CONF_LANGUAGE_ID }],
      // Pushes the `xlcfg` section on every change; the server may also pull it per document.
      synchronize: { configurationSection: 'xlcfg' },
      // This client registers the editor commands (preview, LF, BOM): code lenses name them rather than
      // the server's own commands, which are for other editors.
      // In restricted mode the server reads no `.xlcfg.json`; it is told when the user grants trust.
      initializationOptions: { clientCommands: true, workspaceTrusted: vscode.workspace.isTrusted },
      // `xlcfg.trace.server` alone turns the protocol trace on (see traceChannel.ts).
      traceOutputChannel: traceOutputChannel(`${CLIENT_NAME} (trace)`),
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    await client.start();
    this.client = client;
    this.context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.sendNotification('xlcfg/workspaceTrust', { trusted: true }).catch(() => undefined);
    }));
    return client;
  }

  async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    if (!starting) return;
    try {
      const client = await starting;
      if (client.isRunning()) await client.stop();
    } catch {
      // it never started: nothing to stop
    }
  }

  dispose(): void {
    void this.stop();
  }
}
