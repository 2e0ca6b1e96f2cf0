// The one way every later stage reads the domain config (libxl_domain_config as `xl -N create`
// prints it): the guest type, the typed create/build info structs, and one set of accessors.
//
// The JSON is libxl's generated *_to_json: a field equal to its IDL init value is absent; a
// libxl_defbool is "True"/"False" (absent, or "<default>", while unset); an enum is its name in
// lower case; integers and MemKB fields are JSON numbers; a libxl_string_list is an array of strings.
//
// The accessors only read. They work over the live object, so the defaults stage (which owns the
// config while libxl's setdefault fills it in, and writes with its own mutators in defaults/json.ts)
// reads through them too. For the structs declared here (c_info, b_info and its `type.hvm`,
// `type.pv`, `type.pvh` members, the vnc/sdl/spice/vga infos, disks, nics, vfbs and PCI devices) a
// key must be a field of the struct of the kind the accessor reads:
// `defbool(bInfo, 'dm_restrict')` compiles, `str(bInfo, 'dm_restrict')` and a misspelt key do not.
// The field lists are libxl_types.idl's (Xen 4.17, 4.20 and 4.22; test/service/model/domain-view.test.ts
// checks them against the IDL's facts in test/fixtures/reference/idl-domain-fields.json).
import type { GuestType } from './parse-state';
import type { Json } from './libxl-json';

export type { GuestType } from './parse-state';
export type { Json } from './libxl-json';

/** A struct's fields: JSON key -> its type in libxl_types.idl (`Array(T)` for an Array of T). */
type IdlFields = Readonly<Record<string, string>>;

// libxl_domain_create_info.
export const CREATE_INFO = {
  type: 'libxl_domain_type', hap: 'libxl_defbool', oos: 'libxl_defbool', ssidref: 'uint32',
  ssid_label: 'string', name: 'string', domid: 'libxl_domid', uuid: 'libxl_uuid',
  xsdata: 'libxl_key_value_list', platformdata: 'libxl_key_value_list', poolid: 'uint32',
  pool_name: 'string', run_hotplug_scripts: 'libxl_defbool', driver_domain: 'libxl_defbool',
  passthrough: 'libxl_passthrough', xend_suspend_evtchn_compat: 'libxl_defbool',
} as const satisfies IdlFields;

// libxl_domain_build_info, outside its `u` union (JSON: `type.hvm`, `type.pv`, `type.pvh`).
// From 4.20: llc_colors, bootloader_restrict, bootloader_user; from 4.22: altp2m_count,
// trap_unmapped_accesses, xenstore_feature_mask, xenstore_quota.
export const BUILD_INFO = {
  max_vcpus: 'integer', avail_vcpus: 'libxl_bitmap', cpumap: 'libxl_bitmap', nodemap: 'libxl_bitmap',
  vcpu_hard_affinity: 'Array(libxl_bitmap)', vcpu_soft_affinity: 'Array(libxl_bitmap)',
  numa_placement: 'libxl_defbool', tsc_mode: 'libxl_tsc_mode', max_memkb: 'MemKB', target_memkb: 'MemKB',
  video_memkb: 'MemKB', shadow_memkb: 'MemKB', iommu_memkb: 'MemKB', rtc_timeoffset: 'uint32',
  exec_ssidref: 'uint32', exec_ssid_label: 'string', localtime: 'libxl_defbool',
  disable_migrate: 'libxl_defbool', cpuid: 'libxl_cpuid_policy_list', blkdev_start: 'string',
  vnuma_nodes: 'Array(libxl_vnode_info)', max_grant_frames: 'uint32', max_maptrack_frames: 'uint32',
  max_grant_version: 'integer', device_model_version: 'libxl_device_model_version',
  device_model_stubdomain: 'libxl_defbool', stubdomain_memkb: 'MemKB', stubdomain_kernel: 'string',
  stubdomain_cmdline: 'string', stubdomain_ramdisk: 'string', device_model: 'string',
  device_model_ssidref: 'uint32', device_model_ssid_label: 'string', device_model_user: 'string',
  extra: 'libxl_string_list', extra_pv: 'libxl_string_list', extra_hvm: 'libxl_string_list',
  sched_params: 'libxl_domain_sched_params', ioports: 'Array(libxl_ioport_range)', irqs: 'Array(uint32)',
  iomem: 'Array(libxl_iomem_range)', claim_mode: 'libxl_defbool', event_channels: 'uint32', kernel: 'string',
  cmdline: 'string', ramdisk: 'string', device_tree: 'string', acpi: 'libxl_defbool', bootloader: 'string',
  bootloader_args: 'libxl_string_list', timer_mode: 'libxl_timer_mode', nested_hvm: 'libxl_defbool',
  apic: 'libxl_defbool', dm_restrict: 'libxl_defbool', tee: 'libxl_tee_type', altp2m: 'libxl_altp2m_mode',
  vmtrace_buf_kb: 'integer', vpmu: 'libxl_defbool', llc_colors: 'Array(uint32)',
  bootloader_restrict: 'libxl_defbool', bootloader_user: 'string', altp2m_count: 'uint32',
  trap_unmapped_accesses: 'libxl_defbool', xenstore_feature_mask: 'uint32', xenstore_quota: 'libxl_xs_quota_list',
} as const satisfies IdlFields;

