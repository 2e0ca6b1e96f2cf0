// Hover inside a spec string (disk, vif, pci, ..., and the numeric lists cpus, iomem, ioports,
// irqs): the field or value under the cursor, what it means, its values and the release that
// knows it; for the numeric lists, what the part under the cursor selects.
import type { Analysis } from '../analyze';
import { versionNumber, type XenVersion } from '../options';
import {
  SERIAL_VALUES, VSND_LEVELS, VSND_LEVEL_FIELDS, VSND_SHARED_FIELDS, specFieldDoc, specFieldGate, specFields, specValueGate,
  type GuestType, type SpecFieldDoc,
} from '../catalogue';
import { atoi, strtoul } from '../model/specs/c-numbers';
import { parseVifRate } from '../model/specs/nic';
import { diskNumber } from '../devicemodel/disk-names';
import { utf8 } from '../text/bytes';
import { code } from './hover-content';
import { isSpecKey, specPartAt, type SpecPart } from './spec-parts';

const GUEST_NAMES: Record<GuestType, string> = { pv: 'PV', pvh: 'PVH', hvm: 'HVM' };

export interface SpecHoverOut { markdown: string; start: number; end: number }

/**
 * Where the decoded text of the atom [start, end) begins in the file, when the bytes hold it
 * verbatim (quoted or bare, no escapes, printable ASCII); null otherwise.
 */
export function specTextStart(a: Analysis, start: number, end: number, value: string): number | null {
  const raw = utf8(a.bytes.subarray(start, end));
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const inner = quoted ? raw.slice(1, -1) : raw;
  if (inner !== value || !/^[\x20-\x7e]*$/.test(value)) return null;
  return quoted ? start + 1 : start;
}

/** The fields a kind knows, for the messages ("known: ..."). */
function fieldNames(key: string): string[] {
  if (key === 'vsnd') return [...new Set([...Object.values(VSND_LEVEL_FIELDS).flat(), ...VSND_SHARED_FIELDS])];
  return (specFields(key) ?? []).map((f) => f.name);
}

function fieldValues(key: string, field: string): readonly string[] | undefined {
  return specFields(key)?.find((f) => f.name === field)?.values ?? (specFieldDoc(key, field)?.values ? Object.keys(specFieldDoc(key, field)!.values!) : undefined);
}

function gateLine(key: string, field: string, version: XenVersion): string | undefined {
  const gate = specFieldGate(key, field);
  if (!gate) return undefined;
  if (gate.since && versionNumber(version) < versionNumber(gate.since)) {
    const then = key !== 'disk' && UNKNOWN_ITEM[key] ? ` Until then, ${UNKNOWN_ITEM[key]}` : '';
    return `> ⚠ Xen ${version} does not know ${code(field)} here; it is read from Xen ${gate.since}.${then}`;
  }
  if (gate.until && versionNumber(version) > versionNumber(gate.until)) {
    return `> ⚠ Xen ${version} no longer reads ${code(field)}; the last release that did is ${gate.until}.`;
  }
  return `Read from Xen ${gate.since ?? '4.10'}${gate.until ? ` to ${gate.until}` : ''}.`;
}

function guestLine(doc: SpecFieldDoc | undefined, guestType: GuestType): string | undefined {
  if (!doc?.guestTypes || doc.guestTypes.includes(guestType)) return undefined;
  return `> ⚠ Matters only for ${doc.guestTypes.map((g) => GUEST_NAMES[g]).join('/')} guests; this is a ${GUEST_NAMES[guestType]} guest.`;
}

/** What xl does with a field that its documentation does not say (checked with both oracles). */
function quirkLine(key: string, field: string, value: string | undefined, version: XenVersion): string | undefined {
  if (key === 'rdm' && field === 'policy' && versionNumber(version) >= versionNumber('4.15') &&
    (value === undefined || ['strict', 'relaxed', 'invalid'].includes(value.toLowerCase()))) {
    return `> ⚠ From Xen 4.15, xl's check of this value is the wrong way round: a policy it knows makes it drop the whole ${code('rdm')} ` +
      `value without a word (an unknown one is reported and the rest kept). Leave ${code('policy=')} out; ${code('rdm_policy=')} of each ${code('pci')} device still works.`;
  }
  return undefined;
}

