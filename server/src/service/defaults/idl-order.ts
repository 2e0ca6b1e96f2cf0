// Mirrors the field order of tools/libs/light/libxl_types.idl (Xen 4.17) for the structs reachable
// from libxl_domain_config, so that a resolved config prints in the order libxl's generated
// *_to_json writes it (a keyed union appears as `KEYVAR.VARIANT` at the union's place).
// Generated from the IDL at RELEASE-4.17.7 with Xen's own IDL reader; a field is a name, or
// [name, struct] when its value (or each array element) is one of these structs.
import { isObject, type Json } from '../model/domain-view';

type Field = string | readonly [string, string];

const IDL_STRUCTS: Readonly<Record<string, readonly Field[]>> = {
  'libxl_connector_param': ['unique_id', 'width', 'height'],
  'libxl_device_channel': [
    'backend_domid', 'backend_domname', 'devid', 'name',
    ['connection.socket', 'libxl_device_channel.socket'],
  ],
  'libxl_device_channel.socket': ['path'],
  'libxl_device_disk': [
    'backend_domid', 'backend_domname', 'pdev_path', 'vdev', 'backend', 'format', 'script', 'removable',
    'readwrite', 'is_cdrom', 'direct_io_safe', 'discard_enable', 'specification', 'transport', 'irq',
    'base', 'colo_enable', 'colo_restore_enable', 'colo_host', 'colo_port', 'colo_export', 'active_disk',
    'hidden_disk', 'trusted',
  ],
  'libxl_device_dtdev': ['path'],
  'libxl_device_nic': [
    'backend_domid', 'backend_domname', 'devid', 'mtu', 'model', 'mac', 'ip', 'bridge', 'ifname', 'script',
    'nictype', 'rate_bytes_per_interval', 'rate_interval_usecs', 'gatewaydev', 'coloft_forwarddev',
    'colo_sock_mirror_id', 'colo_sock_mirror_ip', 'colo_sock_mirror_port', 'colo_sock_compare_pri_in_id',
    'colo_sock_compare_pri_in_ip', 'colo_sock_compare_pri_in_port', 'colo_sock_compare_sec_in_id',
    'colo_sock_compare_sec_in_ip', 'colo_sock_compare_sec_in_port', 'colo_sock_compare_notify_id',
    'colo_sock_compare_notify_ip', 'colo_sock_compare_notify_port', 'colo_sock_redirector0_id',
    'colo_sock_redirector0_ip', 'colo_sock_redirector0_port', 'colo_sock_redirector1_id',
    'colo_sock_redirector1_ip', 'colo_sock_redirector1_port', 'colo_sock_redirector2_id',
    'colo_sock_redirector2_ip', 'colo_sock_redirector2_port', 'colo_filter_mirror_queue',
    'colo_filter_mirror_outdev', 'colo_filter_redirector0_queue', 'colo_filter_redirector0_indev',
    'colo_filter_redirector0_outdev', 'colo_filter_redirector1_queue', 'colo_filter_redirector1_indev',
    'colo_filter_redirector1_outdev', 'colo_compare_pri_in', 'colo_compare_sec_in', 'colo_compare_out',
    'colo_compare_notify_dev', 'colo_sock_sec_redirector0_id', 'colo_sock_sec_redirector0_ip',
    'colo_sock_sec_redirector0_port', 'colo_sock_sec_redirector1_id', 'colo_sock_sec_redirector1_ip',
    'colo_sock_sec_redirector1_port', 'colo_filter_sec_redirector0_queue',
    'colo_filter_sec_redirector0_indev', 'colo_filter_sec_redirector0_outdev',
    'colo_filter_sec_redirector1_queue', 'colo_filter_sec_redirector1_indev',
    'colo_filter_sec_redirector1_outdev', 'colo_filter_sec_rewriter0_queue', 'colo_checkpoint_host',
    'colo_checkpoint_port', 'trusted',
  ],
  'libxl_device_p9': ['backend_domid', 'backend_domname', 'tag', 'path', 'security_model', 'devid'],
  'libxl_device_pci': [
    'func', 'dev', 'bus', 'domain', 'vdevfn', 'vfunc_mask', 'msitranslate', 'power_mgmt', 'permissive',
    'seize', 'rdm_policy', 'name',
  ],
  'libxl_device_pvcallsif': ['backend_domid', 'backend_domname', 'devid'],
  'libxl_device_rdm': ['start', 'size', 'policy'],
  'libxl_device_usbctrl': ['type', 'devid', 'version', 'ports', 'backend_domid', 'backend_domname'],
  'libxl_device_usbdev': ['ctrl', 'port', ['type.hostdev', 'libxl_device_usbdev.hostdev']],
  'libxl_device_usbdev.hostdev': ['hostbus', 'hostaddr'],
  'libxl_device_vdispl': [
    'backend_domid', 'backend_domname', 'devid', 'be_alloc', ['connectors', 'libxl_connector_param'],
  ],
  'libxl_device_vfb': [
    'backend_domid', 'backend_domname', 'devid', ['vnc', 'libxl_vnc_info'], ['sdl', 'libxl_sdl_info'],
    'keymap',
  ],
  'libxl_device_vkb': [
    'backend_domid', 'backend_domname', 'devid', 'backend_type', 'unique_id', 'feature_disable_keyboard',
    'feature_disable_pointer', 'feature_abs_pointer', 'feature_raw_pointer', 'feature_multi_touch',
    'width', 'height', 'multi_touch_width', 'multi_touch_height', 'multi_touch_num_contacts',
  ],
  'libxl_device_vsnd': [
    'backend_domid', 'backend_domname', 'devid', 'short_name', 'long_name',
    ['params', 'libxl_vsnd_params'], ['pcms', 'libxl_vsnd_pcm'],
  ],
  'libxl_device_vtpm': ['backend_domid', 'backend_domname', 'devid', 'uuid'],
  'libxl_domain_build_info': [
    'max_vcpus', 'avail_vcpus', 'cpumap', 'nodemap', 'vcpu_hard_affinity', 'vcpu_soft_affinity',
    'numa_placement', 'tsc_mode', 'max_memkb', 'target_memkb', 'video_memkb', 'shadow_memkb',
    'iommu_memkb', 'rtc_timeoffset', 'exec_ssidref', 'exec_ssid_label', 'localtime', 'disable_migrate',
    'cpuid', 'blkdev_start', ['vnuma_nodes', 'libxl_vnode_info'], 'max_grant_frames',
    'max_maptrack_frames', 'max_grant_version', 'device_model_version', 'device_model_stubdomain',
    'stubdomain_memkb', 'stubdomain_kernel', 'stubdomain_cmdline', 'stubdomain_ramdisk', 'device_model',
    'device_model_ssidref', 'device_model_ssid_label', 'device_model_user', 'extra', 'extra_pv',
    'extra_hvm', ['sched_params', 'libxl_domain_sched_params'], ['ioports', 'libxl_ioport_range'], 'irqs',
    ['iomem', 'libxl_iomem_range'], 'claim_mode', 'event_channels', 'kernel', 'cmdline', 'ramdisk',
    'device_tree', 'acpi', 'bootloader', 'bootloader_args', 'timer_mode', 'nested_hvm', 'apic',
    'dm_restrict', 'tee', ['type.hvm', 'libxl_domain_build_info.hvm'],
    ['type.pv', 'libxl_domain_build_info.pv'], ['type.pvh', 'libxl_domain_build_info.pvh'],
    ['arch_arm', 'libxl_domain_build_info.arch_arm'], ['arch_x86', 'libxl_domain_build_info.arch_x86'],
    'altp2m', 'vmtrace_buf_kb', 'vpmu',
  ],
  'libxl_domain_build_info.arch_arm': ['gic_version', 'vuart'],
  'libxl_domain_build_info.arch_x86': ['msr_relaxed'],
  'libxl_domain_build_info.hvm': [
    'firmware', 'bios', 'pae', 'apic', 'acpi', 'acpi_s3', 'acpi_s4', 'acpi_laptop_slate', 'nx', 'viridian',
    'viridian_enable', 'viridian_disable', 'timeoffset', 'hpet', 'vpt_align', 'mmio_hole_memkb',
    'timer_mode', 'nested_hvm', 'altp2m', 'system_firmware', 'smbios_firmware', 'acpi_firmware', 'hdtype',
    'nographic', ['vga', 'libxl_vga_interface_info'], ['vnc', 'libxl_vnc_info'], 'keymap',
    ['sdl', 'libxl_sdl_info'], ['spice', 'libxl_spice_info'], 'gfx_passthru', 'gfx_passthru_kind',
    'serial', 'boot', 'usb', 'usbversion', 'usbdevice', 'vkb_device', 'soundhw', 'xen_platform_pci',
    'usbdevice_list', 'vendor_device', 'ms_vm_genid', 'serial_list', ['rdm', 'libxl_rdm_reserve'],
    'rdm_mem_boundary_memkb', 'mca_caps',
  ],
  'libxl_domain_build_info.pv': [
    'kernel', 'slack_memkb', 'bootloader', 'bootloader_args', 'cmdline', 'ramdisk', 'features',
    'e820_host',
  ],
  'libxl_domain_build_info.pvh': ['pvshim', 'pvshim_path', 'pvshim_cmdline', 'pvshim_extra'],
  'libxl_domain_config': [
    ['c_info', 'libxl_domain_create_info'], ['b_info', 'libxl_domain_build_info'],
    ['disks', 'libxl_device_disk'], ['nics', 'libxl_device_nic'], ['pcidevs', 'libxl_device_pci'],
    ['rdms', 'libxl_device_rdm'], ['dtdevs', 'libxl_device_dtdev'], ['vfbs', 'libxl_device_vfb'],
    ['vkbs', 'libxl_device_vkb'], ['vtpms', 'libxl_device_vtpm'], ['p9s', 'libxl_device_p9'],
    ['pvcallsifs', 'libxl_device_pvcallsif'], ['vdispls', 'libxl_device_vdispl'],
    ['vsnds', 'libxl_device_vsnd'], ['channels', 'libxl_device_channel'],
    ['usbctrls', 'libxl_device_usbctrl'], ['usbdevs', 'libxl_device_usbdev'], 'on_poweroff', 'on_reboot',
    'on_watchdog', 'on_crash', 'on_soft_reset',
  ],
  'libxl_domain_create_info': [
    'type', 'hap', 'oos', 'ssidref', 'ssid_label', 'name', 'domid', 'uuid', 'xsdata', 'platformdata',
    'poolid', 'pool_name', 'run_hotplug_scripts', 'driver_domain', 'passthrough',
    'xend_suspend_evtchn_compat',
  ],
  'libxl_domain_sched_params': [
    'sched', 'weight', 'cap', 'period', 'budget', 'extratime', 'slice', 'latency',
  ],
  'libxl_iomem_range': ['start', 'number', 'gfn'],
  'libxl_ioport_range': ['first', 'number'],
  'libxl_rdm_reserve': ['strategy', 'policy'],
  'libxl_sdl_info': ['enable', 'opengl', 'display', 'xauthority'],
  'libxl_spice_info': [
    'enable', 'port', 'tls_port', 'host', 'disable_ticketing', 'passwd', 'agent_mouse', 'vdagent',
    'clipboard_sharing', 'usbredirection', 'image_compression', 'streaming_video',
  ],
  'libxl_vga_interface_info': ['kind'],
  'libxl_vnc_info': ['enable', 'listen', 'passwd', 'display', 'findunused'],
  'libxl_vnode_info': ['memkb', 'distances', 'pnode', 'vcpus'],
  'libxl_vsnd_params': ['sample_rates', 'sample_formats', 'channels_min', 'channels_max', 'buffer_size'],
  'libxl_vsnd_pcm': ['name', ['params', 'libxl_vsnd_params'], ['streams', 'libxl_vsnd_stream']],
  'libxl_vsnd_stream': ['unique_id', 'type', ['params', 'libxl_vsnd_params']],
};