// libxl_domain_build_info.u.hvm (JSON `type.hvm`); smbios and pirq from 4.20, xen_platform_pci_bar_uc
// from 4.22.
export const HVM_INFO = {
  firmware: 'string', bios: 'libxl_bios_type', pae: 'libxl_defbool', apic: 'libxl_defbool',
  acpi: 'libxl_defbool', acpi_s3: 'libxl_defbool', acpi_s4: 'libxl_defbool',
  acpi_laptop_slate: 'libxl_defbool', nx: 'libxl_defbool', viridian: 'libxl_defbool',
  viridian_enable: 'libxl_bitmap', viridian_disable: 'libxl_bitmap', timeoffset: 'string',
  hpet: 'libxl_defbool', vpt_align: 'libxl_defbool', mmio_hole_memkb: 'MemKB',
  timer_mode: 'libxl_timer_mode', nested_hvm: 'libxl_defbool', altp2m: 'libxl_defbool',
  system_firmware: 'string', smbios_firmware: 'string', acpi_firmware: 'string', hdtype: 'libxl_hdtype',
  nographic: 'libxl_defbool', vga: 'libxl_vga_interface_info', vnc: 'libxl_vnc_info', keymap: 'string',
  sdl: 'libxl_sdl_info', spice: 'libxl_spice_info', gfx_passthru: 'libxl_defbool',
  gfx_passthru_kind: 'libxl_gfx_passthru_kind', serial: 'string', boot: 'string', usb: 'libxl_defbool',
  usbversion: 'integer', usbdevice: 'string', vkb_device: 'libxl_defbool', soundhw: 'string',
  xen_platform_pci: 'libxl_defbool', usbdevice_list: 'libxl_string_list',
  vendor_device: 'libxl_vendor_device', ms_vm_genid: 'libxl_ms_vm_genid', serial_list: 'libxl_string_list',
  rdm: 'libxl_rdm_reserve', rdm_mem_boundary_memkb: 'MemKB', mca_caps: 'uint64',
  smbios: 'Array(libxl_smbios)', pirq: 'libxl_defbool', xen_platform_pci_bar_uc: 'libxl_defbool',
} as const satisfies IdlFields;

// libxl_domain_build_info.u.pv (JSON `type.pv`).
export const PV_INFO = {
  kernel: 'string', slack_memkb: 'MemKB', bootloader: 'string', bootloader_args: 'libxl_string_list',
  cmdline: 'string', ramdisk: 'string', features: 'string', e820_host: 'libxl_defbool',
} as const satisfies IdlFields;

// libxl_domain_build_info.u.pvh (JSON `type.pvh`).
export const PVH_INFO = {
  pvshim: 'libxl_defbool', pvshim_path: 'string', pvshim_cmdline: 'string', pvshim_extra: 'string',
} as const satisfies IdlFields;

// libxl_vnc_info.
export const VNC_INFO = {
  enable: 'libxl_defbool', listen: 'string', passwd: 'string', display: 'integer',
  findunused: 'libxl_defbool',
} as const satisfies IdlFields;

