// Starts the xlcfg language server with vscode-languageclient, once, and only when a document needs
// it: the extension also activates for plain-text/ini/properties files (to recognise guest configs
// among .cfg files) and should not start a server for those. Where the server runs is the caller's:
// a Node process on the desktop (nodeLanguageClient.ts), a web worker in a browser (browser-client.ts).
import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { LANGUAGE_ID, XL_CONF_LANGUAGE_ID } from './xlCfgLanguage';
import { traceOutputChannel } from './traceChannel';
import { isTrusted, trustMiddleware } from './workspaceTrust';
/** The client id: it also names the trace setting, `xlcfg.trace.server`. */
const CLIENT_ID = 'xlcfg';
const CLIENT_NAME = 'xl.cfg language server';

/** Makes the language client for the extension's server (not started yet). */
/** Makes the language client; may load the client library first (it is not loaded at activation). */
export type ClientFactory = (context: vscode.ExtensionContext, id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient | Promise<BaseLanguageClient>;

export class LazyLanguageClient implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<BaseLanguageClient> | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly create: ClientFactory) {}

  /** The running client, starting it on first use. */
  ensureStarted(): Promise<BaseLanguageClient> {
    if (!this.starting) {
      this.starting = this.start().catch((err: unknown) => {
        this.starting = undefined; // let a later document try again
        throw err;
      });
    }
    return this.starting;
  }

  /** The client when it is already running, without starting it. */
  get runningClient(): BaseLanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  private async start(): Promise<BaseLanguageClient> {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }, { language: XL_CONF_LANGUAGE_ID }],
      // Pushes the `xlcfg` section on every change; the server may also pull it per document.
      synchronize: { configurationSection: 'xlcfg' },
      // This client registers the editor commands (preview, LF, BOM): code lenses name them rather than
      // the server's own commands, which are for other editors.
      // workspaceTrusted: false in Restricted Mode: the server reads no `.xlcfg.json` and document links
      // look at no file; it is told when the user grants trust.
      initializationOptions: { clientCommands: true, workspaceTrusted: isTrusted() },
      // `xlcfg.trace.server` alone turns the protocol trace on (see traceChannel.ts).
      traceOutputChannel: traceOutputChannel(`${CLIENT_NAME} (trace)`),
      // Restricted Mode: no `local` host and no man page reach the server (see workspaceTrust.ts).
      middleware: trustMiddleware(() => created),
    };
    let created: BaseLanguageClient | undefined;
    const client = created = await this.create(this.context, CLIENT_ID, CLIENT_NAME, clientOptions);
    await client.start();
    this.client = client;
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
