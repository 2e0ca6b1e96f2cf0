// Mirrors the vfb loop of parse_config_data() in tools/xl/xl_parse.c (Xen 4.17): each `vfb=[...]`
// element makes a libxl_device_vfb and a plain libxl_device_vkb with the same devid. xl never
// complains here: unknown keys are ignored, numbers go through atoi, and an item without `=`
// silently ends the spec.
import { atoi } from './c-numbers';
import { strtokItems } from './strtok';
import type { SpecContext, SpecResult, VfbPair } from './types';

export function parseVfbSpec(spec: string, ctx: SpecContext): SpecResult<VfbPair> {
  const vnc: Record<string, unknown> = {};
  const sdl: Record<string, unknown> = {};
  let keymap: string | undefined;
  for (const item of strtokItems(spec)) {
    const eq = item.text.indexOf('=');
    if (eq < 0) break;
    const key = item.text.slice(0, eq);
    const value = item.text.slice(eq + 1);
    const flag = () => (atoi(value) ? 'True' : 'False');
    switch (key) {
      case 'vnc': vnc.enable = flag(); break;
      case 'vnclisten': vnc.listen = value; break;
      case 'vncpasswd': vnc.passwd = value; break;
      case 'vncdisplay': vnc.display = atoi(value); break;
      case 'vncunused': vnc.findunused = flag(); break;
      case 'keymap': keymap = value; break;
      case 'sdl': sdl.enable = flag(); break;
      case 'opengl': sdl.opengl = flag(); break;
      case 'display': sdl.display = value; break;
      case 'xauthority': sdl.xauthority = value; break;
      default: break;
    }
  }
  if (vnc.display === 0) delete vnc.display;
  // libxl's JSON prints vnc before sdl; keep field order close to it.
  const ordered = (o: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  const vfb: Record<string, unknown> = {
    devid: ctx.index,
    vnc: ordered(vnc, ['enable', 'listen', 'passwd', 'display', 'findunused']),
    sdl: ordered(sdl, ['enable', 'opengl', 'display', 'xauthority']),
  };
  if (keymap !== undefined) vfb.keymap = keymap;
  return { device: { vfb, vkb: { devid: ctx.index } }, issues: [], fatal: false };
}
