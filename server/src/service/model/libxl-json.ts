// Mirrors the to-JSON code libxl generates from tools/libs/light/libxl_types.idl (Xen 4.17), as
// `xl -N create` prints it: a field is printed only when it differs from its IDL init value
// (defbools when set, strings when non-NULL, lists when non-empty); structs are always printed.

export type Json = Record<string, unknown>;

/** ~0ULL, libxl's "not set" for MemKB fields. */
export const MEMKB_DEFAULT = (1n << 64n) - 1n;

/** A libxl_defbool as libxl's JSON writes it (reading one: domain-view.ts's defbool). */
export const defboolJson = (b: boolean): string => (b ? 'True' : 'False');

/** An integer field: omitted when equal to its init value. */
export function setInt(o: Json, key: string, v: number, init = 0): void {
  if (v === init) delete o[key];
  else o[key] = v;
}

/** A MemKB field (uint64): omitted when it is LIBXL_MEMKB_DEFAULT. */
export function setMemkb(o: Json, key: string, v: bigint): void {
  const u = BigInt.asUintN(64, v);
  if (u === MEMKB_DEFAULT) delete o[key];
  else o[key] = Number(u);
}

/** A string field: printed whenever set (even empty). */
export function setString(o: Json, key: string, v: string | null | undefined): void {
  if (v === null || v === undefined) delete o[key];
  else o[key] = v;
}

/** A string list: printed when non-empty. */
export function setStringList(o: Json, key: string, v: readonly string[]): void {
  if (v.length === 0) delete o[key];
  else o[key] = [...v];
}

/** Child struct that is always printed. */
export function struct(o: Json, key: string): Json {
  const v = o[key];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  const n: Json = {};
  o[key] = n;
  return n;
}

/** libxl__enum_from_string: case-insensitive match on the enum's names. */
export function enumFromString(e: Readonly<Record<number, string>>, s: string): number | null {
  const lower = s.toLowerCase();
  for (const [k, name] of Object.entries(e)) if (name.toLowerCase() === lower) return Number(k);
  return null;
}

// Enumerations xl reads by name (values as in libxl_types.idl, Xen 4.17).
export const TSC_MODE = { 0: 'default', 1: 'always_emulate', 2: 'native', 3: 'native_paravirt' } as const;
export const TIMER_MODE = {
  [-1]: 'unknown', 0: 'delay_for_missed_ticks', 1: 'no_delay_for_missed_ticks',
  2: 'no_missed_ticks_pending', 3: 'one_missed_tick_pending',
} as const;
export const BIOS_TYPE = { 0: 'unknown', 1: 'rombios', 2: 'seabios', 3: 'ovmf' } as const;
export const HDTYPE = { 1: 'ide', 2: 'ahci' } as const;
export const GFX_PASSTHRU_KIND = { 0: 'default', 1: 'igd' } as const;
export const VENDOR_DEVICE = { 0: 'none', 1: 'xenserver' } as const;
export const ALTP2M_MODE = { 0: 'disabled', 1: 'mixed', 2: 'external', 3: 'limited' } as const;
export const PASSTHROUGH = { 0: 'default', 1: 'disabled', 2: 'enabled', 3: 'sync_pt', 4: 'share_pt' } as const;
export const VUART_TYPE = { 0: 'unknown', 1: 'sbsa_uart' } as const;
export const GIC_VERSION = { 0: 'default', 0x20: 'v2', 0x30: 'v3' } as const;
export const TEE_TYPE = { 0: 'none', 1: 'optee' } as const;
export const VIRIDIAN_ENLIGHTENMENT = {
  0: 'base', 1: 'freq', 2: 'time_ref_count', 3: 'reference_tsc', 4: 'hcall_remote_tlb_flush',
  5: 'apic_assist', 6: 'crash_ctl', 7: 'synic', 8: 'stimer', 9: 'hcall_ipi',
  10: 'ex_processor_masks', 11: 'no_vp_limit', 12: 'cpu_hotplug',
} as const;
export const ACTION_ON_SHUTDOWN = {
  1: 'destroy', 2: 'restart', 3: 'restart_rename', 4: 'preserve', 5: 'coredump_destroy',
  6: 'coredump_restart', 7: 'soft_reset',
} as const;
