// The xlcfg language server's protocol wiring, the same in every environment: documents, settings,
// the BOM flags, positions, and every request answered from the pure language service (service/).
// What differs between Node (server.ts: IPC or --stdio) and a browser web worker (browser-server.ts)
// comes in as a ServerEnvironment: reading the machine (the `local` host, the man page) and writing
// the files that server commands show.
import {
  ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  type InitializeParams, type InitializeResult, type Diagnostic, type CodeAction, type Hover, type CompletionList,
  type CodeLensParams, type DocumentSymbolParams, type FoldingRangeParams, type SelectionRangeParams, type DocumentFormattingParams,
  type DocumentRangeFormattingParams, type SemanticTokensParams, type DefinitionParams, type DocumentHighlightParams, type InlayHintParams,
  type ExecuteCommandParams, ResponseError, ErrorCodes, MessageType,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BOM_NOTIFICATION, DEVICE_MODEL_PREVIEW_REQUEST, COMMANDS, SERVER_COMMANDS, type BomParams, type DeviceModelPreviewParams, type DeviceModelPreviewResult,
  type XlcfgSettings, type ServerCommandResult,
  EFFECTIVE_CONFIG_REQUEST, WORKSPACE_TRUST_NOTIFICATION, type EffectiveConfigParams, type EffectiveConfigResult, type WorkspaceTrustParams,
} from '../protocol';
import { readSettings, readInitializationOptions, xlcfgSection, DEFAULT_SETTINGS, type EffectiveSettings, type RepoSettingsSource } from './settings';
import { AnalysisCache, fileName, isXlConfDocument } from './documents';
import {
  diagnostics, previewText, previewCodeLens, upgradeReport, upgradeReportText, defaultHostFor, isXenVersion, isHostProfile, HOST_PROFILES,
  OLDEST_XEN_VERSION, NEWEST_XEN_VERSION, type Analysis, type HostModel, type PathsProfile, type XenVersion,
} from '../service';
import { hoverAt, completionsAt, codeActionsFor } from './features';
import { effectiveConfigText } from './effective-config';
import { documentLinksOf } from './document-links';
import { AcrossConfigs, type WorkspaceConfig } from './across-configs';
import {
  documentSymbolsOf, foldingRangesOf, selectionRangesOf, formattingOf, rangeFormattingOf, semanticTokensOf,
  definitionOf, highlightsOf, SEMANTIC_TOKEN_LEGEND, inlayHintsOf,
} from './editor-features';

/** What the server may do where it runs. Every member but `name` is optional: absent means "not here". */
export interface ServerEnvironment {
  /** Names the environment in the server's log ("node", "browser"). */
  readonly name: string;
  /**
   * The `local` host model (this machine) for a paths profile and release. Absent where the
   * machine cannot be read (a browser): settings that ask for `local` get `reference`, with a note.
   */
  readonly localHost?: (paths: PathsProfile, version: XenVersion) => HostModel;
  /** The roff text of the installed xl.cfg(5), or null when there is none; absent: no man page on hover. */
  readonly manPage?: () => string | null;
  /**
   * Writes the text a server command shows to a file (the same file for the same key) and answers
   * its URI. Absent: the command answers with the text only.
   */
  readonly writeShownFile?: (key: string, name: string, suffix: string, text: string) => string;
  /** Whether a file exists on this machine (document links, `local` host, trusted workspace); absent: never looked up. */
  readonly fileExists?: (path: string) => boolean;
  /**
   * The repository's `.xlcfg.json` (and the xl.conf it names) over the editor settings, made with the
   * way to warn the user; absent: no file is read (a browser).
   */
  readonly repoSettings?: (warn: (message: string) => void) => RepoSettingsSource;
  /** The guest configs of the workspace folders (findings across configs); absent: the open ones only. */
  readonly workspaceConfigs?: (folders: readonly string[]) => readonly WorkspaceConfig[];
  /** Features turned off (tests). */
  readonly disabled?: ReadonlySet<string>;
  /** Tests: the request handler made to throw. */
  readonly injectedFault?: string;
}

