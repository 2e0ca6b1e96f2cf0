// Mirrors the emulated-NIC part of tools/libs/light/libxl_dm.c (Xen 4.17): `-device`/`-netdev`
// for qemu-xen (with the COLO primary-side extras), `-net nic`/`-net tap` for qemu-xen-traditional.
import type { DmView } from './config-view';
import { enumOf, int, str, type Nic } from '../model/domain-view';
import type { ArgvWriter } from './argv-writer';

/** libxl__device_nic_devname for the emulated twin of a vif, on a Linux dom0. */
export function tapIfname(domid: number, devid: number): string {
  return `vif${domid}.${devid}-emu`;
}

/** libxl_tapif_script: Linux and FreeBSD dom0s take no qemu-ifup script. */
export const TAP_SCRIPT = 'no';

/** Emulated NICs only: `type=ioemu` (the HVM default after setdefault). */
export function ioemuNics(d: DmView): Nic[] {
  return d.nics.filter((n) => enumOf(n, 'nictype', d.type === 'hvm' ? 'vif_ioemu' : 'vif') === 'vif_ioemu');
}

export function nicMac(nic: Readonly<Nic>): string {
  return str(nic, 'mac') ?? '00:00:00:00:00:00';
}

/** True when the MAC was made up by libxl (no `mac=` in the vif spec): shown as a placeholder. */
export function macIsGenerated(d: DmView, nic: Nic): boolean {
  return d.generatedMacs.has(nic) || str(nic, 'mac') === undefined;
}

const nicKeys = ['vif'];

/** qemu-xen: one `-device <model>` + `-netdev type=tap` per emulated NIC, else `-net none`. */
export function writeQemuXenNics(w: ArgvWriter, d: DmView, domid: number, listen: string): void {
  const nics = ioemuNics(d);
  for (const nic of nics) {
    const devid = int(nic, 'devid');
    const model = str(nic, 'model') ?? 'rtl8139';
    w.add({ group: 'network', meaning: `emulated NIC ${devid} (${model})`, keys: nicKeys },
      '-device', `${model},id=nic${devid},netdev=net${devid},mac=${nicMac(nic)}`);
    if (macIsGenerated(d, nic)) w.markLastGenerated();
    w.add({ group: 'network', meaning: `NIC ${devid}'s tap ${tapIfname(domid, devid)} on bridge ${str(nic, 'bridge') ?? ''}`, keys: nicKeys },
      '-netdev', `type=tap,id=net${devid},ifname=${tapIfname(domid, devid)},br=${str(nic, 'bridge') ?? ''},script=${TAP_SCRIPT},downscript=${TAP_SCRIPT}`);
    writeColoPrimary(w, nic, devid, listen);
  }
  if (nics.length === 0) w.add({ group: 'network', meaning: 'no emulated NIC' }, '-net', 'none');
}

/** qemu-xen-traditional: `-net nic,vlan=N,...` + `-net tap,vlan=N,...`, else `-net none`. */
export function writeTraditionalNics(w: ArgvWriter, d: DmView, domid: number): void {
  const nics = ioemuNics(d);
  for (const nic of nics) {
    const devid = int(nic, 'devid');
    const model = str(nic, 'model') ?? 'rtl8139';
    w.add({ group: 'network', meaning: `emulated NIC ${devid} (${model})`, keys: nicKeys },
      '-net', `nic,vlan=${devid},macaddr=${nicMac(nic)},model=${model}`);
    if (macIsGenerated(d, nic)) w.markLastGenerated();
    w.add({ group: 'network', meaning: `NIC ${devid}'s tap ${tapIfname(domid, devid)} on bridge ${str(nic, 'bridge') ?? ''}`, keys: nicKeys },
      '-net', `tap,vlan=${devid},ifname=${tapIfname(domid, devid)},bridge=${str(nic, 'bridge') ?? ''},script=${TAP_SCRIPT},downscript=${TAP_SCRIPT}`);
  }
  if (nics.length === 0) w.add({ group: 'network', meaning: 'no emulated NIC' }, '-net', 'none');
}

