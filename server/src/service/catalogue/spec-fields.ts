// The items each device spec string understands (libxlutil's and xl's spec parsers, Xen 4.17 to
// 4.22), with the enumerated values where there are some. Names only; hover lists them and
// completion inside spec strings can offer them. Fields limited to some releases: spec-field-gates.ts.

export interface SpecField {
  readonly name: string;
  readonly values?: readonly string[];
  /** A bare word (no `=VALUE`), e.g. `cdrom` or `discard`. */
  readonly flag?: boolean;
}

const f = (name: string, ...values: string[]): SpecField => (values.length ? { name, values } : { name });
const flag = (name: string): SpecField => ({ name, flag: true });

export const SPEC_FIELDS: Readonly<Record<string, readonly SpecField[]>> = {
  disk: [
    f('target'), f('format', 'raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty'), f('vdev'), f('access', 'r', 'ro', 'rw', 'w'),
    f('devtype', 'disk', 'cdrom'), flag('cdrom'), f('backend'), f('backendtype', 'phy', 'tap', 'qdisk', 'standalone'),
    f('script'), flag('direct-io-safe'), flag('discard'), flag('no-discard'), flag('trusted'), flag('untrusted'),
    f('specification', 'xen', 'virtio'), f('grant_usage', '0', '1'), flag('colo'), flag('no-colo'), f('colo-host'),
    f('colo-port'), f('colo-export'), f('active-disk'), f('hidden-disk'),
  ],
  vif: [
    f('mac'), f('bridge'), f('gatewaydev'), f('netdev'), f('ip'), f('script'), f('backend'), f('vifname'), f('model'),
    f('rate'), f('type', 'vif', 'ioemu'), f('devid'), f('mtu'), f('vlan'), f('accel'), flag('trusted'), flag('untrusted'),
  ],
  vtpm: [f('backend'), f('uuid')],
  p9: [f('tag'), f('security_model', 'none'), f('path'), f('backend'), f('type', 'qemu', 'xen_9pfsd'), f('max-files'),
    f('max-open-files'), f('max-space'), f('auto-delete', '0', '1')],
  pvcalls: [f('backend')],
  vfb: [f('vnc', '0', '1'), f('vnclisten'), f('vncdisplay'), f('vncunused', '0', '1'), f('vncpasswd'), f('sdl', '0', '1'),
    f('display'), f('xauthority'), f('opengl', '0', '1'), f('keymap')],
  channel: [f('backend'), f('name'), f('connection', 'pty', 'socket'), f('path')],
  rdm: [f('strategy', 'host'), f('policy', 'strict', 'relaxed')],
  usbctrl: [f('type', 'auto', 'pv', 'qusb', 'devicemodel'), f('version', '1', '2', '3'), f('ports')],
  usbdev: [f('type', 'hostdev'), f('hostbus'), f('hostaddr'), f('controller'), f('port')],
  pci: [f('bdf'), f('vslot'), f('permissive', '0', '1'), f('msitranslate', '0', '1'), f('seize', '0', '1'),
    f('power_mgmt', '0', '1'), f('rdm_policy', 'strict', 'relaxed'), f('name')],
  vdispl: [f('backend'), f('be-alloc', '0', '1'), f('connectors')],
  vkb: [f('backend-type', 'qemu', 'linux'), f('backend'), f('unique-id'), f('feature-disable-keyboard', '0', '1'),
    f('feature-disable-pointer', '0', '1'), f('feature-abs-pointer', '0', '1'), f('feature-raw-pointer', '0', '1'),
    f('feature-multi-touch', '0', '1'), f('multi-touch-width'), f('multi-touch-height'), f('multi-touch-num-contacts'),
    f('width'), f('height')],
  virtio: [f('backend'), f('type'), f('transport', 'mmio'), f('grant_usage', '0', '1')],
  vnuma: [f('pnode'), f('size'), f('vcpus'), f('vdistances')],
  arm_sci: [f('type', 'none', 'scmi_smc')],
};

export function specFields(key: string): readonly SpecField[] | undefined {
  return SPEC_FIELDS[key];
}
