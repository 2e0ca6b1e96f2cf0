// The xlcfg language server: LSP transport only. Every answer comes from the pure language service
// (service/); this file keeps documents, settings and the BOM flags, and converts positions.
// Runs over IPC (started by the VS Code client) or `--stdio` (other editors).
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type InitializeParams, type InitializeResult, type Diagnostic, type CodeAction, type Hover, type CompletionList,
  type CodeLensParams, type DocumentSymbolParams, type FoldingRangeParams, type SelectionRangeParams, type DocumentFormattingParams,
  type DocumentRangeFormattingParams, type SemanticTokensParams, type DefinitionParams, type DocumentHighlightParams, type InlayHintParams,
  type ExecuteCommandParams, ResponseError, ErrorCodes, MessageType,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BOM_NOTIFICATION, DEVICE_MODEL_PREVIEW_REQUEST, COMMANDS, SERVER_COMMANDS, type BomParams, type DeviceModelPreviewParams, type DeviceModelPreviewResult,
  type XlcfgSettings, type ServerCommandResult,
} from './protocol';
import { readSettings, readInitializationOptions, xlcfgSection, DEFAULT_SETTINGS, WORKSPACE_TRUST_NOTIFICATION } from './lsp/settings';
import { AnalysisCache, fileName } from './lsp/documents';
import { ShownFiles } from './lsp/shown-files';
import {
  diagnostics, previewText, previewCodeLens, upgradeReport, upgradeReportText, defaultHostFor, isXenVersion, isHostProfile, HOST_PROFILES,
  OLDEST_XEN_VERSION, NEWEST_XEN_VERSION,
} from './service';
import { hoverAt, completionsAt, codeActionsFor } from './lsp/features';
import {
  documentSymbolsOf, foldingRangesOf, selectionRangesOf, formattingOf, rangeFormattingOf, semanticTokensOf,
  definitionOf, highlightsOf, SEMANTIC_TOKEN_LEGEND, inlayHintsOf,
} from './lsp/editor-features';
import { localHostModel, localManPage } from './node/environment';
import { RepoSettings, type EffectiveSettings } from './lsp/repo-settings';

const disabled = new Set((process.env.XLCFG_DISABLE_FEATURES ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache(localHostModel);
let canAskConfiguration = false;
let hierarchicalSymbols = false;
let canRefreshTokens = false;
let canRefreshLenses = false;
/** Documents whose first analysis has been published (and their code lenses refreshed once). */
const published = new Set<string>();
let canRegisterConfiguration = false;
let canShowDocument = false;
/** The VS Code client registers the editor commands (COMMANDS) itself; other editors get SERVER_COMMANDS. */
let clientCommands = false;
/** Settings from initializationOptions; pushed settings (didChangeConfiguration) go over them, pulled ones over both. */
let initSettings: XlcfgSettings = DEFAULT_SETTINGS;
let globalSettings: XlcfgSettings = DEFAULT_SETTINGS;
const perDocument = new Map<string, Promise<XlcfgSettings>>();
/** The repository's `.xlcfg.json` over the editor settings (lsp/repo-settings.ts). */
const repoSettings = new RepoSettings((m) => { void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: m }).catch(() => undefined); });
let canWatchFiles = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canAskConfiguration = !!params.capabilities.workspace?.configuration;
  hierarchicalSymbols = params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
  canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canShowDocument = params.capabilities.window?.showDocument?.support === true;
  const init = readInitializationOptions(params.initializationOptions);
  initSettings = globalSettings = init.settings;
  clientCommands = init.clientCommands;
  repoSettings.trusted = init.workspaceTrusted;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: !disabled.has('hover'),
      completionProvider: disabled.has('completion') ? undefined : { triggerCharacters: ['=', '"', "'", '[', ' '] },
      codeActionProvider: disabled.has('codeAction') ? undefined : { codeActionKinds: ['quickfix', 'source.fixAll'] },
      codeLensProvider: {},
      documentSymbolProvider: disabled.has('documentSymbol') ? undefined : { label: 'xl.cfg' },
      foldingRangeProvider: !disabled.has('foldingRange'),
      selectionRangeProvider: !disabled.has('selectionRange'),
      documentFormattingProvider: !disabled.has('formatting'),
      documentRangeFormattingProvider: !disabled.has('formatting'),
      semanticTokensProvider: disabled.has('semanticTokens') ? undefined
        : { legend: { tokenTypes: [...SEMANTIC_TOKEN_LEGEND.tokenTypes], tokenModifiers: [...SEMANTIC_TOKEN_LEGEND.tokenModifiers] }, full: true },
      definitionProvider: !disabled.has('definition'),
      documentHighlightProvider: !disabled.has('documentHighlight'),
      inlayHintProvider: !disabled.has('inlayHint'),
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
    },
    serverInfo: { name: 'xlcfg-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canAskConfiguration && canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xlcfg' }).catch(() => undefined);
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.xlcfg.json' }, { globPattern: '**/*.conf' }] }).catch(() => undefined);
  }
});

/** The settings a document is analysed with: the editor's, with the repository's `.xlcfg.json` over them. */
async function settingsFor(uri: string): Promise<EffectiveSettings> {
  return repoSettings.apply(uri, await editorSettingsFor(uri));
}

