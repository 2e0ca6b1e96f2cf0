// The xlcfg language server in a browser web worker (vscode.dev, github.dev): the same protocol
// wiring as the Node server (lsp/language-server.ts) over the worker's postMessage. There is no
// machine to read here: no `local` host (settings asking for it get `reference`, with a note), no
// man page, and server commands answer with their text instead of writing a file.
import { createConnection, BrowserMessageReader, BrowserMessageWriter, ProposedFeatures } from 'vscode-languageserver/browser';
import { startLanguageServer, type ServerEnvironment } from './lsp/language-server';

/** The worker's global scope (`self`); typed loosely because the project compiles without the WebWorker lib. */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const browserEnvironment: ServerEnvironment = { name: 'browser' };

startLanguageServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), browserEnvironment);
