// Mirrors the parts of libxl_types.idl (Xen 4.17) that libxl_dm.c reads, as typed read-only views
// over the resolved `libxl_domain_config` JSON. Absent fields read as libxl's init values (0, NULL);
// defbools that setdefault would have decided read as the value setdefault picks.
import type { ResolvedConfig } from './types';
import { guestTypeOf } from '../model/domain-view';

export type Json = Record<string, unknown>;

export function obj(v: unknown): Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

export function arr(v: unknown): Json[] {
  return Array.isArray(v) ? v.map(obj) : [];
}

/** A libxl string: NULL reads as undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A libxl integer; JSON numbers, or decimal strings as some generators write 64-bit values. */
export function int(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number.parseInt(v, 10);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

/** A libxl_defbool: "True"/"False" in libxl's JSON; `dflt` when still at its default. */
export function defbool(v: unknown, dflt: boolean): boolean {
  if (v === true || v === 'True' || v === 'true') return true;
  if (v === false || v === 'False' || v === 'false') return false;
  return dflt;
}

/** A libxl_string_list (NULL-terminated array): undefined when NULL. */
export function strList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter((x): x is string => typeof x === 'string');
}

/** A libxl enum value in its JSON spelling, lower case. */
export function enumOf(v: unknown, dflt: string): string {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : dflt;
}

export type DomainType = 'hvm' | 'pv' | 'pvh';

export interface VncInfo {
  enable: boolean;
  listen?: string;
  passwd?: string;
  display: number;
  findunused: boolean;
}

export interface SdlInfo {
  enable: boolean;
  opengl: boolean;
  display?: string;
  xauthority?: string;
}

export function vncInfo(v: unknown, enableDefault: boolean): VncInfo {
  const o = obj(v);
  return {
    enable: defbool(o.enable, enableDefault),
    listen: str(o.listen),
    passwd: str(o.passwd),
    display: int(o.display),
    findunused: defbool(o.findunused, true),
  };
}

export function sdlInfo(v: unknown): SdlInfo {
  const o = obj(v);
  return { enable: defbool(o.enable, false), opengl: defbool(o.opengl, false), display: str(o.display), xauthority: str(o.xauthority) };
}

/** The top-level pieces of a domain config the builders share. */
export interface DomainView {
  readonly c: Json;
  readonly b: Json;
  /** `b_info.u.hvm` (JSON key `type.hvm`); empty for PV/PVH. */
  readonly hvm: Json;
  readonly type: DomainType;
  readonly name?: string;
  readonly stubdomain: boolean;
  readonly dmRestrict: boolean;
  readonly disks: Json[];
  readonly nics: Json[];
  readonly vfbs: Json[];
  readonly channels: Json[];
  readonly pcidevs: Json[];
  /** NICs whose MAC libxl generated (no `mac=` given). */
  readonly generatedMacs: ReadonlySet<Json>;
}

/** `generated`: JSON pointers of values libxl made up, e.g. `/nics/0/mac`. */
export function domainView(config: ResolvedConfig, generated: readonly { readonly pointer: string }[] = []): DomainView {
  const c = obj(config.c_info);
  const b = obj(config.b_info);
  // A config without a valid type is read as HVM's (libxl refuses it before the device model).
  const type: DomainType = guestTypeOf(c) ?? 'hvm';
  const nics = arr(config.nics);
  const generatedMacs = new Set<Json>();
  for (const g of generated) {
    const m = /^\/nics\/(\d+)\/mac$/.exec(g.pointer);
    const nic = m ? nics[Number(m[1])] : undefined;
    if (nic) generatedMacs.add(nic);
  }
  return {
    c, b, type, generatedMacs,
    hvm: type === 'hvm' ? obj(b['type.hvm']) : {},
    name: str(c.name),
    stubdomain: defbool(b.device_model_stubdomain, false),
    dmRestrict: defbool(b.dm_restrict, false),
    disks: arr(config.disks),
    nics,
    vfbs: arr(config.vfbs),
    channels: arr(config.channels),
    pcidevs: arr(config.pcidevs),
  };
}

/** libxl__dm_vnc: HVM's own vnc, else the first vfb's; only when enabled. */
export function dmVnc(d: DomainView): VncInfo | undefined {
  let vnc: VncInfo | undefined;
  if (d.type === 'hvm') vnc = vncInfo(d.hvm.vnc, true);
  else if (d.vfbs.length > 0) vnc = vncInfo(d.vfbs[0]!.vnc, true);
  return vnc?.enable ? vnc : undefined;
}

/** dm_sdl: same choice for SDL. */
export function dmSdl(d: DomainView): SdlInfo | undefined {
  let sdl: SdlInfo | undefined;
  if (d.type === 'hvm') sdl = sdlInfo(d.hvm.sdl);
  else if (d.vfbs.length > 0) sdl = sdlInfo(d.vfbs[0]!.sdl);
  return sdl?.enable ? sdl : undefined;
}

/** dm_keymap: HVM's keymap, else the first vfb's. */
export function dmKeymap(d: DomainView): string | undefined {
  if (d.type === 'hvm') return str(d.hvm.keymap);
  if (d.vfbs.length > 0) return str(d.vfbs[0]!.keymap);
  return undefined;
}

/** libxl__acpi_defbool_val: both the generic and the (deprecated) HVM acpi flag. */
export function acpiEnabled(d: DomainView): boolean {
  return defbool(d.b.acpi, true) && defbool(d.hvm.acpi, true);
}

/** The vCPUs set in `avail_vcpus` (JSON: the list of set bit indexes). */
export function availVcpus(b: Json): number[] {
  const v = b.avail_vcpus;
  if (!Array.isArray(v)) return [];
  return v.map(int).filter((n) => n >= 0);
}

/** A string as glibc's printf("%s") shows it: `(null)` for a NULL pointer (a field not set). */
export function cstr(v: unknown): string {
  return str(v) ?? '(null)';
}

/** The value a C `uint32_t` holds after assigning `n` (an integer) to it. */
export function asUint32(n: number): number {
  return Number(BigInt.asUintN(32, BigInt(Math.trunc(n))));
}

/**
 * libxl__sizekb_to_mb: KiB to MiB, rounded up, in libxl's `uint32_t` arithmetic: the argument is
 * truncated to 32 bits and `kb + 1023` wraps (so `-m` of a guest with more than 4 TiB, or with more
 * video memory than RAM, is what libxl really passes, not the true difference).
 */
export function sizekbToMb(kb: number): number {
  return Math.floor(asUint32(asUint32(kb) + 1023) / 1024);
}