async function editorSettingsFor(uri: string): Promise<XlcfgSettings> {
  if (!canAskConfiguration) return globalSettings;
  let s = perDocument.get(uri);
  if (!s) {
    s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'xlcfg' })
      .then((raw) => readSettings(raw, globalSettings), () => globalSettings);
    perDocument.set(uri, s);
  }
  return s;
}

async function analysisOf(uri: string) {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  return cache.get(doc, await settingsFor(uri));
}

// ---- diagnostics, debounced per document ----
/** The most diagnostics one document gets (errors first); the editor cannot show more usefully. */
const MAX_DIAGNOSTICS = 2000;
const timers = new Map<string, NodeJS.Timeout>();
function schedule(uri: string, delay = 120): void {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => { timers.delete(uri); void publish(uri); }, delay));
}
async function publish(uri: string): Promise<void> {
  if (disabled.has('diagnostics')) return;
  const a = await analysisOf(uri);
  if (!a) return;
  const doc = documents.get(uri);
  let diags: Diagnostic[];
  try {
    diags = diagnostics(a, uri, MAX_DIAGNOSTICS) as Diagnostic[];
  } catch (e) {
    diags = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'xlcfg', message: `xlcfg could not analyse this file: ${String(e)}` }];
    connection.console.error(`analysis failed for ${uri}: ${(e as Error).stack ?? e}`);
  }
  void connection.sendDiagnostics({ uri, version: doc?.version, diagnostics: diags });
  // An editor may ask for code lenses before a freshly opened document's first analysis (a cold
  // start): ask it once to ask again, so the preview lens shows without waiting for an edit.
  if (!published.has(uri)) {
    published.add(uri);
    if (canRefreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }
}

/** The document last opened or edited: the server commands' default when an editor passes no URI. */
let lastActiveUri: string | undefined;
documents.onDidOpen((e) => { lastActiveUri = e.document.uri; schedule(e.document.uri, 0); });
documents.onDidChangeContent((e) => { lastActiveUri = e.document.uri; schedule(e.document.uri); });
documents.onDidClose((e) => {
  if (lastActiveUri === e.document.uri) lastActiveUri = undefined;
  cache.forget(e.document.uri); perDocument.delete(e.document.uri); cache.bomUris.delete(e.document.uri); published.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});
connection.onDidChangeConfiguration((change) => {
  perDocument.clear();
  const section = xlcfgSection(change.settings);
  if (section !== undefined) globalSettings = readSettings(section, initSettings);
  for (const d of documents.all()) schedule(d.uri, 0);
  refreshTokens();
});
/** A `.xlcfg.json` or an xl.conf changed on disk: analyse the open documents again. */
connection.onDidChangeWatchedFiles(() => {
  for (const d of documents.all()) schedule(d.uri, 0);
  refreshTokens();
});
/** The VS Code client says when the user trusts the workspace: `.xlcfg.json` is read from then on. */
connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (p: { trusted?: unknown }) => {
  repoSettings.trusted = p?.trusted === true;
  for (const d of documents.all()) schedule(d.uri, 0);
  refreshTokens();
});
/** Semantic tokens come from the findings, which follow the settings (and a BOM): ask again. */
function refreshTokens(): void {
  if (canRefreshTokens && !disabled.has('semanticTokens')) void connection.languages.semanticTokens.refresh().catch(() => undefined);
}
connection.onNotification(BOM_NOTIFICATION, (p: BomParams) => {
  if (!p || typeof p.uri !== 'string') return;
  if (p.hasBom) cache.bomUris.add(p.uri); else cache.bomUris.delete(p.uri);
  schedule(p.uri, 0);
  refreshTokens();
});

