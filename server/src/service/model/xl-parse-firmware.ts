// Mirrors tools/xl/xl_parse.c (Xen 4.17), parse_config_data's switch on the guest type: HVM
// firmware/bios, platform flags (pae, acpi_s3, hpet, apic, ...), viridian, mmio_hole, altp2mhvm,
// ms_vm_genid, mca_caps and firmware=; PV/PVH firmware= and the kernel/bootloader check; then
// altp2m and vmtrace_buf_kb for every type.
import { xenPaths } from '../host/paths';
import { listItem } from './accessors';
import { Bitmap } from './cpumap';
import {
  ALTP2M_MODE, BIOS_TYPE, defboolJson, enumFromString, setMemkb, setString, VIRIDIAN_ENLIGHTENMENT, type Json,
} from './libxl-json';
import type { ParseState } from './parse-state';
import { toInt32 } from './strtol';
import { isPrefixOf } from './xl-parse-domain';

const HVM_BELOW_4G_MMIO_START = 0xf0000000n;
const HVM_BELOW_4G_MMIO_LENGTH = (1n << 32n) - HVM_BELOW_4G_MMIO_START;
const VIRIDIAN_WIDTH = 64;

export function parseFirmwareByType(st: ParseState): void {
  if (st.type === 'hvm') parseHvmFirmware(st);
  else parsePvFirmware(st);
  parseAltp2m(st);
  const vmtrace = st.cfg.getLong('vmtrace_buf_kb', true);
  if (vmtrace.ok && vmtrace.value !== 0n) st.b.vmtrace_buf_kb = toInt32(vmtrace.value);
}

const basename = (p: string): string => {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? (p === '' ? '.' : '/') : trimmed.slice(trimmed.lastIndexOf('/') + 1);
};

function parseHvmFirmware(st: ParseState): void {
  const { cfg, b, u } = st;
  if (typeof b.kernel === 'string' && basename(b.kernel) === 'hvmloader') {
    st.warn('kernel', 'WARNING: you seem to be using "kernel" directive to override HVM guest firmware. Ignore that. Use "firmware_override" instead if you really want a non-default firmware', 'xl-kernel-hvmloader');
    delete b.kernel;
  }
  const fo = cfg.getString('firmware_override');
  if (fo.ok) setString(u, 'firmware', fo.value);
  const bpo = cfg.getString('bios_path_override');
  if (bpo.ok) setString(u, 'system_firmware', bpo.value);
  const bios = cfg.getString('bios');
  if (bios.ok) {
    const v = enumFromString(BIOS_TYPE, bios.value);
    if (v === null) st.fail('bios', `ERROR: invalid value "${bios.value}" for "bios"`, 1, 'xl-invalid-value');
    setBios(u, v);
  } else if (u.system_firmware !== undefined) {
    st.warn('bios_path_override', 'WARNING: bios_path_override given without specific bios name', 'xl-bios-path-without-bios');
  }

  for (const key of ['pae', 'acpi_s3', 'acpi_s4', 'acpi_laptop_slate', 'nx', 'hpet', 'vpt_align']) {
    const r = cfg.getDefbool(key);
    if (r.ok) u[key] = defboolJson(r.value);
  }
  const apic = cfg.getDefbool('apic');
  if (apic.ok) b.apic = defboolJson(apic.value);

  parseViridian(st);

  const hole = cfg.getLong('mmio_hole');
  if (hole.ok) {
    const memkb = BigInt.asUintN(64, hole.value * 1024n);
    setMemkb(u, 'mmio_hole_memkb', memkb);
    const size = BigInt.asUintN(64, memkb * 1024n);
    if (size < HVM_BELOW_4G_MMIO_LENGTH || size > HVM_BELOW_4G_MMIO_START) {
      st.fail('mmio_hole', `ERROR: invalid value ${hole.value} for "mmio_hole"`, 1, 'xl-invalid-value');
    }
  }

  const a2m = cfg.getDefbool('altp2mhvm');
  if (a2m.ok) {
    u.altp2m = defboolJson(a2m.value);
    st.warn('altp2mhvm', 'WARNING: Specifying "altp2mhvm" is deprecated. Please use "altp2m" instead.', 'xl-deprecated');
  }
  for (const key of ['smbios_firmware', 'acpi_firmware']) {
    const r = cfg.getString(key);
    if (r.ok) setString(u, key, r.value);
  }
  const genid = cfg.getString('ms_vm_genid');
  if (genid.ok && genid.value !== 'generate' && genid.value !== 'none') {
    st.fail('ms_vm_genid', 'ERROR: "ms_vm_genid" option must be "generate" or "none"', 1, 'xl-invalid-value');
  }
  // "generate" fills 16 random bytes; a static analysis cannot know them.

  const rdmb = cfg.getLong('rdm_mem_boundary');
  if (rdmb.ok) setMemkb(u, 'rdm_mem_boundary_memkb', rdmb.value * 1024n);

  const mca = cfg.getList('mca_caps', true);
  if (mca.ok) {
    let caps = 0;
    for (let i = 0; i < mca.value.items.length; i++) {
      const item = listItem(mca.value, i);
      if (item === null) st.crashOnNestedItem('mca_caps', mca.value.items[i]);
      if (item === 'lmce') caps |= 1;
      else st.failItem('mca_caps', mca.value.items[i], `ERROR: unrecognized MCA capability '${item}'.`, 3, 'xl-invalid-value');
    }
    if (caps) u.mca_caps = caps;
  } else if (mca.errno !== 'ESRCH') {
    st.fail('mca_caps', 'ERROR: unable to parse mca_caps.', 3, 'xl-invalid-value');
  }

  const fw = cfg.getString('firmware');
  if (fw.ok) {
    const v = enumFromString(BIOS_TYPE, fw.value);
    if (v !== null) setBios(u, v);
    else if (isPrefixOf(fw.value, 'uefi')) setBios(u, 3);
    else if (!isPrefixOf(fw.value, 'bios')) setString(u, 'firmware', fw.value);
  }
}

