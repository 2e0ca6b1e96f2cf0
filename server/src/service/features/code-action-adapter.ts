// Code actions in LSP shape: the fixes of code-actions.ts (byte-offset edits) as WorkspaceEdits.
import type { Analysis } from '../analyze';
import { codeActions } from './code-actions';
import { toDiagnostic } from './diagnostics';

export function codeActionsAt(a: Analysis, uri: string, range: { start: number; end: number }, only?: string[]) {
  const inRange = a.findings.filter((f) => f.start <= range.end && f.end >= range.start);
  const actions = codeActions(a, inRange, uri);
  return actions
    .filter((x) => !only?.length || only.some((k) => x.kind === k || x.kind.startsWith(k + '.')))
    .map((x) => ({
      title: x.title,
      kind: x.kind,
      isPreferred: x.isPreferred,
      diagnostics: inRange.filter((f) => x.findingCodes.includes(f.code)).map((f) => toDiagnostic(a, f, uri)),
      ...(x.edits?.length ? { edit: { changes: { [uri]: x.edits.map((e) => ({ range: a.lines.rangeOf(e.start, e.end), newText: e.newText })) } } } : {}),
      ...(x.command ? { command: { title: x.title, command: x.command.command, arguments: x.command.arguments } } : {}),
    }));
}
