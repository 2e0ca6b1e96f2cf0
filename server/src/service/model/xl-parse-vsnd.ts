// Mirrors tools/xl/xl_parse.c (Xen 4.17): parse_vsnd_config and its helpers. vsnd is a list of
// cards; each card is a list of item strings "card|pcm|stream, key=value, ..." that add to the card,
// its last pcm, or that pcm's last stream.
import { listItem } from './accessors';
import type { Json } from './libxl-json';
import type { ParseState } from './parse-state';
import { strtoul, toUint32 } from './strtol';
import { XlExit } from './xl-report';
import { strtokAll } from './xl-strings';
import type { Value } from '../syntax/settings';
import { strtokItems } from './specs/strtok';
import { issueSpan } from './xl-parse-spec-glue';

const PCM_FORMATS = [
  's8', 'u8', 's16_le', 's16_be', 'u16_le', 'u16_be', 's24_le', 's24_be', 'u24_le', 'u24_be', 's32_le',
  's32_be', 'u32_le', 'u32_be', 'f32_le', 'f32_be', 'f64_le', 'f64_be', 'iec958_subframe_le',
  'iec958_subframe_be', 'mu_law', 'a_law', 'ima_adpcm', 'mpeg', 'gsm',
];
const STREAM_TYPES = ['p', 'c'];

/** MATCH_OPTION: `token` starts with `prefix=`; returns the value after it. */
function option(prefix: string, token: string): string | null {
  return token.startsWith(`${prefix}=`) ? token.slice(prefix.length + 1) : null;
}

class VsndParser {
  constructor(private readonly st: ParseState) {}

  /** The item string being read and the token's place in it, for the messages' ranges. */
  private cur: { at: Value; start: number; end: number } | null = null;

  /** xl's complaint and exit; on the token being read, or `sub` (offsets inside the token). */
  private stop(text: string, sub?: [number, number]): never {
    const d = this.st.at('vsnd', 'xl-invalid-vsnd');
    const c = this.cur;
    const span = c ? issueSpan(c.at, c.start + (sub ? sub[0] : 0), sub ? c.start + sub[1] : c.end) : d.span;
    this.st.report.line(text, { ...d, span, severity: 'error' });
    throw new XlExit(1);
  }

  /** parse_vsnd_params; false when the token is not a common parameter. */
  private params(params: Json, token: string): boolean {
    let v: string | null;
    if ((v = option('sample-rates', token)) !== null) {
      const rates = strtokAll(v, ';').map((r) => toUint32(strtoul(r, 0).value));
      if (rates.length) params.sample_rates = rates;
      else delete params.sample_rates;
    } else if ((v = option('sample-formats', token)) !== null) {
      const at = token.length - v.length;
      const formats = strtokItems(v, ';', false).map((f) => {
        const name = f.text.toLowerCase();
        if (!PCM_FORMATS.includes(name)) this.stop(`Invalid pcm format: ${f.text}`, [at + f.start, at + f.end]);
        return name;
      });
      if (formats.length) params.sample_formats = formats;
      else delete params.sample_formats;
    } else if ((v = option('channels-min', token)) !== null) this.setU32(params, 'channels_min', v);
    else if ((v = option('channels-max', token)) !== null) this.setU32(params, 'channels_max', v);
    else if ((v = option('buffer-size', token)) !== null) this.setU32(params, 'buffer_size', v);
    else return false;
    return true;
  }

  private setU32(o: Json, key: string, text: string): void {
    const n = toUint32(strtoul(text, 0).value);
    if (n) o[key] = n;
    else delete o[key];
  }

  private lastPcm(card: Json): Json | null {
    const pcms = card.pcms as Json[] | undefined;
    return pcms && pcms.length ? pcms[pcms.length - 1]! : null;
  }

  private create(card: Json, key: string): void {
    const k = key.toLowerCase();
    if (k === 'card') return;
    if (k === 'pcm') {
      card.pcms = [...((card.pcms as Json[] | undefined) ?? []), { params: {} }];
      return;
    }
    if (k === 'stream') {
      if (!this.lastPcm(card)) card.pcms = [{ params: {} }];
      const pcm = this.lastPcm(card)!;
      pcm.streams = [...((pcm.streams as Json[] | undefined) ?? []), { params: {} }];
      return;
    }
    this.stop(`Invalid key: ${key}`);
  }

  private param(card: Json, key: string, token: string): void {
    const k = key.toLowerCase();
    let v: string | null;
    if (k === 'card') {
      if (this.params(card.params as Json, token)) return;
      if ((v = option('backend', token)) !== null) card.backend_domname = v;
      else if ((v = option('short-name', token)) !== null) card.short_name = v;
      else if ((v = option('long-name', token)) !== null) card.long_name = v;
      else this.stop(`Invalid parameter: ${token}`);
    } else if (k === 'pcm') {
      const pcm = this.lastPcm(card);
      if (!pcm) this.stop('No pcm device');
      if (this.params(pcm.params as Json, token)) return;
      if ((v = option('name', token)) !== null) pcm.name = v;
      else this.stop(`Invalid parameter: ${token}`);
    } else if (k === 'stream') {
      const pcm = this.lastPcm(card);
      if (!pcm) this.stop('No vsnd pcm device');
      const streams = pcm.streams as Json[] | undefined;
      if (!streams || !streams.length) this.stop('No vsnd stream');
      const stream = streams[streams.length - 1]!;
      if (this.params(stream.params as Json, token)) return;
      if ((v = option('unique-id', token)) !== null) stream.unique_id = v;
      else if ((v = option('type', token)) !== null) {
        const t = v.toLowerCase();
        if (!STREAM_TYPES.includes(t)) this.stop(`Invalid stream type: ${v}`, [token.length - v.length, token.length]);
        stream.type = t;
      } else this.stop(`Invalid parameter: ${token}`);
    }
  }

  /** parse_vsnd_item: the first token names what the item adds, the rest set its parameters. */
  item(card: Json, spec: string, at?: Value): void {
    let key: string | null = null;
    for (const piece of strtokItems(spec, ',')) {
      const token = piece.text;
      this.cur = at ? { at, start: piece.start, end: piece.end } : null;
      if (key === null) {
        key = token;
        this.create(card, key);
      } else this.param(card, key, token);
    }
  }
}

export function parseVsnd(st: ParseState): void {
  const list = st.cfg.getList('vsnd');
  if (!list.ok) return;
  const parser = new VsndParser(st);
  list.value.items.forEach((cardValue, i) => {
    const items = st.cfg.valueGetList(cardValue);
    if (!items) {
      st.report.line('Failed to get vsnd card list: Invalid argument', { ...st.at('vsnd', 'xl-invalid-vsnd'), severity: 'error' });
      throw new XlExit(1);
    }
    const card = st.push('vsnds', { devid: i, params: {} });
    for (let j = 0; ; j++) {
      const spec = listItem(items, j);
      if (spec === null) break;
      parser.item(card, spec, items.items[j]);
    }
  });
}