/** A COLO proxy socket of a NIC (its colo_sock_<name>_id/_ip/_port fields). */
type ColoSocket = 'mirror' | 'compare_pri_in' | 'compare_sec_in' | 'compare_notify' | 'redirector0' | 'redirector1' | 'redirector2';
/** The other COLO fields a primary run reads (colo_<field>). */
type ColoField = 'filter_mirror_queue' | 'filter_mirror_outdev' | 'filter_redirector0_queue' | 'filter_redirector0_indev'
  | 'filter_redirector1_queue' | 'filter_redirector1_outdev' | 'compare_pri_in' | 'compare_sec_in' | 'compare_out' | 'compare_notify_dev';
/** The COLO proxy sockets in libxl's order, their field names made once, and whether qemu listens. */
const COLO_SOCKS = ([
  ['mirror', true], ['compare_pri_in', true], ['compare_sec_in', true], ['compare_notify', true],
  ['redirector0', true], ['redirector1', false], ['redirector2', false],
] as const satisfies readonly (readonly [ColoSocket, boolean])[]).map(([name, server]) => ({
  id: `colo_sock_${name}_id` as const, ip: `colo_sock_${name}_ip` as const, port: `colo_sock_${name}_port` as const, server,
}));

/** The other COLO fields' names (colo_<field>), made once: a name built per lookup costs a string-table lookup each time. */
const COLO_FIELDS = Object.fromEntries(([
  'filter_mirror_queue', 'filter_mirror_outdev', 'filter_redirector0_queue', 'filter_redirector0_indev',
  'filter_redirector1_queue', 'filter_redirector1_outdev', 'compare_pri_in', 'compare_sec_in', 'compare_out', 'compare_notify_dev',
] as const satisfies readonly ColoField[]).map((k) => [k, `colo_${k}` as const])) as { readonly [K in ColoField]: `colo_${K}` };

/** The userspace COLO proxy sockets and filters of a primary (non-restore) run. */
function writeColoPrimary(w: ArgvWriter, nic: Readonly<Nic>, devid: number, listen: string): void {
  const note = { group: 'network' as const, meaning: `COLO proxy for NIC ${devid}`, keys: nicKeys };
  for (const s of COLO_SOCKS) {
    const id = str(nic, s.id);
    const ip = str(nic, s.ip);
    const port = str(nic, s.port);
    if (id === undefined || ip === undefined || port === undefined) continue;
    w.add(note, '-chardev', `socket,id=${id},host=${ip},port=${port}${s.server ? `,${listen}` : ''}`);
  }
  const f = (k: ColoField): string | undefined => str(nic, COLO_FIELDS[k]);
  if (f('filter_mirror_queue') !== undefined && f('filter_mirror_outdev') !== undefined) {
    w.add(note, '-object', `filter-mirror,id=m1,netdev=net${devid},queue=${f('filter_mirror_queue')},outdev=${f('filter_mirror_outdev')}`);
  }
  if (f('filter_redirector0_queue') !== undefined && f('filter_redirector0_indev') !== undefined) {
    w.add(note, '-object', `filter-redirector,id=r1,netdev=net${devid},queue=${f('filter_redirector0_queue')},indev=${f('filter_redirector0_indev')}`);
  }
  if (f('filter_redirector1_queue') !== undefined && f('filter_redirector1_outdev') !== undefined) {
    w.add(note, '-object', `filter-redirector,id=r2,netdev=net${devid},queue=${f('filter_redirector1_queue')},outdev=${f('filter_redirector1_outdev')}`);
  }
  const pri = f('compare_pri_in'), sec = f('compare_sec_in'), out = f('compare_out'), notify = f('compare_notify_dev');
  if (pri !== undefined && sec !== undefined && out !== undefined && notify !== undefined) {
    w.add(note, '-object', 'iothread,id=colo-compare-iothread-1');
    w.add(note, '-object', `colo-compare,id=c1,primary_in=${pri},secondary_in=${sec},outdev=${out},notify_dev=${notify},iothread=colo-compare-iothread-1`);
  }
}