function valuesLine(doc: SpecFieldDoc | undefined, values: readonly string[] | undefined, key = '', field = ''): string | undefined {
  if (!values?.length) return undefined;
  return '**Values**\n' + values.map((v) => {
    const since = specValueGate(key, field, v)?.since;
    return `- ${code(v)}${since ? ` (${since}+)` : ''}${doc?.values?.[v] ? `: ${doc.values[v]}` : ''}`;
  }).join('\n');
}

/** What xl does with an item it does not know, per kind (xl_parse.c and libxlutil, Xen 4.17). */
const UNKNOWN_ITEM: Readonly<Record<string, string>> = {
  disk: 'xl refuses the guest (`unknown parameter`).',
  vif: 'xl prints `unrecognized argument` and goes on without it.',
  pci: 'xl refuses the guest (`Unknown PCI_SPEC_STRING option`).',
  vfb: 'xl ignores it without a word.',
  vnuma: 'xl ignores it without a word.',
  channel: 'xl prints `unknown channel parameter` and goes on without it.',
  rdm: 'xl prints `Unknown RDM state option` and drops the whole `rdm` value.',
  usbctrl: 'xl refuses the guest.', usbdev: 'xl refuses the guest.', vdispl: 'xl refuses the guest.', vkb: 'xl refuses the guest.',
  p9: 'xl refuses the guest.', vtpm: 'xl refuses the guest.', pvcalls: 'xl refuses the guest.', vsnd: 'xl refuses the guest (`Invalid parameter`).',
};

/** The same for a bare word (no `=`) where that differs. */
const UNKNOWN_WORD: Readonly<Record<string, string>> = {
  pci: 'xl refuses the guest: its items after the device are `name=value`.',
  channel: 'xl refuses the guest (`failed to parse channel configuration`).',
};

function fieldHover(key: string, part: SpecPart, version: XenVersion, guestType: GuestType, positional = false): string {
  const field = part.field!;
  const doc = specFieldDoc(key, field);
  const known = fieldNames(key).includes(field) || !!doc;
  if (!known) {
    const unknown = (part.role === 'word' ? UNKNOWN_WORD[key] : undefined) ?? UNKNOWN_ITEM[key];
    return `${code(field)} is not an item xl knows in a ${code(key)} string${unknown ? `: ${unknown}` : '.'}` +
      ` Known: ${fieldNames(key).map(code).join(', ')}.`;
  }
  const flag = specFields(key)?.find((f) => f.name === field)?.flag;
  const out = [positional
    ? `### ${code(key)}: positional ${code(field)}`
    : `### ${code(key)}: ${code(flag ? field : `${field}=`)}`];
  for (const w of [gateLine(key, field, version), guestLine(doc, guestType), quirkLine(key, field, undefined, version)]) if (w) out.push(w);
  if (doc) out.push(doc.doc);
  if (positional) out.push(`Written without its name, by position; ${code(`${field}=...`)} says the same.`);
  if (positional) {
    const extra = valueExtra(key, field, part.text);
    if (extra) out.push(extra);
  }
  const allowedValues = fieldValues(key, field);
  if (positional && allowedValues?.length && part.text !== '' && !allowedValues.includes(part.text)) {
    out.push(`> ⚠ ${code(part.text)} is not one of the values below: xl refuses the disk (${code(`unknown value for ${field}`)}).`);
  }
  const values = valuesLine(doc, allowedValues, key, field);
  if (values) out.push(values);
  return out.join('\n\n');
}

/** What xl stores for an atoi/strtoul value, when that is worth saying. */
function numberLine(doc: SpecFieldDoc, text: string): string | undefined {
  if (!doc.numeric) return undefined;
  if (doc.numeric === 'bool') {
    const n = atoi(text);
    const plain = text === String(n);
    return plain ? `**${n === 0 ? 'off' : 'on'}**` + (n !== 0 && n !== 1 ? ' (any non-zero number is on)' : '')
      : `xl reads ${code(text)} as the number ${n} (C's atoi): **${n === 0 ? 'off' : 'on'}**.`;
  }
  const r = strtoul(text, 0);
  if (r.end === 0) return `xl reads ${code(text)} as 0: it is not a number.`;
  if (String(r.value) === text) return undefined;
  return `xl reads this as ${r.value}` + (r.end < text.length ? ` and ignores ${code(text.slice(r.end))}` : '') + '.';
}