/** Wires the handlers onto `connection` and starts listening. */
export function startLanguageServer(connection: ProposedFeatures.Connection, env: ServerEnvironment): void {
  const disabled = env.disabled ?? new Set<string>();
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache((paths, version) => env.localHost?.(paths, version));
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
  /** False when the editor says the workspace is not trusted: no `.xlcfg.json` read, no file looked up for links. */
  let workspaceTrusted = true;
  const repoSettings = env.repoSettings?.((m) => { void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: m }).catch(() => undefined); });
  let canWatchFiles = false;
  /** The workspace folders' URIs (findings across configs name the others by their path in them). */
  let folders: readonly string[] = [];
  const across = new AcrossConfigs(() => folders);
  const textDecoder = new TextDecoder();

  /** Whether the user has been told that `local` means `reference` here. */
  let localNoted = false;
  /** The settings this environment can honour: without a machine to read, `local` is `reference`. */
  function usable<S extends XlcfgSettings>(s: S): S {
    if (s.host !== 'local' || env.localHost) return s;
    if (!localNoted) {
      localNoted = true;
      const note = `xlcfg: the \`local\` host reads the machine the server runs on, and there is none here (${env.name}); checking against \`reference\` instead.`;
      connection.console.warn(note);
      void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: note });
    }
    return { ...s, host: 'reference' };
  }

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
    workspaceTrusted = init.workspaceTrusted;
    if (repoSettings) repoSettings.trusted = workspaceTrusted;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: !disabled.has('hover'),
        completionProvider: disabled.has('completion') ? undefined : { triggerCharacters: ['=', '"', "'", '[', ' ', ','] },
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
        documentLinkProvider: disabled.has('documentLink') ? undefined : { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      },
      serverInfo: { name: 'xlcfg-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canAskConfiguration && canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xlcfg' }).catch(() => undefined);
    if (canWatchFiles && repoSettings) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.xlcfg.json' }, { globPattern: '**/*.conf' }] }).catch(() => undefined);
    }
  });

  /** The settings a document is analysed with: the editor's, with the repository's `.xlcfg.json` over them. */
  async function settingsFor(uri: string): Promise<EffectiveSettings> {
    const editor = await editorSettingsFor(uri);
    return repoSettings ? usable(repoSettings.apply(uri, editor)) : editor;
  }

  async function editorSettingsFor(uri: string): Promise<XlcfgSettings> {
    if (!canAskConfiguration) return usable(globalSettings);
    let s = perDocument.get(uri);
    if (!s) {
      const asked = s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'xlcfg' })
        .then((raw) => usable(readSettings(raw, globalSettings)), () => usable(globalSettings))
        .then((got) => { if (perDocument.get(uri) === asked) answeredSettings.set(uri, got); return got; });
      perDocument.set(uri, s);
    }
    return s;
  }
  /** The editor settings of documents whose answer has come (read without waiting). */
  const answeredSettings = new Map<string, XlcfgSettings>();

  async function analysisOf(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return cache.get(doc, await settingsFor(uri));
  }
  /** `analysisOf` without waiting, when the document's settings are known (else undefined). */
  function analysisNow(uri: string) {
    const doc = documents.get(uri);
    const editor = canAskConfiguration ? answeredSettings.get(uri) : usable(globalSettings);
    if (!doc || !editor) return undefined;
    return cache.get(doc, repoSettings ? usable(repoSettings.apply(uri, editor)) : editor);
  }

  // ---- diagnostics, debounced per document ----
  /** The most diagnostics one document gets (errors first); the editor cannot show more usefully. */
  const MAX_DIAGNOSTICS = 2000;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose pending publish is only a republish for findings across configs. */
  const republishing = new Set<string>();
  /**
   * Publishes `uri`'s diagnostics after `delay` ms (a later call for the same document replaces the
   * pending one). A `republish` (another config changed its findings across configs) waits for a
   * quiet moment and never replaces a pending publish of the document's own: a burst of opens (a
   * folder of configs) republishes each other config once, not once per open.
   */
  function schedule(uri: string, delay = 120, republish = false): void {
    if (republish && timers.has(uri) && !republishing.has(uri)) return;
    clearTimeout(timers.get(uri));
    if (republish) republishing.add(uri); else republishing.delete(uri);
    timers.set(uri, setTimeout(() => { timers.delete(uri); republishing.delete(uri); void publish(uri); }, delay));
  }
  const REPUBLISH_DELAY = 120;
  /** When the server last took an open or finished a publish (to tell a burst of opens). */
  let lastBusyAt = -Infinity;
  /** A document's own diagnostics per analysis: a republish (findings across configs) does not make them again. */
  const ownDiagnostics = new WeakMap<Analysis, Diagnostic[]>();
  async function publish(uri: string): Promise<void> {
    if (disabled.has('diagnostics')) return;
    const a = await analysisOf(uri);
    if (!a) return;
    const doc = documents.get(uri);
    let diags: Diagnostic[];
    try {
      let own = ownDiagnostics.get(a);
      if (!own) ownDiagnostics.set(a, own = diagnostics(a, uri, MAX_DIAGNOSTICS) as Diagnostic[]);
      diags = own;
    } catch (e) {
      diags = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'xlcfg', message: `xlcfg could not analyse this file: ${String(e)}` }];
      connection.console.error(`analysis failed for ${uri}: ${(e as Error).stack ?? e}`);
    }
    if (!disabled.has('acrossConfigs') && doc && !isXlConfDocument(doc)) {
      try { diags = diags.concat(await acrossDiagnostics(uri)); } catch (e) { connection.console.error(`findings across configs failed: ${String(e)}`); }
    }
    void connection.sendDiagnostics({ uri, version: doc?.version, diagnostics: diags });
    lastBusyAt = Date.now();
    // An editor may ask for code lenses before a freshly opened document's first analysis (a cold
    // start): ask it once to ask again, so the preview lens shows without waiting for an edit.
    if (!published.has(uri)) {
      published.add(uri);
      if (canRefreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
  }

  /** What the findings across configs were last updated from (the same again: nothing to do). */
  let acrossMemo: { open: ReadonlyMap<string, Analysis>; listed: readonly WorkspaceConfig[]; folders: readonly string[] } | undefined;
  /**
   * The findings across configs of `uri`: against the other open guest configs and, in a trusted
   * workspace where the environment lists them, the workspace's; open documents whose findings
   * across configs changed with this one are published again.
   */
  async function acrossDiagnostics(uri: string): Promise<Diagnostic[]> {
    const open = new Map<string, Analysis>();
    for (const d of documents.all()) {
      if (isXlConfDocument(d)) continue;
      const a = analysisNow(d.uri) ?? await analysisOf(d.uri);
      if (a) open.set(d.uri, a);
    }
    const listed = workspaceTrusted && env.workspaceConfigs ? env.workspaceConfigs(folders) : [];
    // Nothing changed since the last update (the same analyses, listing and folders): its answers stand.
    if (!(acrossMemo && acrossMemo.listed === listed && acrossMemo.folders === folders && sameAnalyses(acrossMemo.open, open))) {
      const settings = listed.length ? await settingsFor(uri) : undefined;
      const changed = across.update(open, listed, (c) => {
        try { return cache.analyzeOnce(TextDocument.create(c.uri, 'xl-cfg', 0, textDecoder.decode(c.read())), settings!); } catch { return undefined; }
      });
      acrossMemo = { open, listed, folders };
      for (const other of changed) if (other !== uri) schedule(other, REPUBLISH_DELAY, true);
    }
    return across.diagnosticsOf(uri);
  }
  function sameAnalyses(a: ReadonlyMap<string, Analysis>, b: ReadonlyMap<string, Analysis>): boolean {
    if (a.size !== b.size) return false;
    for (const uri of a.keys()) if (b.get(uri) !== a.get(uri)) return false;
    return true;
  }

  /** The document last opened or edited: the server commands' default when an editor passes no URI. */
  let lastActiveUri: string | undefined;
  // TextDocuments fires a content change right after each open, synchronously: that one must not push
  // the open's immediate analysis back by the typing delay (it cost every cold start 120 ms).
  let opening: string | undefined;
  // A burst of opens (an editor restoring its tabs, a folder opened at once): an open that comes
  // right after another open (or a publish, which kept the server busy) waits a little, so that the
  // documents of the burst are published together and the findings across configs are computed once
  // for all of them, instead of once per open with each open republishing the ones before it.
  const BURST_GAP_MS = 20;
  const BURST_DELAY_MS = 30;
  documents.onDidOpen((e) => {
    lastActiveUri = opening = e.document.uri;
    const now = Date.now();
    const inBurst = now - lastBusyAt < BURST_GAP_MS;
    lastBusyAt = now;
    schedule(e.document.uri, inBurst ? BURST_DELAY_MS : 0);
  });
  documents.onDidChangeContent((e) => {
    lastActiveUri = e.document.uri;
    if (opening === e.document.uri) { opening = undefined; return; }
    schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    if (lastActiveUri === e.document.uri) lastActiveUri = undefined;
    cache.forget(e.document.uri); perDocument.delete(e.document.uri); answeredSettings.delete(e.document.uri); cache.bomUris.delete(e.document.uri); published.delete(e.document.uri);
    // Its clashes with the other open configs go with it (unless the workspace still has the file).
    acrossMemo = undefined;
    for (const uri of across.forget(e.document.uri)) schedule(uri, REPUBLISH_DELAY, true);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration((change) => {
    perDocument.clear();
    answeredSettings.clear();
    const section = xlcfgSection(change.settings);
    if (section !== undefined) globalSettings = readSettings(section, initSettings);
    reanalyseAll();
  });
  /** A `.xlcfg.json` or an xl.conf changed on disk: analyse the open documents again. */
  connection.onDidChangeWatchedFiles(() => { repoSettings?.invalidate(); reanalyseAll(); });
  function reanalyseAll(): void {
    for (const d of documents.all()) schedule(d.uri, 0);
    refreshTokens();
  }
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
  const injectedFault = env.injectedFault;
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
    return hoverAt(a, p.position, { manPage: s.manPage ? env.manPage : undefined }) as Hover | null;
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

  // ---- effective config and document links ----
  connection.onRequest(EFFECTIVE_CONFIG_REQUEST, async (p: EffectiveConfigParams): Promise<EffectiveConfigResult> => {
    const a = p && typeof p.uri === 'string' ? await analysisOf(p.uri) : undefined;
    return { content: a ? effectiveConfigText(a, p.overrides) : '# This document is not open in the xl.cfg language server.\n' };
  });
  /** The VS Code client says when the user trusts the workspace: `.xlcfg.json` is read from then on. */
  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (p: WorkspaceTrustParams) => {
    workspaceTrusted = p?.trusted === true;
    if (repoSettings) { repoSettings.trusted = workspaceTrusted; repoSettings.invalidate(); }
    reanalyseAll();
  });
  connection.onDocumentLinks(guarded('documentLink', null, async (p: { textDocument: { uri: string } }) => {
    if (disabled.has('documentLink')) return null;
    const a = await analysisOf(p.textDocument.uri);
    if (!a) return null;
    // Whether a file exists is looked up only on the `local` host, in a workspace the editor trusts.
    const look = workspaceTrusted && a.options.host === 'local' && env.fileExists;
    return documentLinksOf(a, p.textDocument.uri, look || undefined);
  }));

  // ---- server commands (editors without the VS Code client) ----
  /** Writes the text to its file and shows it where the editor can; else says where it is. */
  async function show(uri: string, kind: string, suffix: string, content: string): Promise<ServerCommandResult> {
    if (!env.writeShownFile) return { content };
    let fileUri: string | undefined;
    try {
      fileUri = env.writeShownFile(`${kind}|${uri}`, fileName(uri), suffix, content);
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
    if (p.command === SERVER_COMMANDS.effectiveConfig) {
      const a = await analysisOf(uri);
      if (!a) return { content: NOT_OPEN };
      return show(uri, 'effective config', '.effective.txt', effectiveConfigText(a, args[1]));
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
      const side = (xen: typeof from) => cache.analyzeOnce(doc, usable({ ...base, xenVersion: xen, host: isHostProfile(host) ? host : defaultHostFor(xen, HOST_PROFILES) }));
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
}
