// Mirrors the channel loop of parse_config_data() in tools/xl/xl_parse.c (Xen 4.17, with the 4.18
// and 4.21 changes): items split on `,` (empty ones vanish), each cut at `=` by
// split_string_into_pair, key and value trimmed of blanks. Unknown keys only warn; a bad pair or
// connection makes xl exit.
import { versionNumber } from '../../options';
import { xlReleaseFacts } from '../release-facts';
import { splitPairAtFirst, strtokItems, trimPiece, type SpecPiece } from './strtok';
import type { ChannelJson, SpecContext, SpecIssue, SpecResult } from './types';

/** split_string_into_pair(…, "=") up to Xen 4.17: the first two runs of non-`=` characters, or null. */
function splitPair(item: SpecPiece): [SpecPiece, SpecPiece] | null {
  const runs: SpecPiece[] = [];
  const re = /[^=]+/g;
  let m: RegExpExecArray | null;
  while (runs.length < 2 && (m = re.exec(item.text)) !== null) {
    runs.push({ text: m[0], start: item.start + m.index, end: item.start + m.index + m[0].length });
  }
  return runs.length === 2 ? [runs[0]!, runs[1]!] : null;
}

export function parseChannelSpec(spec: string, ctx: SpecContext): SpecResult<ChannelJson> {
  const issues: SpecIssue[] = [];
  const fail = (start: number, end: number, message: string, code: string): SpecResult<ChannelJson> => {
    issues.push({ severity: 'error', message, start, end, code });
    return { device: null, issues, fatal: true };
  };
  let backend: string | undefined;
  let name: string | undefined;
  let path: string | undefined;
  let connection: 'pty' | 'socket' | undefined;
  let connectionAt: SpecPiece | undefined;
  // Items are cut without the per-item blank skipping of other loops: the pair is trimmed instead.
  const version = versionNumber(ctx.options.xenVersion);
  const items = strtokItems(spec, ',', false);
  if (items.length === 0) {
    // split_string_into_string_list then strdup()s a NULL token: xl dies without a word.
    return fail(0, spec.length, 'xl crashes on a channel spec with no items (segmentation fault)', 'channel-xl-crash');
  }
  for (const full of items) {
    const pair = version >= 418 ? splitPairAtFirst(full) : splitPair(full);
    if (!pair) return fail(full.start, full.end, `failed to parse channel configuration: ${full.text}`, 'channel-bad-item');
    const key = trimPiece(pair[0]);
    const value = trimPiece(pair[1]);

    if (key.text === 'backend') backend = value.text;
    else if (key.text === 'name') name = value.text;
    else if (key.text === 'path') path = value.text;
    else if (key.text === 'connection') {
      if (value.text === 'pty') connection = 'pty';
      else if (value.text === 'socket') connection = 'socket';
      else return fail(value.start, value.end, `unknown channel connection '${value.text}'`, 'channel-bad-connection');
      connectionAt = value;
    } else {
      issues.push({ severity: 'warning', message: `unknown channel parameter '${key.text}', ignoring`, start: key.start, end: key.end, code: 'channel-unknown-parameter' });
    }
  }
  if (connection === undefined) return fail(0, spec.length, "channel has unknown 'connection'", 'channel-no-connection');
  if (connection === 'socket' && path === undefined) {
    return fail(connectionAt?.start ?? 0, connectionAt?.end ?? spec.length, "channel connection 'socket' requires path=..", 'channel-socket-no-path');
  }
  const out: ChannelJson = {};
  if (backend !== undefined) out.backend_domname = backend;
  // Later releases stopped numbering channels in xl (ARRAY_EXTEND_INIT_NODEVID): no devid printed.
  if (xlReleaseFacts(ctx.options.xenVersion).channelDevid) out.devid = ctx.index;
  if (name !== undefined) out.name = name;
  out[`connection.${connection}`] = connection === 'socket' ? { path } : {};
  return { device: out, issues, fatal: false };
}