// libxl_sdl_info.
export const SDL_INFO = {
  enable: 'libxl_defbool', opengl: 'libxl_defbool', display: 'string', xauthority: 'string',
} as const satisfies IdlFields;

// libxl_spice_info.
export const SPICE_INFO = {
  enable: 'libxl_defbool', port: 'integer', tls_port: 'integer', host: 'string',
  disable_ticketing: 'libxl_defbool', passwd: 'string', agent_mouse: 'libxl_defbool',
  vdagent: 'libxl_defbool', clipboard_sharing: 'libxl_defbool', usbredirection: 'integer',
  image_compression: 'string', streaming_video: 'string',
} as const satisfies IdlFields;

// libxl_vga_interface_info.
export const VGA_INTERFACE_INFO = {
  kind: 'libxl_vga_interface_type',
} as const satisfies IdlFields;

// libxl_device_disk (JSON `disks`); grant_usage from 4.20.
export const DEVICE_DISK = {
  backend_domid: 'libxl_domid', backend_domname: 'string', pdev_path: 'string', vdev: 'string',
  backend: 'libxl_disk_backend', format: 'libxl_disk_format', script: 'string', removable: 'integer',
  readwrite: 'integer', is_cdrom: 'integer', direct_io_safe: 'bool', discard_enable: 'libxl_defbool',
  specification: 'libxl_disk_specification', transport: 'libxl_disk_transport', irq: 'uint32',
  base: 'uint64', colo_enable: 'libxl_defbool', colo_restore_enable: 'libxl_defbool', colo_host: 'string',
  colo_port: 'integer', colo_export: 'string', active_disk: 'string', hidden_disk: 'string',
  trusted: 'libxl_defbool', grant_usage: 'libxl_defbool',
} as const satisfies IdlFields;

// libxl_device_nic (JSON `nics`); vlan from 4.20.
export const DEVICE_NIC = {
  backend_domid: 'libxl_domid', backend_domname: 'string', devid: 'libxl_devid', mtu: 'integer',
  model: 'string', mac: 'libxl_mac', ip: 'string', bridge: 'string', ifname: 'string', script: 'string',
  nictype: 'libxl_nic_type', rate_bytes_per_interval: 'uint64', rate_interval_usecs: 'uint32',
  gatewaydev: 'string', coloft_forwarddev: 'string', colo_sock_mirror_id: 'string',
  colo_sock_mirror_ip: 'string', colo_sock_mirror_port: 'string', colo_sock_compare_pri_in_id: 'string',
  colo_sock_compare_pri_in_ip: 'string', colo_sock_compare_pri_in_port: 'string',
  colo_sock_compare_sec_in_id: 'string', colo_sock_compare_sec_in_ip: 'string',
  colo_sock_compare_sec_in_port: 'string', colo_sock_compare_notify_id: 'string',
  colo_sock_compare_notify_ip: 'string', colo_sock_compare_notify_port: 'string',
  colo_sock_redirector0_id: 'string', colo_sock_redirector0_ip: 'string',
  colo_sock_redirector0_port: 'string', colo_sock_redirector1_id: 'string',
  colo_sock_redirector1_ip: 'string', colo_sock_redirector1_port: 'string',
  colo_sock_redirector2_id: 'string', colo_sock_redirector2_ip: 'string',
  colo_sock_redirector2_port: 'string', colo_filter_mirror_queue: 'string',
  colo_filter_mirror_outdev: 'string', colo_filter_redirector0_queue: 'string',
  colo_filter_redirector0_indev: 'string', colo_filter_redirector0_outdev: 'string',
  colo_filter_redirector1_queue: 'string', colo_filter_redirector1_indev: 'string',
  colo_filter_redirector1_outdev: 'string', colo_compare_pri_in: 'string', colo_compare_sec_in: 'string',
  colo_compare_out: 'string', colo_compare_notify_dev: 'string', colo_sock_sec_redirector0_id: 'string',
  colo_sock_sec_redirector0_ip: 'string', colo_sock_sec_redirector0_port: 'string',
  colo_sock_sec_redirector1_id: 'string', colo_sock_sec_redirector1_ip: 'string',
  colo_sock_sec_redirector1_port: 'string', colo_filter_sec_redirector0_queue: 'string',
  colo_filter_sec_redirector0_indev: 'string', colo_filter_sec_redirector0_outdev: 'string',
  colo_filter_sec_redirector1_queue: 'string', colo_filter_sec_redirector1_indev: 'string',
  colo_filter_sec_redirector1_outdev: 'string', colo_filter_sec_rewriter0_queue: 'string',
  colo_checkpoint_host: 'string', colo_checkpoint_port: 'string', trusted: 'libxl_defbool', vlan: 'string',
} as const satisfies IdlFields;