/** What xl makes of a structured value (a vif rate, vdispl connectors, vnuma vcpus). */
function valueExtra(key: string, field: string, text: string): string | undefined {
  if (key === 'disk' && field === 'vdev') {
    const n = diskNumber(text);
    return n ? `libxl reads this as disk ${n.disk}${n.partition ? `, partition ${n.partition}` : ''} (device number ${n.devNumber}).` : undefined;
  }
  if (key === 'vif' && field === 'rate') {
    const r = parseVifRate({ text, start: 0, end: text.length });
    if (!r.ok) return `xl refuses this rate: ${code(r.what)}.`;
    const perSec = r.intervalUsecs ? (r.bytesPerInterval * 1000000n) / BigInt(r.intervalUsecs) : 0n;
    return `xl stores ${r.bytesPerInterval} bytes per ${r.intervalUsecs / 1000} ms (about ${perSec} bytes/s); ` +
      'the `@` part, 50 ms when left out, is how often the credit is refilled.';
  }
  if (key === 'vif' && field === 'mac') {
    const m = /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):[0-9a-fA-F]{1,2}:[0-9a-fA-F]{1,2}:[0-9a-fA-F]{1,2}$/.exec(text);
    if (!m) return undefined;
    const first = Number.parseInt(m[1]!, 16);
    const notes: string[] = [];
    if (first & 1) notes.push('its first octet is odd, which makes it a multicast address: no network card may use it');
    else if (first & 2) notes.push('a locally administered address (the second-lowest bit of the first octet is set)');
    if ([m[1], m[2], m[3]].map((x) => Number.parseInt(x!, 16)).join(':') === '0:22:62') notes.push('it starts with 00:16:3e, the prefix registered for Xen');
    return notes.length ? `This MAC: ${notes.join('; ')}.` : undefined;
  }
  if (key === 'vdispl' && field === 'connectors') {
    const list = text.split(';').filter((c) => c !== '').map((c) => {
      const m = /^([^:]+):(\d+)x(\d+)$/.exec(c);
      return m ? `${code(m[1]!)} ${m[2]}×${m[3]}` : `${code(c)} (not \`ID:WIDTHxHEIGHT\`)`;
    });
    return list.length ? `Connectors: ${list.join(', ')}.` : undefined;
  }
  if (key === 'vnuma' && field === 'vcpus') {
    const list = text.split(',').filter((c) => c.trim() !== '').map((c) => {
      const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(c);
      return m ? (m[2] !== undefined ? `${m[1]} to ${m[2]}` : m[1]!) : code(c);
    });
    return list.length ? `vCPUs ${list.join(', ')} belong to this node.` : undefined;
  }
  return undefined;
}

function valueHover(key: string, part: SpecPart, guestType: GuestType, version: XenVersion): string | null {
  const field = part.field!;
  const doc = specFieldDoc(key, field);
  if (!doc) return null;
  const values = fieldValues(key, field);
  const out: string[] = [];
  const head = `${code(`${field}=${part.text}`)}`;
  const meaning = doc.values?.[part.text];
  if (meaning && doc.numeric !== 'bool') out.push(`${head}: ${meaning}.`);
  else if (doc.numeric) out.push(`${head}: ${numberLine(doc, part.text) ?? 'the number xl stores.'}`);
  else if (values?.length && !values.includes(part.text)) {
    const ci = values.find((v) => v.toLowerCase() === part.text.toLowerCase());
    out.push(`${head}: not one of the values xl knows${ci ? ` (they are case-sensitive: ${code(ci)})` : ''}. Known: ${values.map(code).join(', ')}.`);
  } else out.push(`${head}`);
  const extra = valueExtra(key, field, part.text);
  if (extra) out.push(extra);
  const vgate = specValueGate(key, field, part.text);
  const vgateLine = vgate?.since && versionNumber(version) < versionNumber(vgate.since)
    ? `> ⚠ Xen ${version} does not know this value; it is read from Xen ${vgate.since}.` : undefined;
  for (const w of [vgateLine, guestLine(doc, guestType), quirkLine(key, field, part.text, version)]) if (w) out.push(w);
  out.push(`${code(`${field}=`)}: ${doc.doc}`);
  return out.join('\n\n');
}

