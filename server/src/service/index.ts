// The language-service library's API: everything the shells around it use (the LSP server in
// server/src/server.ts and server/src/lsp/, the CLI in server/src/cli/, the Node adapters in
// server/src/node/). A shell imports from here, not from a stage's file, so that the stages can
// move inside the service without the shells noticing. The library does no I/O: a shell reads the
// bytes, the settings and (for `local`) the dom0, and hands them in.
// The VS Code client does not import this file: it bundles only server/src/protocol.ts.

// Options: the Xen releases, host and paths profiles every face shares.
export {
  XEN_VERSIONS, DEFAULT_XEN_VERSION, OLDEST_XEN_VERSION, NEWEST_XEN_VERSION, XEN_VERSION_RANGE,
  HOST_PROFILES, PATHS_PROFILES, DEFAULT_OPTIONS,
  isXenVersion, isHostProfile, isPathsProfile, versionNumber,
  type XenVersion, type HostProfile, type PathsProfile, type AnalysisOptions,
} from './options';

// One analysis per document and version; its findings.
export { analyze, Analysis, type AnalyzeRequest, type DocumentKind } from './analyze';
export { readXlConf, type XlGlobals, type XlConfReading } from './model/xl-conf';
export { XL_CONF_KEYS, XL_CONF_NAME, xlConfKey, type XlConfKey } from './catalogue/xl-conf-keys';
export type { Finding, Severity, ByteSpan, RelatedSpan } from './finding';

// The dom0 models, and what a shell needs to build the `local` one.
export {
  hostModel, localHost, xenPaths, REFERENCE_HOST, DEBIAN_12_HOST, DEBIAN_13_HOST, UNKNOWN_HOST,
  type HostModel, type HostPhysinfo, type HostUser, type LocalHostReader, type XenPaths,
} from './host';

// The parser as the CLI's `parse` shows it (libxlutil's report).
export { parse } from './syntax/parser';
export { oracleParseReport, type OracleParseReport } from './syntax/oracle-view';

// Editor features (positions are byte offsets; server/src/lsp/ turns them into LSP shapes).
export { diagnostics, shownMessage, toDiagnostic, type DiagnosticOut } from './features/diagnostics';
export { hover, type HoverOut } from './features/hover';
export { completions, type CompletionOut } from './features/completion';
export { codeActionsAt } from './features/code-action-adapter';
export { previewText, previewCodeLens, type CodeLensOut } from './features/preview';
export { inlayHints, type InlayHintOut } from './features/inlay-hints';
export { documentSymbols, type SymbolOut } from './features/document-symbols';
export { foldingRanges, type FoldOut } from './features/folding';
export { selectionRanges } from './features/selection-ranges';
export { formatEdits, formatRangeEdits, applyByteEdits, type ByteEdit } from './features/format';
export { semanticTokens, SEMANTIC_TOKEN_LEGEND, type SemanticTokenOut } from './features/semantic-tokens';
export { definitionAt, highlightsAt, type HighlightOut } from './features/assignments';
export { EDITOR_COMMANDS } from './features/editor-commands';
export {
  effectiveConfig, splitOverrideWords, overrideUsageError, withOverrides, plainValue, renderValue, type EffectiveConfig, type EffectiveSetting,
} from './features/effective-config';
export { documentLinks, type DocumentLinkOut } from './features/document-links';
export { upgradeReport, upgradeReportText, defaultHostFor, type UpgradeReport } from './features/upgrade-report';
export { fixAll, applyEdits, type Action, type Edit } from './features/code-actions';
export { acrossConfigs, acrossFacts, acrossFromFacts, type AcrossFacts, type AcrossItem, type AcrossFinding, type ConfigInput, type RelatedElsewhere } from './features/across-configs';
export { parseRepoConfig, REPO_CONFIG_NAME, type RepoConfig, type RepoConfigResult, type SeveritySetting } from './features/repo-config';

// The finding codes, with their meaning, severity and fix (docs/diagnostics.md is made from them).
export { FINDING_CODES, findingCode, type FindingCodeInfo, type FindingSource } from './checks/codes';

// Helpers the CLI prints with.
export { shellQuote } from './devicemodel';
export { stringifyDeep } from './util/json';