// libxl_device_vfb (JSON `vfbs`).
export const DEVICE_VFB = {
  backend_domid: 'libxl_domid', backend_domname: 'string', devid: 'libxl_devid', vnc: 'libxl_vnc_info',
  sdl: 'libxl_sdl_info', keymap: 'string',
} as const satisfies IdlFields;

// libxl_device_pci (JSON `pcidevs`).
export const DEVICE_PCI = {
  func: 'uint8', dev: 'uint8', bus: 'uint8', domain: 'integer', vdevfn: 'uint32', vfunc_mask: 'uint32',
  msitranslate: 'bool', power_mgmt: 'bool', permissive: 'bool', seize: 'bool',
  rdm_policy: 'libxl_rdm_reserve_policy', name: 'string',
} as const satisfies IdlFields;

declare const FIELDS: unique symbol;
/** The JSON of a struct whose fields `F` are declared: the accessors take only its fields as keys. */
export type Struct<F extends IdlFields> = Json & { readonly [FIELDS]?: F };
export type CreateInfo = Struct<typeof CREATE_INFO>;
export type BuildInfo = Struct<typeof BUILD_INFO>;
export type HvmInfo = Struct<typeof HVM_INFO>;
export type PvInfo = Struct<typeof PV_INFO>;
export type PvhInfo = Struct<typeof PVH_INFO>;
export type Vnc = Struct<typeof VNC_INFO>;
export type Sdl = Struct<typeof SDL_INFO>;
export type Spice = Struct<typeof SPICE_INFO>;
export type Vga = Struct<typeof VGA_INTERFACE_INFO>;
export type Disk = Struct<typeof DEVICE_DISK>;
export type Nic = Struct<typeof DEVICE_NIC>;
export type Vfb = Struct<typeof DEVICE_VFB>;
export type Pci = Struct<typeof DEVICE_PCI>;

/** IDL types whose JSON is a string: strings, enums (by name), UUIDs and MACs. */
type StringType = 'string' | 'libxl_uuid' | 'libxl_ms_vm_genid' | 'libxl_mac' | 'libxl_domain_type' | 'libxl_tsc_mode'
  | 'libxl_device_model_version' | 'libxl_timer_mode' | 'libxl_tee_type' | 'libxl_altp2m_mode' | 'libxl_bios_type'
  | 'libxl_hdtype' | 'libxl_gfx_passthru_kind' | 'libxl_vendor_device' | 'libxl_passthrough' | 'libxl_nic_type'
  | 'libxl_disk_backend' | 'libxl_disk_format' | 'libxl_disk_specification' | 'libxl_disk_transport'
  | 'libxl_vga_interface_type' | 'libxl_rdm_reserve_policy';
/** IDL types whose JSON is a number. */
type IntegerType = 'integer' | 'uint8' | 'uint32' | 'uint64' | 'libxl_domid' | 'libxl_devid' | 'MemKB';
type ListType = `Array(${string})` | 'libxl_bitmap';

/** The keys of `R` read with str (strings and enums); any key when `R` is not a declared struct. */
export type StrKey<R> = KeyOf<R, StringType>;
/** The keys of `R` read with int or num. */
export type IntKey<R> = KeyOf<R, IntegerType>;

type FieldsOf<R> = R extends { readonly [FIELDS]?: infer F } ? F : unknown;
/** The keys of `R` of IDL types `T` when `R` is a declared struct; any key otherwise. */
export type KeyOf<R, T> = FieldsOf<R> extends IdlFields
  ? { [K in keyof FieldsOf<R>]: FieldsOf<R>[K] extends T ? K : never }[keyof FieldsOf<R>] & string
  : string;

