// Completion inside a spec string: field names at the start or after a comma (with `=` for those
// that take a value), the enumerated values after `field=`, and the words of cpus= and serial=.
// Fields the target release does not read are left out; those for other guest types come last.
import type { Analysis } from '../analyze';
import { versionNumber, type XenVersion } from '../options';
import {
  SERIAL_VALUES, VSND_LEVELS, VSND_LEVEL_FIELDS, VSND_SHARED_FIELDS, specFieldDoc, specFieldGate, specFields, specValueGate,
  type GuestType, type SpecField,
} from '../catalogue';
import { utf8, utf8Length } from '../text/bytes';
import type { CompletionOut } from './completion';
import { isSpecKey, specSlot } from './spec-parts';

const GUEST_NAMES: Record<GuestType, string> = { pv: 'PV', pvh: 'PVH', hvm: 'HVM' };

/** The open string the cursor is in: its key and its text before the cursor, or null. */
export function openSpecString(a: Analysis, offset: number): { key: string; before: string } | null {
  const lineNo = a.lines.lineOf(offset);
  const lineStart = a.lines.lineStart(lineNo);
  const line = utf8(a.bytes.subarray(lineStart, offset));
  let quote = '', qs = -1, stmtStart = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '#') return null;
    if (c === ';') stmtStart = i + 1;
    if (c === '"' || c === "'") { quote = c; qs = i; }
  }
  if (!quote) return null;
  // The statement the string is in starts after the last `;` outside strings.
  const head = line.slice(stmtStart, qs);
  let m = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\+?=/.exec(head);
  // A string of a list written over several lines: the key is on the last line that starts a statement.
  for (let l = lineNo - 1; !m && l >= 0 && l >= lineNo - 200; l--) {
    const s = a.lines.lineStart(l);
    const e = a.lines.lineStart(l + 1);
    const text = utf8(a.bytes.subarray(s, e));
    m = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\+?=/.exec(text);
    if (!m && /^\s*[A-Za-z_]/.test(text)) return null;
  }
  if (!m) return null;
  return { key: m[1]!, before: line.slice(qs + 1) };
}

function allowed(key: string, field: string, version: XenVersion, value?: string): boolean {
  const gate = value === undefined ? specFieldGate(key, field) : specValueGate(key, field, value);
  if (!gate) return true;
  if (gate.since && versionNumber(version) < versionNumber(gate.since)) return false;
  if (gate.until && versionNumber(version) > versionNumber(gate.until)) return false;
  return true;
}

function firstSentence(text: string): string {
  return text.split(/(?<=\.)\s/)[0] ?? text;
}

function fieldsOf(key: string, before: string): readonly SpecField[] {
  if (key !== 'vsnd') return specFields(key) ?? [];
  const level = before.split(',')[0]!.trim().toLowerCase();
  const names = [...(VSND_LEVEL_FIELDS[level] ?? []), ...VSND_SHARED_FIELDS];
  return names.map((name) => ({ name, ...(specFieldDoc('vsnd', name)?.values ? { values: Object.keys(specFieldDoc('vsnd', name)!.values!) } : {}) }));
}

export function specCompletions(a: Analysis, offset: number, guestType: GuestType): { items: CompletionOut[]; replaceStart: number } | null {
  const open = openSpecString(a, offset);
  if (!open || !isSpecKey(open.key)) return null;
  const { key, before } = open;
  const slot = specSlot(key, before);
  if (!slot) return { items: [], replaceStart: offset };
  const replaceStart = offset - utf8Length(before.slice(slot.start));
  const version = a.options.xenVersion;
  const items: CompletionOut[] = [];
  const add = (label: string, insertText: string, detail: string, documentation: string, rank = 0) =>
    items.push({ label, kind: 'value', detail, documentation, insertText, snippet: false, sortText: `${rank}${String(items.length).padStart(3, '0')}`, filterText: label });

  if (slot.kind === 'part') {
    if (key === 'cpus' || key === 'cpus_soft') {
      add('all', 'all', 'every CPU of the host', 'Every CPU of the host.');
      add('nodes:', 'nodes:', 'every CPU of a NUMA node', '`nodes:N` or `nodes:N-M`: every CPU of those NUMA nodes.');
      if (!(slot.start > 0 && before[slot.start - 1] === '^')) add('^', '^', 'remove CPUs', '`^N`, `^N-M`, `^nodes:N`: removes CPUs added by an earlier item.');
    } else if (key === 'serial') {
      for (const [v, meaning] of Object.entries(SERIAL_VALUES)) {
        const label = v === '/dev/' ? '/dev/ttyS0' : v;
        add(label, label, firstSentence(meaning), `${meaning}.`);
      }
    }
    return { items, replaceStart };
  }
  if (slot.kind === 'field') {
    // Every string of a vsnd card starts with the level it adds to.
    if (key === 'vsnd' && slot.index === 0) {
      for (const [level, meaning] of Object.entries(VSND_LEVELS)) add(level.toUpperCase(), level.toUpperCase(), meaning, `${meaning}.`);
      return { items, replaceStart };
    }
    for (const f of fieldsOf(key, before)) {
      if (!allowed(key, f.name, version)) continue;
      if (!f.flag && slot.written.includes(f.name)) continue;
      const doc = specFieldDoc(key, f.name);
      const other = doc?.guestTypes && !doc.guestTypes.includes(guestType);
      const detail = (doc ? firstSentence(doc.doc) : '') + (other ? ` (${doc!.guestTypes!.map((g) => GUEST_NAMES[g]).join('/')} only)` : '');
      const values = f.values?.length ? `\n\nValues: ${f.values.map((v) => `\`${v}\``).join(', ')}` : '';
      add(f.flag ? f.name : `${f.name}=`, f.flag ? f.name : `${f.name}=`, detail, (doc?.doc ?? '') + values, other ? 2 : f.name === 'target' ? 1 : 0);
    }
    return { items, replaceStart };
  }
  const field = fieldsOf(key, before).find((f) => f.name === slot.field);
  if (!field || !allowed(key, field.name, version)) return { items: [], replaceStart };
  const doc = specFieldDoc(key, field.name);
  for (const v of field.values ?? []) {
    if (!allowed(key, field.name, version, v)) continue;
    const meaning = doc?.values?.[v] ?? '';
    add(v, v, meaning, meaning ? `\`${field.name}=${v}\`: ${meaning}.` : `A value of \`${field.name}=\`.`);
  }
  return { items, replaceStart };
}
