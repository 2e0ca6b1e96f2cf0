// The desktop's language client: the bundled server (dist/server.js) in a Node process, over IPC.
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { ClientFactory } from './languageClient';

export const createNodeLanguageClient: ClientFactory = (context, id, name, options) => {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient(id, name, serverOptions, options);
};