type In = Readonly<Json>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string (or enum, by name) field: undefined when NULL. */
export function str<R extends In>(o: R, key: KeyOf<R, StringType>): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** A number field as it is written, undefined when absent. */
export function num<R extends In>(o: R, key: KeyOf<R, IntegerType>): number | undefined {
  return numberAt(o, key);
}

function numberAt(o: In, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** An integer field, read as libxl's init value 0 when absent. */
export function int<R extends In>(o: R, key: KeyOf<R, IntegerType>): number {
  return Math.trunc(numberAt(o, key) ?? 0);
}

/** A MemKB field: undefined while LIBXL_MEMKB_DEFAULT (absent). */
export function memkb<R extends In>(o: R, key: KeyOf<R, 'MemKB'>): number | undefined {
  const v = numberAt(o, key);
  return v === undefined ? undefined : Math.trunc(v);
}

/** A libxl_defbool: true, false, or undefined while still "<default>". */
export function defbool<R extends In>(o: R, key: KeyOf<R, 'libxl_defbool'>): boolean | undefined {
  return defboolAt(o, key);
}

function defboolAt(o: In, key: string): boolean | undefined {
  const v = o[key];
  if (v === 'True' || v === true) return true;
  if (v === 'False' || v === false) return false;
  return undefined;
}

/**
 * libxl_defbool_val: the value, which libxl asserts setdefault has decided; `unset` when it is still
 * "<default>" (false, or the value setdefault would have picked when the caller knows it).
 */
export function defboolVal<R extends In>(o: R, key: KeyOf<R, 'libxl_defbool'>, unset = false): boolean {
  return defboolAt(o, key) ?? unset;
}

/** An enum field by its name in lower case (libxl's JSON parser ignores case); `dflt` when unset. */
export function enumOf<R extends In>(o: R, key: KeyOf<R, StringType>, dflt: string): string {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : dflt;
}

/** An Array of structs: its objects (none when absent). */
export function list<R extends In>(o: R, key: KeyOf<R, ListType>): Json[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** A libxl_string_list: undefined when NULL. */
export function strList<R extends In>(o: R, key: KeyOf<R, 'libxl_string_list'>): string[] | undefined {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** A struct field (or a keyed union's member, `type.hvm`): its object, or an empty one (not attached). */
export function obj<R extends In>(o: R, key: string): Json {
  const v = o[key];
  return isObject(v) ? v : {};
}

/** libxl_domain_type from its JSON name (case ignored, as libxl__enum_from_string); undefined when not a type. */
export function guestTypeOf(cInfo: In): GuestType | undefined {
  const t = str(cInfo as CreateInfo, 'type')?.toLowerCase();
  return t === 'hvm' || t === 'pv' || t === 'pvh' ? t : undefined;
}

/** The top of a domain config, read-only, over the live object. */
export interface DomainView {
  readonly json: In;
  readonly cInfo: Readonly<CreateInfo>;
  readonly bInfo: Readonly<BuildInfo>;
  /** c_info.type; undefined when the config has no valid type (each caller says what it assumes then). */
  readonly type: GuestType | undefined;
  /** b_info.u.hvm (JSON `type.hvm`); empty unless the guest is HVM. */
  readonly hvm: Readonly<HvmInfo>;
}

/** The view of a libxl_domain_config JSON (anything else reads as an empty config). */
export function domainView(config: unknown): DomainView {
  const json: Json = isObject(config) ? config : {};
  const cInfo = obj(json, 'c_info');
  const bInfo = obj(json, 'b_info');
  const type = guestTypeOf(cInfo);
  return { json, cInfo, bInfo, type, hvm: type === 'hvm' ? obj(bInfo, 'type.hvm') : {} };
}

/** The guest type of a libxl_domain_config JSON (see domainView). */
export function guestType(config: unknown): GuestType | undefined {
  return isObject(config) && isObject(config.c_info) ? guestTypeOf(config.c_info) : undefined;
}