// ---- requests ----
/**
 * Every request handler answers: a failure inside the service is logged once and answered with the
 * handler's empty value (as diagnostics do), never as an error the editor shows.
 */
const injectedFault = process.env.XLCFG_TEST_FAULT; // tests: make this handler throw
function guarded<P, R>(name: string, empty: R, handler: (p: P) => Promise<R>): (p: P) => Promise<R> {
  return async (p: P) => {
    try {
      if (injectedFault === name) throw new Error(`fault injected into ${name}`);
      return await handler(p);
    } catch (e) {
      connection.console.error(`xlcfg: ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return empty;
    }
  };
}

connection.onHover(guarded('hover', null, async (p): Promise<Hover | null> => {
  if (disabled.has('hover')) return null;
  const a = await analysisOf(p.textDocument.uri);
  if (!a) return null;
  const s = await settingsFor(p.textDocument.uri);
  return hoverAt(a, p.position, { manPage: s.manPage ? localManPage : undefined }) as Hover | null;
}));

connection.onCompletion(guarded('completion', null, async (p): Promise<CompletionList | null> => {
  if (disabled.has('completion')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? (completionsAt(a, p.position) as CompletionList) : null;
}));

connection.onCodeAction(guarded('codeAction', null, async (p): Promise<CodeAction[] | null> => {
  if (disabled.has('codeAction')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? (codeActionsFor(a, p.textDocument.uri, p.range, p.context) as CodeAction[]) : null;
}));

connection.onCodeLens(guarded('codeLens', [], async (p: CodeLensParams) => {
  const a = await analysisOf(p.textDocument.uri);
  return a ? previewCodeLens(a, p.textDocument.uri, clientCommands ? COMMANDS.showDeviceModelPreview : SERVER_COMMANDS.deviceModelPreview) : [];
}));

connection.onRequest(DEVICE_MODEL_PREVIEW_REQUEST, async (p: DeviceModelPreviewParams): Promise<DeviceModelPreviewResult> => {
  const a = p && typeof p.uri === 'string' ? await analysisOf(p.uri) : undefined;
  if (!a) return { content: '# This document is not open in the xl.cfg language server.\n' };
  try {
    return { content: previewText(a) };
  } catch (e) {
    return { content: `# xlcfg could not build the preview: ${String(e)}\n` };
  }
});

// ---- server commands (editors without the VS Code client) ----
const shownFiles = new ShownFiles();

/** Writes the text to its file and shows it where the editor can; else says where it is. */
async function show(uri: string, kind: string, suffix: string, content: string): Promise<ServerCommandResult> {
  let fileUri: string | undefined;
  try {
    fileUri = shownFiles.write(`${kind}|${uri}`, fileName(uri), suffix, content);
  } catch (e) {
    connection.console.error(`xlcfg: could not write the ${kind}: ${String(e)}`);
    return { content };
  }
  if (canShowDocument) {
    await connection.window.showDocument({ uri: fileUri, takeFocus: true }).catch(() => undefined);
  } else {
    void connection.sendNotification('window/showMessage', { type: MessageType.Info, message: `xlcfg: ${kind} of ${fileName(uri)} written to ${decodeURIComponent(new URL(fileUri).pathname)}` });
  }
  return { content, uri: fileUri };
}

const NOT_OPEN = '# This document is not open in the xl.cfg language server.\n';
const RELEASES = `${OLDEST_XEN_VERSION} .. ${NEWEST_XEN_VERSION}`;

connection.onExecuteCommand(async (p: ExecuteCommandParams): Promise<ServerCommandResult | ResponseError<void>> => {
  const args = p.arguments ?? [];
  // Editors whose command line runs a command without arguments (Helix, Eglot): the document last opened or edited.
  const uri = args.length === 0 ? lastActiveUri : args[0];
  if (typeof uri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, `${p.command} needs the document's URI as its first argument`);
  if (p.command === SERVER_COMMANDS.deviceModelPreview) {
    const a = await analysisOf(uri);
    if (!a) return { content: NOT_OPEN };
    let content: string;
    try { content = previewText(a); } catch (e) { content = `# xlcfg could not build the preview: ${String(e)}\n`; }
    return show(uri, 'device-model preview', '.argv', content);
  }
  if (p.command === SERVER_COMMANDS.upgradeReport) {
    const [, from, to, host] = args;
    if (typeof from !== 'string' || !isXenVersion(from) || typeof to !== 'string' || !isXenVersion(to)) {
      return new ResponseError(ErrorCodes.InvalidParams, `${p.command} needs (uri, from, to) with from and to Xen releases ${RELEASES}`);
    }
    if (host !== undefined && host !== null && !isHostProfile(host)) {
      return new ResponseError(ErrorCodes.InvalidParams, `${p.command}: host must be one of ${HOST_PROFILES.join(', ')}`);
    }
    const doc = documents.get(uri);
    if (!doc) return { content: NOT_OPEN };
    const base = await settingsFor(uri);
    // As `xlcfg upgrade`: each release on the Debian host that ships it, unless a host is given.
    const side = (xen: typeof from) => cache.analyzeOnce(doc, { ...base, xenVersion: xen, host: isHostProfile(host) ? host : defaultHostFor(xen, HOST_PROFILES) });
    let content: string;
    try { content = upgradeReportText(upgradeReport(side(from), side(to)), fileName(uri)); } catch (e) { content = `# xlcfg could not build the upgrade report: ${String(e)}\n`; }
    return show(uri, `upgrade report ${from} to ${to}`, `.upgrade-${from}-${to}.txt`, content);
  }
  return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}`);
});

connection.onDocumentSymbol(guarded('documentSymbol', null, async (p: DocumentSymbolParams) => {
  if (disabled.has('documentSymbol')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? documentSymbolsOf(a, p.textDocument.uri, hierarchicalSymbols) : null;
}));

connection.onFoldingRanges(guarded('foldingRange', null, async (p: FoldingRangeParams) => {
  if (disabled.has('foldingRange')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? foldingRangesOf(a) : null;
}));

connection.onSelectionRanges(guarded('selectionRange', null, async (p: SelectionRangeParams) => {
  if (disabled.has('selectionRange')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? selectionRangesOf(a, p.positions) : null;
}));

connection.onDocumentFormatting(guarded('formatting', null, async (p: DocumentFormattingParams) => {
  if (disabled.has('formatting')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? formattingOf(a, p.options) : null;
}));

connection.onDocumentRangeFormatting(guarded('rangeFormatting', null, async (p: DocumentRangeFormattingParams) => {
  if (disabled.has('formatting')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? rangeFormattingOf(a, p.range, p.options) : null;
}));

connection.languages.semanticTokens.on(guarded('semanticTokens', { data: [] }, async (p: SemanticTokensParams) => {
  const a = disabled.has('semanticTokens') ? undefined : await analysisOf(p.textDocument.uri);
  return a ? semanticTokensOf(a) : { data: [] };
}));

connection.onDefinition(guarded('definition', null, async (p: DefinitionParams) => {
  if (disabled.has('definition')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? definitionOf(a, p.textDocument.uri, p.position) : null;
}));

connection.onDocumentHighlight(guarded('documentHighlight', null, async (p: DocumentHighlightParams) => {
  if (disabled.has('documentHighlight')) return null;
  const a = await analysisOf(p.textDocument.uri);
  return a ? highlightsOf(a, p.position) : null;
}));

connection.languages.inlayHint.on(guarded('inlayHint', null, async (p: InlayHintParams) => {
  if (disabled.has('inlayHint')) return null;
  const a = await analysisOf(p.textDocument.uri);
  if (!a || !(await settingsFor(p.textDocument.uri)).inlayHints) return null;
  return inlayHintsOf(a, p.range);
}));

documents.listen(connection);
connection.listen();
