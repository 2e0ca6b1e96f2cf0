// What libxl_dm.c reads of the resolved `libxl_domain_config` JSON, over model/domain-view.ts (the
// typed structs and the one set of accessors every stage reads with). Absent fields read as libxl's
// init values (0, NULL); defbools that setdefault would have decided read as the value it picks.
import type { ResolvedConfig } from './types';
import {
  defboolVal, domainView, int, list, str, obj,
  type BuildInfo, type CreateInfo, type Disk, type GuestType, type HvmInfo, type Json, type Nic, type Pci,
  type Sdl, type StrKey, type Vfb, type Vnc,
} from '../model/domain-view';

export type { Json } from '../model/domain-view';

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

/** libxl_vnc_info (`o`: the struct's JSON). */
export function vncInfo(o: Readonly<Vnc>, enableDefault: boolean): VncInfo {
  return {
    enable: defboolVal(o, 'enable', enableDefault),
    listen: str(o, 'listen'),
    passwd: str(o, 'passwd'),
    display: int(o, 'display'),
    findunused: defboolVal(o, 'findunused', true),
  };
}

/** libxl_sdl_info (`o`: the struct's JSON). */
export function sdlInfo(o: Readonly<Sdl>): SdlInfo {
  return { enable: defboolVal(o, 'enable'), opengl: defboolVal(o, 'opengl'), display: str(o, 'display'), xauthority: str(o, 'xauthority') };
}

/** What the builders read of a domain config: domain-view.ts's view, with the device lists libxl_dm.c walks. */
export interface DmView {
  readonly c: Readonly<CreateInfo>;
  readonly b: Readonly<BuildInfo>;
  /** `b_info.u.hvm` (JSON key `type.hvm`); empty for PV/PVH. */
  readonly hvm: Readonly<HvmInfo>;
  readonly type: GuestType;
  readonly name?: string;
  readonly stubdomain: boolean;
  readonly dmRestrict: boolean;
  readonly disks: Disk[];
  readonly nics: Nic[];
  readonly vfbs: Vfb[];
  readonly channels: Json[];
  readonly pcidevs: Pci[];
  /** NICs whose MAC libxl generated (no `mac=` given). */
  readonly generatedMacs: ReadonlySet<Json>;
}

/** `generated`: JSON pointers of values libxl made up, e.g. `/nics/0/mac`. */
export function dmView(config: ResolvedConfig, generated: readonly { readonly pointer: string }[] = []): DmView {
  const v = domainView(config);
  const c = v.cInfo;
  const b = v.bInfo;
  // A config without a valid type is read as HVM's (libxl refuses it before the device model).
  const type: GuestType = v.type ?? 'hvm';
  const nics = list(config, 'nics');
  const generatedMacs = new Set<Json>();
  for (const g of generated) {
    const m = /^\/nics\/(\d+)\/mac$/.exec(g.pointer);
    const nic = m ? nics[Number(m[1])] : undefined;
    if (nic) generatedMacs.add(nic);
  }
  return {
    c, b, type, generatedMacs,
    hvm: type === 'hvm' ? obj(b, 'type.hvm') : {},
    name: str(c, 'name'),
    stubdomain: defboolVal(b, 'device_model_stubdomain'),
    dmRestrict: defboolVal(b, 'dm_restrict'),
    disks: list(config, 'disks'),
    nics,
    vfbs: list(config, 'vfbs'),
    channels: list(config, 'channels'),
    pcidevs: list(config, 'pcidevs'),
  };
}

/** libxl__dm_vnc: HVM's own vnc, else the first vfb's; only when enabled. */
export function dmVnc(d: DmView): VncInfo | undefined {
  let vnc: VncInfo | undefined;
  if (d.type === 'hvm') vnc = vncInfo(obj(d.hvm, 'vnc'), true);
  else if (d.vfbs.length > 0) vnc = vncInfo(obj(d.vfbs[0]!, 'vnc'), true);
  return vnc?.enable ? vnc : undefined;
}

/** dm_sdl: same choice for SDL. */
export function dmSdl(d: DmView): SdlInfo | undefined {
  let sdl: SdlInfo | undefined;
  if (d.type === 'hvm') sdl = sdlInfo(obj(d.hvm, 'sdl'));
  else if (d.vfbs.length > 0) sdl = sdlInfo(obj(d.vfbs[0]!, 'sdl'));
  return sdl?.enable ? sdl : undefined;
}

/** dm_keymap: HVM's keymap, else the first vfb's. */
export function dmKeymap(d: DmView): string | undefined {
  if (d.type === 'hvm') return str(d.hvm, 'keymap');
  if (d.vfbs.length > 0) return str(d.vfbs[0]!, 'keymap');
  return undefined;
}

/** libxl__acpi_defbool_val: both the generic and the (deprecated) HVM acpi flag. */
export function acpiEnabled(d: DmView): boolean {
  return defboolVal(d.b, 'acpi', true) && defboolVal(d.hvm, 'acpi', true);
}

/** The vCPUs set in `avail_vcpus` (JSON: the list of set bit indexes). */
export function availVcpus(b: Readonly<BuildInfo>): number[] {
  const v = b.avail_vcpus;
  if (!Array.isArray(v)) return [];
  return v.map((n) => (typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : 0)).filter((n) => n >= 0);
}

/** A string field as glibc's printf("%s") shows it: `(null)` for a NULL pointer (a field not set). */
export function cstr<R extends Readonly<Json>>(o: R, key: StrKey<R>): string {
  return str(o, key) ?? '(null)';
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
