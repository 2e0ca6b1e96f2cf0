// Hover and completion in xl's global config (xl.conf): its own keys, from keys.ts, for the target
// release. The guest-config features route here when the analysis is of kind 'xl.conf'.
import type { Analysis } from '../analyze';
import { versionNumber } from '../options';
import { completionSpot, locate } from './locate';
import type { CompletionOut } from './completion';
import type { HoverOut } from './hover';
import { XL_CONF_KEYS, xlConfKey, type XlConfKey } from '../catalogue/xl-conf-keys';

function keyMarkdown(k: XlConfKey, a: Analysis): string {
  const inRelease = versionNumber(k.since) <= versionNumber(a.options.xenVersion);
  const lines = [`**${k.name}** (xl.conf)`, '', k.doc, '', `Default: ${k.default}.`];
  if (k.values) lines.push(`Values: ${k.values.map((v) => `\`${v}\``).join(', ')}.`);
  if (k.guests) lines.push(`Applied to every guest xl creates (\`${k.guests}\`) unless its config says otherwise.`);
  if (k.replacedBy) lines.push(`Deprecated: use \`${k.replacedBy}\`.`);
  lines.push(inRelease ? `Read by xl since Xen ${k.since}.` : `Read by xl only from Xen ${k.since} on: Xen ${a.options.xenVersion} ignores it.`);
  return lines.join('\n');
}

export function xlConfHover(a: Analysis, offset: number): HoverOut | null {
  const at = locate(a, offset);
  if (at.kind === 'none') return null;
  const name = at.kind === 'key' ? at.name : at.key;
  const k = xlConfKey(name);
  if (!k) return at.kind === 'key' ? { markdown: `\`${name}\` is not a key of xl.conf: xl ignores it.`, start: at.start, end: at.end } : null;
  return { markdown: keyMarkdown(k, a), start: at.start, end: at.end };
}

export function xlConfCompletions(a: Analysis, offset: number): { items: CompletionOut[]; replaceStart: number } {
  const spot = completionSpot(a, offset);
  if (spot.kind === 'none') return { items: [], replaceStart: offset };
  const xen = versionNumber(a.options.xenVersion);
  if (spot.kind === 'key') {
    const set = new Set<string>();
    for (let i = 0; i < a.parsed.statementCount; i++) set.add(a.parsed.statementName(i));
    const items = XL_CONF_KEYS.filter((k) => versionNumber(k.since) <= xen).map((k): CompletionOut => {
      const q = k.value === 'number' || k.value === 'boolean' ? '' : '"';
      return {
        label: k.name, kind: 'key', detail: `xl.conf${k.replacedBy ? ' (deprecated)' : ''}`, documentation: keyMarkdown(k, a),
        insertText: `${k.name} = ${q}\${1}${q}`, snippet: true,
        sortText: `${k.replacedBy ? 2 : set.has(k.name) ? 1 : 0}${k.name}`, filterText: k.name,
      };
    });
    return { items, replaceStart: spot.start };
  }
  const k = xlConfKey(spot.key);
  const values = k?.value === 'boolean' ? ['0', '1'] : k?.values ?? [];
  const items = values.map((v): CompletionOut => {
    const text = k?.value === 'boolean' || spot.quote ? v : `"${v}"`;
    return { label: v, kind: 'value', detail: `${spot.key} (xl.conf)`, insertText: text, snippet: false, filterText: (spot.quote ?? '') + v };
  });
  return { items, replaceStart: spot.start };
}
