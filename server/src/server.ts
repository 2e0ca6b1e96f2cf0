// The xlcfg language server for Node: over IPC (started by the VS Code client) or `--stdio` (other
// editors). The protocol wiring is lsp/language-server.ts, shared with the browser worker
// (browser-server.ts); this file adds what Node can do: read this machine and write files.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './lsp/language-server';
import { nodeServerEnvironment } from './node/server-environment';

startLanguageServer(createConnection(ProposedFeatures.all), nodeServerEnvironment());
