// LSP adapters for the editor features of issue 13: outline, folding, selection ranges, formatting,
// semantic tokens, definition and highlight. The service answers in byte offsets; this file turns
// them into LSP positions and shapes.
import type {
  Position, Range as LspRange, DocumentSymbol, SymbolInformation, FoldingRange, SelectionRange, TextEdit,
  SemanticTokens, Location, DocumentHighlight, FormattingOptions, InlayHint,
} from 'vscode-languageserver';
import { InlayHintKind } from 'vscode-languageserver';
import {
  inlayHints, documentSymbols, foldingRanges, selectionRanges, formatEdits, formatRangeEdits, semanticTokens,
  SEMANTIC_TOKEN_LEGEND, definitionAt, highlightsAt, type Analysis, type SymbolOut, type ByteEdit,
} from '../service';

export { SEMANTIC_TOKEN_LEGEND };

export function documentSymbolsOf(a: Analysis, uri: string, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const groups = documentSymbols(a);
  const toLsp = (s: SymbolOut): DocumentSymbol => ({
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: s.kind as DocumentSymbol['kind'],
    ...(s.tags ? { tags: s.tags as DocumentSymbol['tags'] } : {}),
    range: a.lines.rangeOf(s.start, s.end),
    selectionRange: a.lines.rangeOf(s.selectionStart, s.selectionEnd),
    ...(s.children ? { children: s.children.map(toLsp) } : {}),
  });
  if (hierarchical) return groups.map(toLsp);
  // Flat clients: the settings, each in its group.
  const flat: SymbolInformation[] = [];
  for (const g of groups) {
    for (const s of g.children ?? []) {
      flat.push({
        name: s.name, kind: s.kind as SymbolInformation['kind'], containerName: g.name,
        ...(s.tags ? { tags: s.tags as SymbolInformation['tags'] } : {}),
        location: { uri, range: a.lines.rangeOf(s.start, s.end) },
      });
    }
  }
  return flat.sort((x, y) => x.location.range.start.line - y.location.range.start.line || x.location.range.start.character - y.location.range.start.character);
}

export function foldingRangesOf(a: Analysis): FoldingRange[] {
  return foldingRanges(a).map((f) => ({ startLine: f.startLine, endLine: f.endLine, ...(f.kind ? { kind: f.kind } : {}) }));
}

export function selectionRangesOf(a: Analysis, positions: readonly Position[]): SelectionRange[] {
  return positions.map((pos) => {
    const spans = selectionRanges(a, a.lines.offsetAt(pos));
    let parent: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) {
      const range = a.lines.rangeOf(spans[i]!.start, spans[i]!.end);
      parent = parent ? { range, parent } : { range };
    }
    return parent ?? { range: { start: pos, end: pos } };
  });
}

function toTextEdits(a: Analysis, edits: readonly ByteEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: a.lines.rangeOf(e.start, e.end), newText: e.text }));
}

export function formattingOf(a: Analysis, options: FormattingOptions | undefined): TextEdit[] {
  return toTextEdits(a, formatEdits(a, { tabSize: options?.tabSize, insertSpaces: options?.insertSpaces }));
}

export function rangeFormattingOf(a: Analysis, range: LspRange, options: FormattingOptions | undefined): TextEdit[] {
  return toTextEdits(a, formatRangeEdits(a, a.lines.offsetAt(range.start), a.lines.offsetAt(range.end),
    { tabSize: options?.tabSize, insertSpaces: options?.insertSpaces }));
}

/** LSP's relative encoding: line delta, start delta, length, type index, modifier bits. */
export function semanticTokensOf(a: Analysis): SemanticTokens {
  const data: number[] = [];
  let line = 0, char = 0;
  for (const t of semanticTokens(a)) {
    const r = a.lines.rangeOf(t.start, t.end);
    if (r.end.line !== r.start.line) continue;
    const dl = r.start.line - line;
    const dc = dl === 0 ? r.start.character - char : r.start.character;
    let bits = 0;
    for (const m of t.modifiers) bits |= 1 << SEMANTIC_TOKEN_LEGEND.tokenModifiers.indexOf(m);
    data.push(dl, dc, r.end.character - r.start.character, SEMANTIC_TOKEN_LEGEND.tokenTypes.indexOf(t.type), bits);
    line = r.start.line; char = r.start.character;
  }
  return { data };
}

export function definitionOf(a: Analysis, uri: string, pos: Position): Location | null {
  const d = definitionAt(a, a.lines.offsetAt(pos));
  return d ? { uri, range: a.lines.rangeOf(d.start, d.end) } : null;
}

export function highlightsOf(a: Analysis, pos: Position): DocumentHighlight[] {
  return highlightsAt(a, a.lines.offsetAt(pos)).map((h) => ({ range: a.lines.rangeOf(h.start, h.end), kind: h.kind }));
}

/** Inlay hints inside the requested range. */
export function inlayHintsOf(a: Analysis, range: LspRange): InlayHint[] {
  const from = a.lines.offsetAt(range.start);
  const to = a.lines.offsetAt(range.end);
  return inlayHints(a).filter((h) => h.offset >= from && h.offset <= to).map((h) => ({
    position: a.lines.positionAt(h.offset), label: h.label, tooltip: h.tooltip, kind: InlayHintKind.Type, paddingLeft: true,
  }));
}
