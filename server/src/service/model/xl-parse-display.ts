// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data from device_model to the end: the
// device model keys, its extra args, top-level vnc/sdl, dm_restrict, the HVM display and
// emulated-device keys (vga, spice, serial, usb, soundhw, ...), gic_version, tee and the last flags.
import {
  defboolJson, enumFromString, GFX_PASSTHRU_KIND, GIC_VERSION, HDTYPE, setInt, setMemkb, setString,
  setStringList, struct, TEE_TYPE, VENDOR_DEVICE, type Json,
} from './libxl-json';
import type { ParseState } from './parse-state';
import { toInt32 } from './strtol';
import { parseVkbs } from './xl-parse-devices';

export function parseDeviceModel(st: ParseState): void {
  const { cfg, b } = st;
  const dm = cfg.getString('device_model');
  if (dm.ok) {
    st.warn('device_model', 'WARNING: ignoring device_model directive.', 'xl-device-model-ignored');
    st.warn('device_model', 'WARNING: Use "device_model_override" instead if you really want a non-default device_model', 'xl-device-model-ignored');
    if (dm.value.includes('stubdom-dm')) {
      if (st.type === 'hvm') {
        st.warn('device_model', 'WARNING: Or use "device_model_stubdomain_override" if you  want to enable stubdomains', 'xl-device-model-ignored');
      } else {
        st.warn('device_model', 'WARNING: ignoring "device_model_stubdomain_override" directive for pv guest', 'xl-device-model-ignored');
      }
    }
  }
  const over = cfg.getString('device_model_override');
  if (over.ok) setString(b, 'device_model', over.value);
  const ver = cfg.getString('device_model_version');
  if (ver.ok) {
    // Xen 4.17's names; later releases' differences (4.21 drops qemu-xen-traditional) are overlaid
    // by checks/xen-version.ts, which treats this model as the 4.17 reference.
    if (ver.value === 'qemu-xen-traditional') b.device_model_version = 'qemu_xen_traditional';
    else if (ver.value === 'qemu-xen') b.device_model_version = 'qemu_xen';
    else st.fail('device_model_version', `Unknown device_model_version "${ver.value}" specified`, 1, 'xl-unknown-dm-version');
  } else if (b.device_model !== undefined) {
    st.warn('device_model_override', 'WARNING: device model override given without specific DM version', 'xl-dm-override-without-version');
  }
  const stub = cfg.getDefbool('device_model_stubdomain_override');
  if (stub.ok) b.device_model_stubdomain = defboolJson(stub.value);
  const seclabel = cfg.getString('device_model_stubdomain_seclabel');
  if (seclabel.ok) setString(b, 'device_model_ssid_label', seclabel.value);
  for (const key of ['device_model_user', 'stubdomain_kernel', 'stubdomain_cmdline', 'stubdomain_ramdisk']) {
    const r = cfg.getString(key);
    if (r.ok) setString(b, key, r.value);
  }
  const mem = cfg.getLong('stubdomain_memory');
  if (mem.ok) setMemkb(b, 'stubdomain_memkb', mem.value * 1024n);

  for (const [suffix, field] of [['', 'extra'], ['_pv', 'extra_pv'], ['_hvm', 'extra_hvm']] as const) {
    const key = `device_model_args${suffix}`;
    const r = cfg.getListAsStringList(key);
    if (r.ok) setStringList(b, field, r.value);
    else if (r.errno !== 'ESRCH') st.fail(key, `xl: Unable to parse ${key}.`, 3, 'xl-invalid-dm-args');
  }
}

function parseVncOptions(st: ParseState, vnc: Json | null): void {
  const { cfg } = st;
  const en = cfg.getDefbool('vnc');
  const listen = cfg.getString('vnclisten');
  const passwd = cfg.getString('vncpasswd');
  const display = cfg.getLong('vncdisplay');
  const unused = cfg.getDefbool('vncunused');
  if (!vnc) return;
  if (en.ok) vnc.enable = defboolJson(en.value);
  if (listen.ok) vnc.listen = listen.value;
  if (passwd.ok) vnc.passwd = passwd.value;
  if (display.ok) setInt(vnc, 'display', toInt32(display.value));
  if (unused.ok) vnc.findunused = defboolJson(unused.value);
}

