// The Outline: one symbol per assignment, under the group of keys it belongs to (the catalogue's
// topics, which follow the sections of xl.cfg(5)); list values get their items as children.
import type { Analysis } from '../analyze';
import { lookupKey } from '../catalogue';
import { DOMAIN_TEXTS } from '../catalogue/texts/domain';
import { CPU_MEMORY_TEXTS } from '../catalogue/texts/cpu-memory';
import { BOOT_TEXTS } from '../catalogue/texts/boot';
import { DEVICE_TEXTS } from '../catalogue/texts/devices';
import { HVM_TEXTS } from '../catalogue/texts/hvm';
import { DISPLAY_TEXTS } from '../catalogue/texts/display';
import { DEVICE_MODEL_TEXTS } from '../catalogue/texts/device-model';
import { ARM_TEXTS } from '../catalogue/texts/arm';
import type { KeyText } from '../catalogue';
import { NodeKind, type ParsedConfig } from '../syntax/parsed-config';
import { bytesToString } from '../syntax/bytes';
import { assignmentsByName, atomText, childrenOf, keyVerdicts, statementAt } from './statements';

/** LSP's SymbolKind values used here. */
export const SYMBOL_KIND = { Namespace: 3, Property: 7, String: 15, Number: 16, Array: 18 } as const;
/** LSP's SymbolTag.Deprecated. */
export const SYMBOL_DEPRECATED = 1;

export interface SymbolOut {
  name: string;
  detail?: string;
  kind: number;
  tags?: number[];
  /** Byte offsets: the whole construct, and the part to select (the key, the item). */
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children?: SymbolOut[];
}

/** The catalogue's topics, in the order of xl.cfg(5), with the heading the Outline shows. */
const GROUPS: readonly { title: string; texts: Readonly<Record<string, KeyText>> }[] = [
  { title: 'Domain and life cycle', texts: DOMAIN_TEXTS },
  { title: 'CPUs and memory', texts: CPU_MEMORY_TEXTS },
  { title: 'Boot', texts: BOOT_TEXTS },
  { title: 'Devices', texts: DEVICE_TEXTS },
  { title: 'HVM platform', texts: HVM_TEXTS },
  { title: 'Graphics and consoles', texts: DISPLAY_TEXTS },
  { title: 'Device model', texts: DEVICE_MODEL_TEXTS },
  { title: 'Arm platform', texts: ARM_TEXTS },
];
export const OTHER_GROUP = 'Other keys';
export const UNKNOWN_GROUP = 'Unknown keys';

/** The Outline group of a key. */
export function groupOf(name: string): string {
  for (const g of GROUPS) if (Object.hasOwn(g.texts, name)) return g.title;
  return lookupKey(name) ? OTHER_GROUP : UNKNOWN_GROUP;
}

/** At most this many list items get a symbol each (generated files can hold huge lists). */
const MAX_ITEMS = 200;
const MAX_NAME = 60;
/** At most this many assignments are listed (a generated file can hold millions). */
export const MAX_SETTINGS = 5000;

function shorten(s: string, max = MAX_NAME): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function itemCount(n: number): string { return `[${n} item${n === 1 ? '' : 's'}]`; }

function valueSymbols(p: ParsedConfig, list: number, depth: number): SymbolOut[] {
  const out: SymbolOut[] = [];
  for (const c of childrenOf(p, list).slice(0, MAX_ITEMS)) {
    const start = p.nodeStart.get(c), end = p.nodeEnd.get(c);
    if (p.nodeKind.get(c) === NodeKind.List) {
      const kids = childrenOf(p, c);
      const sym: SymbolOut = { name: itemCount(kids.length), kind: SYMBOL_KIND.Array, start, end, selectionStart: start, selectionEnd: end };
      if (kids.length && depth < 8) sym.children = valueSymbols(p, c, depth + 1);
      out.push(sym);
    } else {
      const text = atomText(p, c);
      out.push({
        name: text.trim() ? shorten(text) : bytesToString(p.src, start, end),
        kind: p.nodeKind.get(c) === NodeKind.Number ? SYMBOL_KIND.Number : SYMBOL_KIND.String,
        start, end, selectionStart: start, selectionEnd: end,
      });
    }
  }
  return out;
}

/** The Outline: groups in the order they first appear, assignments in source order inside them. */
export function documentSymbols(a: Analysis): SymbolOut[] {
  const p = a.parsed;
  const stmts = Array.from({ length: Math.min(p.statementCount, MAX_SETTINGS) }, (_, i) => statementAt(p, i));
  const roles = new Map([...assignmentsByName(stmts).values()].flat().map((r) => [r.stmt.index, r]));
  const verdicts = keyVerdicts(a);
  const groups = new Map<string, SymbolOut>();
  for (const s of stmts) {
    const role = roles.get(s.index)!;
    const isList = p.nodeKind.get(s.node) === NodeKind.List;
    const shown = isList ? itemCount(childrenOf(p, s.node).length) : shorten(bytesToString(p.src, s.valueStart, s.valueEnd), 40);
    const sym: SymbolOut = {
      name: s.name,
      detail: `${s.add ? '+=' : '='} ${shown}${role.effective ? '' : ' (overridden)'}`,
      kind: SYMBOL_KIND.Property,
      start: s.keyStart, end: s.valueEnd, selectionStart: s.keyStart, selectionEnd: s.keyEnd,
    };
    if (verdicts.get(s.name)?.has('deprecated')) sym.tags = [SYMBOL_DEPRECATED];
    if (isList && childrenOf(p, s.node).length) sym.children = valueSymbols(p, s.node, 0);
    const title = groupOf(s.name);
    let g = groups.get(title);
    if (!g) {
      g = { name: title, kind: SYMBOL_KIND.Namespace, start: s.keyStart, end: s.valueEnd, selectionStart: s.keyStart, selectionEnd: s.keyEnd, children: [] };
      groups.set(title, g);
    }
    g.end = Math.max(g.end, s.valueEnd);
    g.children!.push(sym);
  }
  for (const g of groups.values()) g.detail = `${g.children!.length} setting${g.children!.length === 1 ? '' : 's'}`;
  return [...groups.values()];
}
