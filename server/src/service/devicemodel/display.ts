// Mirrors the display helpers of tools/libs/light/libxl_dm.c (Xen 4.17): the `-vnc` address and
// the `-spice` option string, shared by both builders.
import type { VncInfo } from './config-view';
import { defboolVal, int, str, type Spice } from '../model/domain-view';
import { failure, logLine, type Failure } from './argv-writer';

/**
 * The `-vnc` address: vnclisten as given when it already holds a display (then vncdisplay must be
 * 0), else `<listen>:<display>`, else `127.0.0.1:<display>`.
 */
export function vncAddress(vnc: VncInfo, fn: string, domid: number): string | Failure {
  if (vnc.listen !== undefined) {
    if (vnc.listen.includes(':')) {
      if (vnc.display) return failure(logLine('vnc-display-twice', fn, domid, 'vncdisplay set, vnclisten contains display'));
      return vnc.listen;
    }
    return `${vnc.listen}:${vnc.display}`;
  }
  return `127.0.0.1:${vnc.display}`;
}

/** dm_spice_options: port/tls-port, address, ticketing, mouse, clipboard, compression, video. */
/** `spice`: the libxl_spice_info JSON. */
export function spiceOptions(spice: Readonly<Spice>): string | Failure {
  const port = int(spice, 'port');
  const tlsPort = int(spice, 'tls_port');
  if (!port && !tlsPort) {
    return failure(logLine('spice-no-port', 'dm_spice_options', undefined, 'at least one of the spiceport or tls_port must be provided'));
  }
  const noTicketing = defboolVal(spice, 'disable_ticketing');
  const passwd = str(spice, 'passwd');
  if (!noTicketing) {
    if (passwd === undefined) return failure(logLine('spice-no-password', 'dm_spice_options', undefined, 'spice ticketing is enabled but missing password'));
    if (passwd === '') return failure(logLine('spice-empty-password', 'dm_spice_options', undefined, "spice password can't be empty"));
  }
  let opt = `port=${port},tls-port=${tlsPort}`;
  const host = str(spice, 'host');
  if (host !== undefined) opt += `,addr=${host}`;
  opt += noTicketing ? ',disable-ticketing=on' : `,password=${passwd}`;
  opt += `,agent-mouse=${defboolVal(spice, 'agent_mouse', true) ? 'on' : 'off'}`;
  if (!defboolVal(spice, 'clipboard_sharing')) opt += ',disable-copy-paste=on';
  const compression = str(spice, 'image_compression');
  if (compression !== undefined) opt += `,image-compression=${compression}`;
  const video = str(spice, 'streaming_video');
  if (video !== undefined) opt += `,streaming-video=${video}`;
  return opt;
}