function parseSdlOptions(st: ParseState, sdl: Json | null): void {
  const { cfg } = st;
  const en = cfg.getDefbool('sdl');
  const gl = cfg.getDefbool('opengl');
  const display = cfg.getString('display');
  const xauth = cfg.getString('xauthority');
  if (!sdl) return;
  if (en.ok) sdl.enable = defboolJson(en.value);
  if (gl.ok) sdl.opengl = defboolJson(gl.value);
  if (display.ok) sdl.display = display.value;
  if (xauth.ok) sdl.xauthority = xauth.value;
}

/** Top-level vnc/sdl: a vfb for PV guests without vfb=, else the HVM display; then dm_restrict. */
export function parseTopLevelDisplay(st: ParseState): void {
  const { cfg } = st;
  if (st.type === 'pv' && st.count('vfbs') === 0) {
    const v = cfg.getLong('vnc');
    if (v.ok && v.value !== 0n) {
      const vfb = st.push('vfbs', { devid: 0, vnc: {}, sdl: {} });
      st.push('vkbs', { devid: st.count('vkbs') });
      parseVncOptions(st, vfb.vnc as Json);
      parseSdlOptions(st, vfb.sdl as Json);
      const km = cfg.getString('keymap');
      if (km.ok) vfb.keymap = km.value;
    }
  } else {
    // xl writes into b_info->u.hvm even for PV/PVH guests (overlapping union memory); only the
    // HVM case is modelled.
    const hvm = st.type === 'hvm';
    parseVncOptions(st, hvm ? struct(st.u, 'vnc') : null);
    parseSdlOptions(st, hvm ? struct(st.u, 'sdl') : null);
  }
  const r = cfg.getDefbool('dm_restrict');
  if (r.ok) st.b.dm_restrict = defboolJson(r.value);
}

const VGA_WORDS: Record<string, string> = { stdvga: 'std', cirrus: 'cirrus', none: 'none', qxl: 'qxl' };

export function parseHvmDevices(st: ParseState): void {
  if (st.type !== 'hvm') return;
  const { cfg, u } = st;
  const vga = struct(u, 'vga');
  const v = cfg.getString('vga');
  if (v.ok) {
    if (!Object.hasOwn(VGA_WORDS, v.value)) st.fail('vga', `Unknown vga "${v.value}" specified`, 1, 'xl-unknown-vga');
    vga.kind = VGA_WORDS[v.value];
  } else {
    const std = cfg.getLong('stdvga');
    if (std.ok) vga.kind = std.value !== 0n ? 'std' : 'cirrus';
  }
  const hd = cfg.getString('hdtype');
  if (hd.ok) {
    const h = enumFromString(HDTYPE, hd.value);
    if (h === null) st.fail('hdtype', `ERROR: invalid value "${hd.value}" for "hdtype"`, 1, 'xl-invalid-value');
    if (h === 2) u.hdtype = 'ahci';
    else delete u.hdtype;
  }
  const km = cfg.getString('keymap');
  if (km.ok) u.keymap = km.value;

  parseSpice(st, struct(u, 'spice'));

  const ng = cfg.getDefbool('nographic');
  if (ng.ok) u.nographic = defboolJson(ng.value);
  const gfx = cfg.getLong('gfx_passthru', true);
  if (gfx.ok) u.gfx_passthru = defboolJson(gfx.value !== 0n);
  else {
    const s = cfg.getString('gfx_passthru');
    if (s.ok) {
      const k = enumFromString(GFX_PASSTHRU_KIND, s.value);
      if (k === null) st.fail('gfx_passthru', `ERROR: invalid value "${s.value}" for "gfx_passthru"`, 1, 'xl-invalid-value');
      if (k) u.gfx_passthru_kind = GFX_PASSTHRU_KIND[k as 1];
      else delete u.gfx_passthru_kind;
      u.gfx_passthru = defboolJson(true);
    }
  }
  listOrString(st, 'serial', 'serial_list', 'serial');
  const boot = cfg.getString('boot');
  if (boot.ok) u.boot = boot.value;
  const usb = cfg.getDefbool('usb');
  if (usb.ok) u.usb = defboolJson(usb.value);
  const usbv = cfg.getLong('usbversion');
  if (usbv.ok) setInt(u, 'usbversion', toInt32(usbv.value));
  listOrString(st, 'usbdevice', 'usbdevice_list', 'usbdevice');
  const vkb = cfg.getDefbool('vkb_device');
  if (vkb.ok) u.vkb_device = defboolJson(vkb.value);
  const snd = cfg.getString('soundhw');
  if (snd.ok) u.soundhw = snd.value;
  const pci = cfg.getDefbool('xen_platform_pci');
  if (pci.ok) u.xen_platform_pci = defboolJson(pci.value);

  const vnc = struct(u, 'vnc');
  if (typeof vnc.listen === 'string' && vnc.display && vnc.listen.includes(':')) {
    st.fail('vnclisten', 'ERROR: Display specified both in vnclisten and vncdisplay!', 1, 'xl-vnc-display-twice', ['vncdisplay']);
  }
  const vd = cfg.getString('vendor_device');
  if (vd.ok) {
    const d = enumFromString(VENDOR_DEVICE, vd.value);
    if (d === null) st.fail('vendor_device', `xl: unknown vendor_device '${vd.value}'`, 3, 'xl-invalid-value');
    if (d) u.vendor_device = VENDOR_DEVICE[d as 1];
    else delete u.vendor_device;
  }
}