/** The config with every object's keys in IDL order (unknown keys keep their order, at the end). */
export function orderLikeLibxl(config: Json): Json {
  return orderStruct(config, 'libxl_domain_config');
}

/** A struct's fields: their names, their child structs, each name's place (built on first use). */
interface Order {
  readonly names: readonly string[];
  readonly children: readonly (string | undefined)[];
  readonly place: ReadonlyMap<string, number>;
}
const ORDERS = new Map<string, Order | null>();
function orderOf(struct: string): Order | null {
  let o = ORDERS.get(struct);
  if (o === undefined) {
    const fields = IDL_STRUCTS[struct];
    o = fields ? {
      names: fields.map((f) => (typeof f === 'string' ? f : f[0])),
      children: fields.map((f) => (typeof f === 'string' ? undefined : f[1])),
      place: new Map(fields.map((f, i) => [typeof f === 'string' ? f : f[0], i])),
    } : null;
    ORDERS.set(struct, o);
  }
  return o;
}

/**
 * The object's own keys that are fields go first, in field order; the others follow in their order.
 * (An object holds a few of its struct's many fields: its keys are looked up, not the fields.)
 */
function orderStruct(value: Json, struct: string): Json {
  const order = orderOf(struct);
  if (!order) return value;
  const keys = Object.keys(value);
  const places: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const p = order.place.get(keys[i]!);
    if (p === undefined) continue;
    // Insertion in place order: a few dozen at most, most already in order.
    let j = places.length;
    places.push(p);
    for (; j > 0 && places[j - 1]! > p; j--) places[j] = places[j - 1]!;
    places[j] = p;
  }
  const out: Json = {};
  for (let i = 0; i < places.length; i++) {
    const name = order.names[places[i]!]!;
    const v = value[name];
    const child = order.children[places[i]!];
    out[name] = child === undefined ? v
      : Array.isArray(v) ? v.map((e) => (isObject(e) ? orderStruct(e, child) : e))
      : isObject(v) ? orderStruct(v, child) : v;
  }
  if (places.length < keys.length) for (const k of keys) if (!(k in out)) out[k] = value[k];
  return out;
}