function setBios(u: Json, v: number): void {
  if (v === 0) delete u.bios;
  else u.bios = BIOS_TYPE[v as 1];
}

/** viridian: a list of enlightenments (all, defaults, [!]name) or a boolean. */
function parseViridian(st: ParseState): void {
  const { cfg, u } = st;
  const list = cfg.getList('viridian', true);
  if (list.ok) {
    const n = list.value.items.length;
    if (n === 0) return;
    const enable = new Bitmap(VIRIDIAN_WIDTH);
    const disable = new Bitmap(VIRIDIAN_WIDTH);
    for (let i = 0; i < n; i++) {
      let buf = listItem(list.value, i);
      if (buf === null) st.crashOnNestedItem('viridian', list.value.items[i]);
      if (buf === 'all') enable.setAny();
      else if (buf === 'defaults') u.viridian = defboolJson(true);
      else {
        let [s, r] = [enable, disable];
        if (buf.startsWith('!')) {
          [s, r] = [disable, enable];
          buf = buf.slice(1);
        }
        const v = enumFromString(VIRIDIAN_ENLIGHTENMENT, buf);
        if (v === null) st.failItem('viridian', list.value.items[i], `xl: unknown viridian enlightenment '${buf}'`, 3, 'xl-unknown-viridian');
        s.set(v);
        r.reset(v);
      }
    }
    if (!enable.isEmpty()) u.viridian_enable = enable.toJson();
    if (!disable.isEmpty()) u.viridian_disable = disable.toJson();
  } else if (list.errno === 'EINVAL') {
    const r = cfg.getDefbool('viridian', true);
    if (r.ok) u.viridian = defboolJson(r.value);
  }
}

function parsePvFirmware(st: ParseState): void {
  const { cfg, b } = st;
  const fw = cfg.getString('firmware');
  if (fw.ok) {
    if (b.kernel !== undefined) st.fail('firmware', 'ERROR: both kernel and firmware specified', 1, 'xl-kernel-and-firmware', ['kernel']);
    if (!isPrefixOf(fw.value, 'pvgrub32') && !isPrefixOf(fw.value, 'pvgrub64')) {
      st.fail('firmware', 'ERROR: only pvgrub{32|64} supported as firmware options', 1, 'xl-invalid-value');
    }
    // XENFIRMWAREDIR, fixed when xl is built: the release's own folder in Debian's packages.
    b.kernel = `${xenPaths(st.options.paths, st.options.xenVersion).firmwareDir}/${fw.value}.bin`;
  }
  if (b.bootloader === undefined && b.kernel === undefined) {
    st.fail(cfg.find('kernel') ? 'kernel' : 'type', 'Neither kernel nor bootloader specified', 1, 'xl-no-kernel');
  }
}

function parseAltp2m(st: ParseState): void {
  const { cfg, b } = st;
  const n = cfg.getLong('altp2m', true);
  if (n.ok) {
    if (n.value < 0n || n.value > 3n) st.fail('altp2m', `ERROR: invalid value ${n.value} for "altp2m"`, 1, 'xl-invalid-value');
    if (n.value !== 0n) b.altp2m = ALTP2M_MODE[Number(n.value) as 1];
    else delete b.altp2m;
    return;
  }
  const s = cfg.getString('altp2m');
  if (s.ok) {
    const v = enumFromString(ALTP2M_MODE, s.value);
    if (v === null) st.fail('altp2m', `ERROR: invalid value "${s.value}" for "altp2m"`, 1, 'xl-invalid-value');
    if (v) b.altp2m = ALTP2M_MODE[v as 1];
    else delete b.altp2m;
  }
}
