// Mirrors parse_vsnd_item() and friends in tools/xl/xl_parse.c (Xen 4.17): one vsnd card is an
// inner list of strings, each starting with CARD, PCM or STREAM (any case) followed by KEY=VALUE
// items for that level. PCM adds a pcm to the card, STREAM a stream to the last pcm (making one
// if needed). Every complaint makes xl exit.
import { strtoul, toUint32 } from './c-numbers';
import { strtokItems, type SpecPiece } from './strtok';
import type { SpecContext, SpecIssue, SpecResult, VsndJson } from './types';

const PCM_FORMATS = ['s8', 'u8', 's16_le', 's16_be', 'u16_le', 'u16_be', 's24_le', 's24_be', 'u24_le', 'u24_be',
  's32_le', 's32_be', 'u32_le', 'u32_be', 'f32_le', 'f32_be', 'f64_le', 'f64_be', 'iec958_subframe_le',
  'iec958_subframe_be', 'mu_law', 'a_law', 'ima_adpcm', 'mpeg', 'gsm'];

type Params = Record<string, unknown>;
interface Stream { unique_id?: string; type?: string; params: Params }
interface Pcm { name?: string; params: Params; streams: Stream[] }

class Failure { constructor(readonly issue: SpecIssue) {} }

/** parse_vsnd_params: the keys every level shares; false when `item` is not one of them. */
function parseParams(params: Params, item: SpecPiece, at: number): boolean | Failure {
  const eq = item.text.indexOf('=');
  const key = eq < 0 ? '' : item.text.slice(0, eq);
  const value = item.text.slice(eq + 1);
  const crash = () => new Failure({ severity: 'error', message: 'xl crashes on an empty list here (segmentation fault)', start: item.start, end: item.end, code: 'vsnd-xl-crash', item: at });
  switch (key) {
    case 'sample-rates':
      if (value.split(';').every((x) => x === '')) return crash();
      params.sample_rates = value.split(';').filter((x) => x !== '').map((x) => toUint32(strtoul(x, 0).value));
      return true;
    case 'sample-formats': {
      if (value.split(';').every((x) => x === '')) return crash();
      const formats: string[] = [];
      for (const f of value.split(';').filter((x) => x !== '')) {
        if (!PCM_FORMATS.includes(f.toLowerCase())) {
          return new Failure({ severity: 'error', message: `Invalid pcm format: ${f}`, start: item.start + eq + 1, end: item.end, code: 'vsnd-bad-format', item: at });
        }
        formats.push(f.toLowerCase());
      }
      params.sample_formats = formats;
      return true;
    }
    case 'channels-min': params.channels_min = toUint32(strtoul(value, 0).value); return true;
    case 'channels-max': params.channels_max = toUint32(strtoul(value, 0).value); return true;
    case 'buffer-size': params.buffer_size = toUint32(strtoul(value, 0).value); return true;
    default: return false;
  }
}

function cleanParams(p: Params): Params {
  const out: Params = {};
  for (const k of ['sample_rates', 'sample_formats', 'channels_min', 'channels_max', 'buffer_size']) {
    const v = p[k];
    if (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== 0) out[k] = v;
  }
  return out;
}

/** One vsnd card: `items` are the strings of its inner list; `ctx.index` is the card's devid. */
export function parseVsndCard(items: readonly string[], ctx: SpecContext): SpecResult<VsndJson> {
  const card: { backend_domname?: string; short_name?: string; long_name?: string; params: Params; pcms: Pcm[] } = { params: {}, pcms: [] };
  const invalid = (p: SpecPiece, at: number) => new Failure({ severity: 'error', message: `Invalid parameter: ${p.text}`, start: p.start, end: p.end, code: 'vsnd-invalid-parameter', item: at });
  for (let at = 0; at < items.length; at++) {
    const tokens = strtokItems(items[at]!);
    const head = tokens[0];
    if (!head) continue;
    const level = head.text.toLowerCase();
    if (level === 'pcm') card.pcms.push({ params: {}, streams: [] });
    else if (level === 'stream') {
      if (card.pcms.length === 0) card.pcms.push({ params: {}, streams: [] });
      card.pcms[card.pcms.length - 1]!.streams.push({ params: {} });
    } else if (level !== 'card') {
      return { device: null, fatal: true, issues: [{ severity: 'error', message: `Invalid key: ${head.text}`, start: head.start, end: head.end, code: 'vsnd-invalid-key', item: at }] };
    }
    for (const tok of tokens.slice(1)) {
      const pcm = card.pcms[card.pcms.length - 1];
      const target = level === 'card' ? card.params : level === 'pcm' ? pcm!.params : pcm!.streams[pcm!.streams.length - 1]!.params;
      const r = parseParams(target, tok, at);
      if (r instanceof Failure) return { device: null, fatal: true, issues: [r.issue] };
      if (r) continue;
      const eq = tok.text.indexOf('=');
      const key = eq < 0 ? null : tok.text.slice(0, eq);
      const value = tok.text.slice(eq + 1);
      let bad: Failure | null = null;
      if (level === 'card') {
        if (key === 'backend') card.backend_domname = value;
        else if (key === 'short-name') card.short_name = value;
        else if (key === 'long-name') card.long_name = value;
        else bad = invalid(tok, at);
      } else if (level === 'pcm') {
        if (key === 'name') pcm!.name = value;
        else bad = invalid(tok, at);
      } else {
        const stream = pcm!.streams[pcm!.streams.length - 1]!;
        if (key === 'unique-id') stream.unique_id = value;
        else if (key === 'type') {
          const t = value.toLowerCase();
          if (t !== 'p' && t !== 'c') {
            bad = new Failure({ severity: 'error', message: `Invalid stream type: ${value}`, start: tok.start + eq + 1, end: tok.end, code: 'vsnd-bad-stream-type', item: at });
          } else stream.type = t;
        } else bad = invalid(tok, at);
      }
      if (bad) return { device: null, fatal: true, issues: [bad.issue] };
    }
  }
  const out: VsndJson = {};
  if (card.backend_domname !== undefined) out.backend_domname = card.backend_domname;
  out.devid = ctx.index;
  if (card.short_name !== undefined) out.short_name = card.short_name;
  if (card.long_name !== undefined) out.long_name = card.long_name;
  out.params = cleanParams(card.params);
  if (card.pcms.length) {
    out.pcms = card.pcms.map((p) => {
      const j: Record<string, unknown> = {};
      if (p.name !== undefined) j.name = p.name;
      j.params = cleanParams(p.params);
      if (p.streams.length) {
        j.streams = p.streams.map((s) => {
          const sj: Record<string, unknown> = {};
          if (s.unique_id !== undefined) sj.unique_id = s.unique_id;
          if (s.type !== undefined) sj.type = s.type;
          sj.params = cleanParams(s.params);
          return sj;
        });
      }
      return j;
    });
  }
  return { device: out, issues: [], fatal: false };
}