const hex = (n: bigint) => '0x' + n.toString(16);

/** The position of a located atom in its statement's top-level list, or undefined. */
function listIndex(a: Analysis, stmt: number, node: number): number | undefined {
  const p = a.parsed;
  let child = p.nodeFirst.get(p.stmtValue.get(stmt));
  for (let i = 0; child >= 0; i++, child = p.nodeNext.get(child)) if (child === node) return i;
  return undefined;
}

function cpusHover(part: SpecPart, key: string, vcpu?: number): string {
  let t = part.text.trim();
  const exclude = t.startsWith('^');
  if (exclude) t = t.slice(1);
  const verb = exclude ? 'removes' : 'adds';
  const range = (s: string): [bigint, bigint] | null => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(s);
    if (!m) return null;
    const a = BigInt(m[1]!), b = m[2] !== undefined ? BigInt(m[2]) : a;
    return b < a ? null : [a, b];
  };
  let what: string;
  if (t === 'all') what = `${verb} every CPU of the host`;
  else if (/^nodes?:/.test(t)) {
    const r = range(t.slice(t.indexOf(':') + 1));
    what = r ? `${verb} every CPU of NUMA node${r[0] === r[1] ? ` ${r[0]}` : `s ${r[0]} to ${r[1]}`}`
      : 'is not a node range xl can read (`nodes:N` or `nodes:N-M`)';
  } else {
    const r = range(t);
    what = r ? `${verb} CPU${r[0] === r[1] ? ` ${r[0]}` : `s ${r[0]} to ${r[1]}`}` : 'is not a CPU range xl can read (`N`, `N-M`, `^N`, `nodes:N`, `all`)';
  }
  const which = key === 'cpus' ? 'hard affinity (where the vCPUs may run)' : 'soft affinity (where the vCPUs prefer to run)';
  return `${code(part.text)} ${what}.\n\nItems are read left to right, so \`^\` removes CPUs that an earlier item added. ` +
    (vcpu !== undefined ? `This string sets the ${which} of vCPU ${vcpu} (the Nth string is for vCPU N).` : `This sets the ${which} of every vCPU.`);
}

function iomemHover(part: SpecPart): string {
  const r = strtoul(part.text.trim(), 16);
  const ok = r.end > 0;
  switch (part.role) {
    case 'iomem-start':
      return `${code(part.text)}: the first machine page frame (hex) of the range` +
        (ok ? `, i.e. host address ${hex(r.value * 4096n)}.` : '.') + '\n\n`iomem` items are `START,NUM[@GFN]`, all in hex pages of 4 KiB.';
    case 'iomem-number':
      return `${code(part.text)}: how many pages (hex) the range has` + (ok ? `: ${r.value} pages, ${r.value * 4n} KiB.` : '.');
    default:
      return `${code(part.text)}: the guest frame (hex) where the range appears in the guest` +
        (ok ? `, guest address ${hex(r.value * 4096n)}` : '') + '; without it, the same frame as on the host.';
  }
}

function ioportsHover(part: SpecPart): string {
  const m = /^\s*([0-9a-fA-F]+)(?:-([0-9a-fA-F]+))?$/.exec(part.text);
  if (!m) return `${code(part.text)}: I/O ports are \`FIRST\` or \`FIRST-LAST\`, in hex.`;
  const a = BigInt('0x' + m[1]), b = m[2] !== undefined ? BigInt('0x' + m[2]) : a;
  return a === b ? `${code(part.text)}: the host I/O port ${hex(a)}, given to the guest.`
    : `${code(part.text)}: host I/O ports ${hex(a)} to ${hex(b)} (${b >= a ? b - a + 1n : 0n} ports), given to the guest. Both ends are hex.`;
}

function serialHover(part: SpecPart): string {
  const t = part.text;
  const hit = SERIAL_VALUES[t] !== undefined ? t : Object.keys(SERIAL_VALUES).find((k) => k.endsWith(':') || k.endsWith('/') ? t.startsWith(k) : false);
  const meaning = hit ? SERIAL_VALUES[hit] : 'handed to QEMU\'s `-serial` as it is';
  return `${code(t)}: ${meaning}.\n\nThe emulated serial port (HVM) is connected to this QEMU character device.`;
}