/** serial= / usbdevice=: a list of strings, else one string. */
function listOrString(st: ParseState, key: string, listField: string, field: string): void {
  const r = st.cfg.getListAsStringList(key, true);
  if (r.ok) setStringList(st.u, listField, r.value);
  else if (r.errno === 'EINVAL') {
    const s = st.cfg.getString(key);
    if (s.ok) st.u[field] = s.value;
    else st.fail(key, `xl: Unable to parse ${key}.`, 3, 'xl-rejects');
  }
}

function parseSpice(st: ParseState, spice: Json): void {
  const { cfg } = st;
  const flag = (key: string, field: string) => {
    const r = cfg.getDefbool(key);
    if (r.ok) spice[field] = defboolJson(r.value);
  };
  const str = (key: string, field: string) => {
    const r = cfg.getString(key);
    if (r.ok) spice[field] = r.value;
  };
  const int = (key: string, field: string) => {
    const r = cfg.getLong(key);
    if (r.ok) setInt(spice, field, toInt32(r.value));
  };
  flag('spice', 'enable');
  int('spiceport', 'port');
  int('spicetls_port', 'tls_port');
  str('spicehost', 'host');
  flag('spicedisable_ticketing', 'disable_ticketing');
  str('spicepasswd', 'passwd');
  flag('spiceagent_mouse', 'agent_mouse');
  flag('spicevdagent', 'vdagent');
  flag('spice_clipboard_sharing', 'clipboard_sharing');
  int('spiceusbredirection', 'usbredirection');
  str('spice_image_compression', 'image_compression');
  str('spice_streaming_video', 'streaming_video');
}

/** gic_version, tee, vkb=[...], xend_suspend_evtchn_compat, msr_relaxed, vpmu. */
export function parseTail(st: ParseState): void {
  const { cfg, b } = st;
  const gic = cfg.getString('gic_version', true);
  if (gic.ok) {
    const g = enumFromString(GIC_VERSION, gic.value);
    if (g === null) st.fail('gic_version', `Unknown gic_version "${gic.value}" specified`, 3, 'xl-invalid-value');
    if (g) (b.arch_arm as Json).gic_version = GIC_VERSION[g as 0x20];
  }
  const tee = cfg.getString('tee', true);
  if (tee.ok) {
    const t = enumFromString(TEE_TYPE, tee.value);
    if (t === null) st.fail('tee', `Unknown tee "${tee.value}" specified`, 3, 'xl-invalid-value');
    if (t) b.tee = TEE_TYPE[t as 1];
    else delete b.tee;
  }
  parseVkbs(st);
  const xend = cfg.getDefbool('xend_suspend_evtchn_compat');
  if (xend.ok) st.c.xend_suspend_evtchn_compat = defboolJson(xend.value);
  const msr = cfg.getDefbool('msr_relaxed');
  if (msr.ok) {
    (b.arch_x86 as Json).msr_relaxed = defboolJson(msr.value);
    st.warn('msr_relaxed', 'WARNING: msr_relaxed will be removed in future versions.', 'xl-deprecated');
    st.warn('msr_relaxed', 'If it fixes an issue you are having please report to xen-devel@lists.xenproject.org.', 'xl-deprecated');
  }
  const vpmu = cfg.getDefbool('vpmu');
  if (vpmu.ok) b.vpmu = defboolJson(vpmu.value);
}
