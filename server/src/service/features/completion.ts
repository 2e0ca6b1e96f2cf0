// Completion: keys at the start of a statement, values after `=`, from the catalogue (via
// completion-items.ts), for this guest type and the target Xen.
import type { Analysis } from '../analyze';
import { completionSpot } from './locate';
import { helpGuestType } from './hover-context';
import { keyCompletions, valueCompletions } from './completion-items';
import { specCompletions } from './spec-completion';
import { xlConfCompletions } from './xl-conf';

export interface CompletionOut {
  label: string;
  kind: 'key' | 'value';
  detail?: string;
  documentation?: string;
  insertText: string;
  snippet: boolean;
  sortText?: string;
  filterText?: string;
}

export function completions(a: Analysis, offset: number): { items: CompletionOut[]; replaceStart: number } {
  if (a.isXlConf) return xlConfCompletions(a, offset);
  const inSpec = specCompletions(a, offset, helpGuestType(a));
  if (inSpec) return inSpec;
  const spot = completionSpot(a, offset);
  if (spot.kind === 'none') return { items: [], replaceStart: offset };
  const guestType = helpGuestType(a);
  if (spot.kind === 'key') {
    const alreadySet = new Set<string>();
    for (let i = 0; i < a.parsed.statementCount; i++) alreadySet.add(a.parsed.statementName(i));
    const items = keyCompletions({ options: a.options, guestType, alreadySet }).map((i) => ({
      label: i.label, kind: 'key' as const, detail: i.detail, documentation: i.documentation,
      insertText: i.insertText, snippet: true, sortText: i.sortText, filterText: i.label,
    }));
    return { items, replaceStart: spot.start };
  }
  const items = valueCompletions(spot.key, { options: a.options, guestType, quote: spot.quote }).map((i) => ({
    label: i.label, kind: 'value' as const, detail: i.detail, documentation: i.documentation,
    insertText: i.insertText, snippet: true, sortText: i.sortText, filterText: (spot.quote ?? '') + i.label,
  }));
  return { items, replaceStart: spot.start };
}
