// What each piece of a spec string means to xl (Xen 4.17), for editor features (hover, completion,
// semantic colouring): the disk scanner's tokens with the parameter they set, and the KEY=VALUE
// items of the strtok-based kinds. Ranges are offsets into the spec string.
import { versionNumber, type AnalysisOptions } from '../../options';
import { nextDiskToken } from './disk-lexer';
import { strtokItems } from './strtok';

export interface SpecPart {
  /**
   * `key` / `value`: the two halves of KEY=VALUE; `flag`: a bare word xl knows (cdrom, discard…);
   * `positional`: a disk positional parameter (see `param`); `prefix`: a deprecated disk prefix
   * (phy:, tap:aio:…); `item`: anything else xl reads as one item.
   */
  kind: 'key' | 'value' | 'flag' | 'positional' | 'prefix' | 'item';
  /** The parameter it sets, e.g. `vdev`, `format`, `target`, `access`, `mac`. */
  param?: string;
  start: number;
  end: number;
}

const DISK_KEY_RULES = new Set(['format', 'access', 'backend', 'backendtype', 'specification', 'vdev', 'script',
  'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk', 'target', 'devtype-cdrom', 'devtype-disk',
  'devtype-other', 'grant-usage-0', 'grant-usage-1', 'unknown-parameter']);

/**
 * The disk spec's pieces in order. Positional parameters are labelled with the slot they fill
 * assuming the spec is otherwise well-formed (target, then format unless a prefix was given, then
 * vdev, then access).
 */
export function diskSpecParts(spec: string, options: AnalysisOptions): SpecPart[] {
  const version = versionNumber(options.xenVersion);
  const out: SpecPart[] = [];
  let pos = 0;
  let hadPrefix = false;
  let hasFormat = false;
  const slots: string[] = [];
  for (;;) {
    const tok = nextDiskToken(spec, pos, version);
    if (!tok) break;
    pos = Math.max(tok.end, pos + 1);
    const text = tok.text.endsWith(',') ? tok.text.slice(0, -1) : tok.text;
    const end = tok.start + text.length;
    if (DISK_KEY_RULES.has(tok.rule)) {
      const eq = text.indexOf('=');
      const key = text.slice(0, eq);
      if (key === 'format') hasFormat = true;
      out.push({ kind: 'key', param: key, start: tok.start, end: tok.start + eq });
      out.push({ kind: 'value', param: key, start: tok.start + eq + 1, end: tok.rule === 'target' ? tok.end : end });
    } else if (tok.rule.startsWith('prefix-')) {
      hadPrefix = true;
      if (tok.rule === 'prefix-format') hasFormat = true;
      out.push({ kind: 'prefix', param: tok.rule === 'prefix-format' ? 'format' : tok.rule === 'prefix-script' ? 'script' : undefined, start: tok.start, end: tok.end });
    } else if (tok.rule === 'positional') {
      if (slots.length === 0) slots.push('target', ...(hadPrefix || hasFormat ? [] : ['format']), 'vdev', 'access');
      out.push({ kind: 'positional', param: slots.shift() ?? 'extra', start: tok.start, end });
    } else if (tok.rule !== 'whitespace') {
      out.push({ kind: tok.rule === 'bad-syntax' ? 'item' : 'flag', param: tok.rule, start: tok.start, end });
    }
    if (tok.rule === 'bad-syntax' || tok.rule === 'prefix-unknown') break;
  }
  return out;
}

/** The KEY=VALUE items of a comma-separated spec (vif, vfb, channel, usb, vtpm, p9, vkb, pci options). */
export function keyValueParts(spec: string): SpecPart[] {
  const out: SpecPart[] = [];
  for (const item of strtokItems(spec)) {
    const eq = item.text.indexOf('=');
    if (eq < 0) {
      out.push({ kind: 'item', param: item.text.trim(), start: item.start, end: item.end });
      continue;
    }
    const key = item.text.slice(0, eq).trim();
    out.push({ kind: 'key', param: key, start: item.start, end: item.start + eq });
    out.push({ kind: 'value', param: key, start: item.start + eq + 1, end: item.end });
  }
  return out;
}
