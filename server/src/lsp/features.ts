// LSP adapters over the service's pure features: positions in, LSP-shaped objects out.
import type { Position, Range as LspRange, CodeActionContext } from 'vscode-languageserver';
import { hover, completions, codeActionsAt, type Analysis } from '../service';

export function hoverAt(a: Analysis, pos: Position, opts: { manPage?: () => string | null }) {
  const h = hover(a, a.lines.offsetAt(pos), opts);
  if (!h) return null;
  return { contents: { kind: 'markdown' as const, value: h.markdown }, range: a.lines.rangeOf(h.start, h.end) };
}

export function completionsAt(a: Analysis, pos: Position) {
  const offset = a.lines.offsetAt(pos);
  const c = completions(a, offset);
  return {
    isIncomplete: false,
    items: c.items.map((i) => ({
      label: i.label,
      kind: i.kind === 'key' ? 10 /* Property */ : 12 /* Value */,
      detail: i.detail,
      documentation: i.documentation ? { kind: 'markdown' as const, value: i.documentation } : undefined,
      sortText: i.sortText,
      filterText: i.filterText,
      insertTextFormat: i.snippet ? 2 : 1,
      textEdit: { range: a.lines.rangeOf(c.replaceStart, offset), newText: i.insertText },
    })),
  };
}

export function codeActionsFor(a: Analysis, uri: string, range: LspRange, context: CodeActionContext) {
  return codeActionsAt(a, uri, { start: a.lines.offsetAt(range.start), end: a.lines.offsetAt(range.end) }, context.only);
}