function pciBdfHover(part: SpecPart): string {
  const m = /^(?:([0-9a-fA-F]+):)?([0-9a-fA-F]+):([0-9a-fA-F]+)\.([0-7*])$/.exec(part.text);
  if (!m) return `${code(part.text)}: the host device, written \`[DOMAIN:]BUS:DEV.FUNC\` in hex (or \`name=\` from pci-assignable-add).`;
  const fn = m[4] === '*' ? 'every function' : `function ${m[4]}`;
  return `${code(part.text)}: the host PCI device on segment ${m[1] ?? '0000'}, bus ${m[2]}, device ${m[3]}, ${fn}.`;
}

/** Hover for the spec part at `offset` of the atom `at` (a located value), or null. */
export function specHover(
  a: Analysis, at: { key: string; value: string; start: number; end: number; stmt?: number; node?: number; depth?: number },
  offset: number, guestType: GuestType,
): SpecHoverOut | null {
  if (!isSpecKey(at.key)) return null;
  const base = specTextStart(a, at.start, at.end, at.value);
  if (base === null) return null;
  const pos = offset - base;
  const version = a.options.xenVersion;
  const part = specPartAt(at.key, at.value, pos, version);
  if (!part) return null;
  let md: string | null = null;
  switch (part.role) {
    case 'field': case 'flag': case 'word': md = fieldHover(at.key, part, version, guestType); break;
    case 'positional': {
      md = part.field ? fieldHover('disk', part, version, guestType, true) : `${code(part.text)}: one positional parameter too many; xl refuses the disk.`;
      // A flag of a later release (trusted in 4.17): this scanner reads it as a positional parameter.
      const gate = specFieldGate('disk', part.text);
      if (gate?.since && versionNumber(version) < versionNumber(gate.since)) {
        md = `> ⚠ The disk scanner of Xen ${version} does not know ${code(part.text)} (read from ${gate.since}): it reads the word as a positional parameter.\n\n${md}`;
      }
      break;
    }
    case 'value': md = valueHover(at.key, part, guestType, version); break;
    case 'prefix': md = `${code(part.text)}: an old-style prefix of the target. xl still accepts it` +
      (/^(raw|qcow2?|vhd):$/.test(part.text) ? ` and takes it as ${code(`format=${part.text.slice(0, -1)}`)}` : /^(iscsi|e?nbd|drbd):$/.test(part.text) ? ` and runs the ${code(`block-${part.text.slice(0, -1)}`)} script` : ', but ignores it') + '.'; break;
    case 'level': md = VSND_LEVELS[part.text.toLowerCase()]
      ? `${code(part.text)}: ${VSND_LEVELS[part.text.toLowerCase()]}. Fields: ${[...VSND_LEVEL_FIELDS[part.text.toLowerCase()]!, ...VSND_SHARED_FIELDS].map(code).join(', ')}.`
      : `${code(part.text)}: each string of a vsnd card starts with ${Object.keys(VSND_LEVELS).map((l) => code(l.toUpperCase())).join(', ')}.`; break;
    case 'bdf': md = pciBdfHover(part); break;
    case 'vslot': md = `${code(part.text)}: the guest slot (hex) for the device, the same as ${code('vslot=')}.`; break;
    case 'cpus': md = cpusHover(part, at.key, at.depth === 1 && at.stmt !== undefined && at.node !== undefined ? listIndex(a, at.stmt, at.node) : undefined); break;
    case 'iomem-start': case 'iomem-number': case 'iomem-gfn': md = iomemHover(part); break;
    case 'ioport': md = ioportsHover(part); break;
    case 'irq': {
      const r = strtoul(part.text, 10);
      md = r.end > 0 && r.end === part.text.length ? `${code(part.text)}: host interrupt ${r.value}, given to the guest (decimal).`
        : `${code(part.text)}: xl wants a decimal interrupt number here.`;
      break;
    }
    case 'dtdev': md = `${code(part.text)}: the path of a node in the host's device tree, whose device is given to the guest (Arm).`; break;
    case 'serial': md = serialHover(part); break;
  }
  return md ? { markdown: md, start: base + part.start, end: base + part.end } : null;
}
