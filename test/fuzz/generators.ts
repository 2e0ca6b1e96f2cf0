// Config generators for the differential tests and the fuzzer (`npm run fuzz`). Each takes a
// seeded PRNG (test/helpers/prng.ts), so that every config can be made again from its seed.

/** One realistic config: a guest type, then optional groups of related lines. */
export function realisticConfig(r: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = (p: number) => r() < p;
  const type = pick(['hvm', 'hvm', 'pv', 'pvh']);
  const name = `guest${n}`;
  const lines = [`# generated realistic config ${n}`, `name = "${name}"`, `type = "${type}"`, `memory = ${pick([512, 1024, 2048, 4096])}`];
  if (maybe(0.3)) lines.push(`maxmem = ${pick([512, 2048, 8192])}`);
  lines.push(`vcpus = ${pick([1, 2, 4])}`);
  if (type !== 'hvm') {
    if (maybe(0.8)) lines.push('kernel = "/boot/vmlinuz-6.1.0-18-amd64"', 'ramdisk = "/boot/initrd.img-6.1.0-18-amd64"', `extra = "root=/dev/xvda1 ro console=hvc0"`);
    else lines.push('bootloader = "pygrub"');
  } else {
    if (maybe(0.2)) lines.push(`bios = "${pick(['seabios', 'rombios', 'ovmf'])}"`);
    if (maybe(0.1)) lines.push('kernel = "/boot/vmlinuz-6.1.0-18-amd64"');
    if (maybe(0.3)) lines.push(`boot = "${pick(['c', 'dc', 'n', 'cd'])}"`);
  }
  if (maybe(0.35)) lines.push(`device_model_version = "${pick(['qemu-xen', 'qemu-xen-traditional'])}"`);
  if (type === 'hvm' && maybe(0.25)) lines.push('device_model_stubdomain_override = 1');
  if (maybe(0.45)) lines.push(`dm_restrict = ${pick(['1', '1', '0'])}`);
  if (maybe(0.1)) lines.push(`device_model_user = "${pick(['xen-qemuuser-c6-01', 'qemu', 'root'])}"`);
  const fmt = () => pick(['phy:/dev/vg0/' + name, 'file:/srv/xen/' + name + '.img', 'format=qcow2, vdev=VDEV, target=/srv/xen/' + name + '.qcow2', 'format=raw, vdev=VDEV, access=rw, target=/dev/vg0/' + name]);
  const disks: string[] = [];
  const vdevs = type === 'hvm' ? ['hda', 'hdb', 'xvda', 'sda'] : ['xvda', 'xvdb'];
  for (let i = 0; i < (maybe(0.9) ? 1 + Math.floor(r() * 2) : 0); i++) {
    const f = fmt();
    const vdev = vdevs[i]!;
    disks.push(f.includes('VDEV') ? f.replace('VDEV', vdev) : `${f},${vdev},${pick(['w', 'w', 'r'])}`);
  }
  if (type === 'hvm' && maybe(0.25)) disks.push('/srv/iso/debian-12.iso,hdc:cdrom,r');
  if (disks.length) lines.push(`disk = [ ${disks.map((d) => `'${d}'`).join(', ')} ]`);
  if (maybe(0.8)) lines.push(`vif = [ '${pick(['bridge=xenbr0', 'mac=00:16:3e:12:34:56,bridge=xenbr0', 'bridge=xenbr0,model=e1000', 'bridge=xenbr0,type=ioemu'])}' ]`);
  if (type === 'hvm') {
    if (maybe(0.4)) lines.push(`vnc = ${pick(['0', '1'])}`, ...(maybe(0.5) ? [`vnclisten = "${pick(['0.0.0.0', '127.0.0.1'])}"`] : []));
    if (maybe(0.2)) lines.push(`vga = "${pick(['stdvga', 'cirrus', 'qxl', 'none'])}"`);
    if (maybe(0.15)) lines.push(`stdvga = ${pick(['0', '1'])}`);
    if (maybe(0.2)) lines.push(`videoram = ${pick([4, 8, 16, 128])}`);
    if (maybe(0.25)) lines.push('usb = 1', `usbdevice = [ "tablet" ]`);
    if (maybe(0.1)) lines.push(`usbversion = ${pick([1, 2, 3])}`);
    if (maybe(0.15)) lines.push('spice = 1', ...(maybe(0.7) ? [`spiceport = 6000`] : []), ...(maybe(0.5) ? ['spicedisable_ticketing = 1'] : []));
    if (maybe(0.1)) lines.push(`soundhw = "${pick(['hda', 'ac97', 'sb16'])}"`);
    if (maybe(0.15)) lines.push(`viridian = ${pick(['1', '[ "defaults" ]', '[ "base", "freq" ]'])}`);
    if (maybe(0.1)) lines.push('serial = "pty"');
  } else if (maybe(0.3)) {
    lines.push(`vfb = [ '${pick(['vnc=1', 'vnc=1,vnclisten=0.0.0.0', 'sdl=1'])}' ]`);
  }
  if (maybe(0.1)) lines.push(`pci = [ '0000:03:00.0' ]`);
  if (maybe(0.1)) lines.push(`builder = "${type === 'hvm' ? 'hvm' : 'generic'}"`);
  if (maybe(0.1)) lines.push(`acpi = "yes"`);
  if (maybe(0.1)) lines.push(`on_crash = "${pick(['restart', 'preserve', 'coredump-restart'])}"`);
  return lines.join('\n') + '\n';
}

const NUM = ['0', '1', '2', '4', '8', '16', '512', '1024', '"-1"', '010', '0x10', '08', '" 7"', '"7 "', '99999999999999999999', '"abc"', '""', '[ 1 ]', '"0x"'];
const BOOL = ['0', '1', '2', '"-1"', '"yes"', '[ 1 ]'];
const str = (...v: string[]) => v.map((s) => `"${s}"`);
export const KEYS: Record<string, string[]> = {
  memory: NUM, maxmem: NUM, vcpus: ['1', '2', '4', '0', '9', '"-1"', '"x"'], maxvcpus: ['1', '2', '4', '8', '0', '"x"'],
  cpus: [...str('0-3', 'all', '^all', '3-1', 'node:0', '0,2,^2', 'x', '', 'nodes:1', '1-2,5'), '[ "0", "1-3" ]', '[ "x" ]', '[ ]', '[ "0", [ "1" ] ]'],
  cpus_soft: [...str('1', 'all', '0-1,^0', 'z'), '[ "2" ]', '[ "0", [ "1" ] ]', '[ [ "1" ] ]'],
  on_poweroff: str('destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'halt'),
  on_reboot: str('restart', 'destroy', 'soft-reset', 'reboot'),
  on_crash: str('preserve', 'coredump-restart', 'x'), on_watchdog: str('destroy', 'preserve'), on_soft_reset: str('soft-reset', 'destroy'),
  kernel: str('/boot/vmlinuz', '/usr/lib/xen/boot/hvmloader', ''), ramdisk: str('/boot/initrd'),
  cmdline: str('console=hvc0', ''), root: str('/dev/xvda1'), extra: str('quiet', 'console=ttyS0'),
  bootloader: str('pygrub', '/usr/bin/pygrub'), bootloader_args: [...str('-q', '--entry=1 -q'), '[ "-q", "--kernel=x" ]'],
  boot: str('c', 'dc', 'n'), vnc: BOOL, vnclisten: str('0.0.0.0', '127.0.0.1:5', '::1'), vncdisplay: ['0', '1', '5', '"x"'],
  vncpasswd: str('pw', ''), vncunused: BOOL, sdl: BOOL, opengl: BOOL, display: str(':0'), xauthority: str('/root/.Xauthority'),
  spice: BOOL, spiceport: ['5900', '"x"'], spicehost: str('0.0.0.0'), spicedisable_ticketing: BOOL, spicepasswd: str('pw'),
  spicetls_port: ['0', '5901'], spiceagent_mouse: BOOL, spicevdagent: BOOL, spice_clipboard_sharing: BOOL, spiceusbredirection: ['0', '4'],
  vga: str('stdvga', 'cirrus', 'none', 'qxl', 'std'), stdvga: BOOL, videoram: ['8', '16', '"x"'], keymap: str('de', 'en-us'),
  serial: [...str('pty', 'file:/tmp/x'), '[ "pty", "tcp::4555" ]', '[ [ "pty" ] ]'], usb: BOOL, usbversion: ['1', '2', '3', '"x"'],
  usbdevice: [...str('tablet', 'mouse'), '[ "tablet", "mouse" ]'], soundhw: str('hda', 'sb16,es1370', 'all'),
  acpi: BOOL, apic: BOOL, pae: BOOL, nx: BOOL, hpet: BOOL, acpi_s3: BOOL, acpi_s4: BOOL, vpt_align: BOOL,
  viridian: [...BOOL, '[ "defaults" ]', '[ "all", "!hcall_ipi" ]', '[ "base", "freq", "STIMER" ]', '[ "bogus" ]', '[ ]', '[ [ "base" ] ]'],
  device_model_version: str('qemu-xen', 'qemu-xen-traditional', 'qemu'), device_model_override: str('/usr/bin/qemu-system-x86_64'),
  device_model: str('/usr/lib/xen/bin/qemu-dm', 'stubdom-dm'), device_model_stubdomain_override: BOOL, device_model_user: str('qemu'),
  device_model_args: ['[ "-d", "guest_errors" ]', '"-S"'], device_model_args_hvm: ['[ "-rtc", "base=localtime" ]'], device_model_args_pv: ['[ "-x" ]'],
  dm_restrict: BOOL, stubdomain_memory: ['64', '"x"'], stubdomain_kernel: str('/boot/ioemu'),
  tsc_mode: ['0', '1', '2', '3', '4', '"-1"', ...str('default', 'native', 'NATIVE_PARAVIRT', 'emulate')],
  timer_mode: ['0', '1', '2', '3', '4', '"-1"', ...str('no_delay_for_missed_ticks', 'one_missed_tick_pending', 'x')],
  altp2m: ['0', '1', '2', '3', '4', ...str('mixed', 'external', 'Limited', 'disabled', 'on')], altp2mhvm: BOOL,
  hap: BOOL, oos: BOOL, uuid: str('5e0d9f5c-3d52-4a2f-9c53-2a41c1f4a0b7', '00000000-0000-0000-0000-000000000000', '12345'),
  nomigrate: BOOL, localtime: BOOL, rtc_timeoffset: ['0', '3600', '"-3600"'], cpu_weight: ['256', '"-1"', '0'], cap: ['0', '50'],
  max_grant_frames: ['32', '64', '"-1"', '"x"', '99999999999'], max_maptrack_frames: ['1024', '0'], max_grant_version: ['1', '2'],
  shadow_memory: ['0', '8'], hdtype: str('ide', 'ahci', 'AHCI', 'scsi'), bios: str('seabios', 'ovmf', 'rombios', 'uefi'),
  firmware: str('uefi', 'bios', 'seabios', 'ovmf', '/opt/fw.bin', 'u', 'pvgrub64', 'pvgrub32', 'grub'),
  firmware_override: str('/opt/hvmloader'), bios_path_override: str('/opt/bios.bin'),
  gfx_passthru: ['0', '1', ...str('igd', 'default', 'nvidia')], vendor_device: str('xenserver', 'none', 'x'), nographic: BOOL,
  xen_platform_pci: BOOL, vkb_device: BOOL, nestedhvm: BOOL, e820_host: BOOL, passthrough: str('disabled', 'enabled', 'sync_pt', 'share_pt', 'x'),
  tee: str('none', 'optee', 'x'), msr_relaxed: BOOL, vpmu: BOOL, rdm_mem_boundary: ['2048', '"x"'], mmio_hole: ['256', '1024', '3840', '64'],
  ioports: ['[ "3f8-3ff" ]', '[ "2f8", "zz" ]', '[ "3f8-2f8" ]'], irqs: ['[ "3", "4" ]', '[ "x" ]'], iomem: ['[ "fe000,1" ]', '[ "fe000,2@a0000" ]', '[ "x" ]'],
  mca_caps: ['[ "lmce" ]', '[ "x" ]', '"lmce"', '[ [ "lmce" ] ]'], vmtrace_buf_kb: ['0', '64'], max_event_channels: ['1023', '"x"'],
  pool: str('Pool-0'), seclabel: str('system_u:system_r:domU_t'), init_seclabel: str('a:b:c'), driver_domain: BOOL,
  pvshim: BOOL, pvshim_path: str('/boot/xen-shim'), pvshim_cmdline: str('x'), vncviewer: BOOL, vif2: ['[ "x" ]'],
  xend_suspend_evtchn_compat: BOOL, gic_version: str('v2', 'v3', 'default', 'v4'), vuart: str('sbsa_uart', 'x'),
  cpuid: [
    ...str('host,tm=0,sse3=0', 'host,vmx=0,aes=1,family=0x17,model=0x31', 'host,family=6,stepping=k,maxleaf=x',
      'host,bogus=1', 'host,tm', 'host,aes=q', 'amd,aes=0', 'host', 'host,rtm=0,hle=0', 'host,ibrsb=x,arch-caps=1',
      'host,rdcl-no=1,mds-no=0', 'host,arch-caps=s,taa-no=0x', 'host,avx512f=0,x2apic=1', 'host,nc=0xff,apicidsize=5,procpkg=3'),
    '[ "1:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx0,eax=1111xxxxxxxxxxxxxxxxxxxxxxxxxxxx" ]',
    '[ "0x80000001,0:edx=0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" ]', '[ "x:eax=1" ]', '[ "1,z:eax=1" ]', '[ "1;eax=1" ]',
    '[ "1:efx=1" ]', '[ "1:eax=101" ]', '[ "7,0:ebx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, ecx=00000000000000000000000000000000" ]',
  ],
  disk: ['[ "phy:/dev/vg/a,xvda,w" ]', '[ "/x.img,hda,w", [ "nested" ], "/y.img,hdb,r" ]', '[ "vdev=xvdb, target=/dev/sdb" ]', '"phy:/dev/vg/a,xvda,w"', '[ "phy:/dev/vg/a" ]'],
  vif: ['[ "bridge=xenbr0", "mac=00:16:3e:00:00:01,model=e1000" ]', '[ "", "rate=10Mb/s" ]', '[ "bogus=1" ]', '"bridge=xenbr0"', '[ [ "x" ], "bridge=b" ]'],
  pci: ['[ "01:00.0", "02:00.1,permissive=0" ]', '[ "0000:03:00.0,rdm_policy=relaxed,msitranslate=1" ]', '[ "zz" ]', '[ "01:00.0,seize=0" ]'],
  pci_permissive: BOOL, pci_msitranslate: BOOL, pci_seize: BOOL, pci_power_mgmt: BOOL,
  rdm: str('strategy=host,policy=relaxed', 'strategy=ignore', 'bogus'),
  dtdev: ['[ "/soc/x" ]'],
  vfb: ['[ "vnc=1,vncdisplay=2,keymap=de" ]', '[ "sdl=1", "vnc=0" ]', '[ "type=vnc" ]'],
  vkb: ['[ "backend-type=linux" ]', '[ "unique-id=x" ]', '[ "backend-type=qemu,multi-touch-width=10" ]'],
  channel: ['[ "name=org.qemu.guest_agent.0,connection=socket,path=/run/x.sock" ]', '[ "connection=pty" ]', '[ "name=a" ]'],
  usbctrl: ['[ "type=qusb,version=2,ports=4" ]', '[ "type=bogus" ]'],
  usbdev: ['[ "hostbus=1,hostaddr=2" ]', '[ "type=hostdev,hostbus=1,hostaddr=2,controller=0,port=1" ]', '[ "x=1" ]'],
  vtpm: ['[ "backend=vtpmmgr" ]', '[ "backend=a,uuid=5e0d9f5c-3d52-4a2f-9c53-2a41c1f4a0b7" ]', '[ "uuid=1" ]'],
  p9: ['[ "tag=t,path=/srv,security_model=none" ]', '[ "tag=t,path=/srv,security_model=none", "tag=u" ]', '[ "tag=t" ]'],
  pvcalls: ['[ "backend=0" ]', '[ "" ]', '[ "x=1" ]'],
  vdispl: ['[ "backend=0,be-alloc=1,connectors=id0:1920x1080;id1:800x600" ]', '[ "backend=0" ]'],
  vsnd: [
    '[ [ "card, short-name=A" ], [ "PCM, name=x", "stream, unique-id=0, type=P, sample-rates=48000;44100, channels-max=2", "pcm, name=y, buffer-size=65536" ] ]',
    '[ [ "card, long-name=L", "stream, type=c", "pcm", "card, backend=0, sample-formats=S16_LE;U8, channels-min=1" ] ]',
    '[ [ "card, short-name=A", [ "pcm" ], "pcm, name=never" ] ]', '[ [ "stream, type=p" ] ]', '[ [ "pcm, type=p" ] ]',
    '[ [ "card, sample-formats=s16_le;float_le" ] ]', '[ "card" ]', '[ [ "card, id=0" ] ]', '[ [ "stream" ], [ "pcm, channels-min=0x10" ] ]',
  ],
  vnuma: ['[ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10" ] ]', '[ [ "size=256", "vcpus=0-1" ], [ "size=256", "vcpus=2-3" ] ]', '[ [ "size=x" ] ]'],
};
const TYPES = ['type = "hvm"', 'type = "pv"', 'type = "pvh"', 'type = "h"', 'type = ""', 'builder = "hvm"', 'builder = "generic"', ''];

/** A small config of known keys with random, often wrong, values. */
export function keyValueConfig(r: () => number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const lines = ['name = "g"', pick(TYPES)];
  if (r() < 0.5) lines.push('kernel = "/boot/vmlinuz"');
  const keys = Object.keys(KEYS);
  const n = 2 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const k = pick(keys);
    lines.push(`${k} ${r() < 0.05 ? '+=' : '='} ${pick(KEYS[k]!)}`);
  }
  return lines.join('\n') + '\n';
}


const GRAMMAR_PIECES = [
  'name', 'memory', 'vcpus', 'disk', 'vif', 'type', 'x', 'a_b', 'K9', '_k', ' ', '  ', '\t', '=', '+=', '==', ',', ';', '[', ']',
  '"s"', '""', '"a\\"b"', '"\\x41"', '"\\101"', '"\\n"', "'q'", "''", '"unterminated', '0', '1', '-1', '010', '0x1f', '1.5', '99999999999999999999',
  '# c', '#', '\n', '\n', '\n', '\r\n', '\r', '\\', '\x00', '\xff', '@', '.', '(', ')', ':',
];

/** Token soup over libxlutil's lexical alphabet: statements, lists, strings, escapes, odd bytes. */
export function grammarConfig(r: () => number): Uint8Array {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const parts: string[] = [];
  const statements = 1 + Math.floor(r() * 8);
  for (let s = 0; s < statements; s++) {
    if (r() < 0.7) {
      // mostly well-formed: KEY = VALUE with lists nested a little
      const value = (depth: number): string => (depth < 3 && r() < 0.3
        ? `[ ${Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1)).join(pick([', ', ',', ' , ']))}${r() < 0.2 ? ',' : ''} ]`
        : pick(['"v"', '"a b"', '1', '0x10', "'q'", '""', '"\\x41\\101"', '-1', '1.5']));
      parts.push(`${pick(['name', 'memory', 'vcpus', 'disk', 'x_y', 'K'])} ${r() < 0.2 ? '+=' : '='} ${value(0)}${pick(['\n', '\n', ';', '; ', ' # c\n', '\r\n'])}`);
    } else {
      for (let i = Math.floor(r() * 6); i >= 0; i--) parts.push(pick(GRAMMAR_PIECES));
    }
  }
  if (r() < 0.1) parts.unshift('\xef\xbb\xbf');
  const text = parts.join('');
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** A corpus config changed a little: lines dropped, doubled or swapped, values replaced, bytes flipped. */
export function mutatedConfig(r: () => number, source: Uint8Array): Uint8Array {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const lines = Array.from(source, (b) => String.fromCharCode(b)).join('').split('\n');
  const VALUES = ['1', '0', '""', '"x"', '-1', '[ ]', '[ "a" ]', '4096', '"qemu-xen-traditional"', '"qemu-xen"', '"hvm"', '"pv"', '"pvh"', '1025'];
  for (let n = 1 + Math.floor(r() * 3); n > 0; n--) {
    const i = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 6)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, lines[i] ?? ''); break;
      case 2: { const j = Math.floor(r() * lines.length); [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']; break; }
      case 3: lines[i] = (lines[i] ?? '').replace(/=.*$/, `= ${pick(VALUES)}`); break;
      case 4: lines.splice(i, 0, `${pick(['dm_restrict', 'device_model_stubdomain_override', 'vnclisten', 'boot', 'videoram', 'vcpus', 'tsc_mode', 'device_model_version', 'acpi', 'serial'])} = ${pick(VALUES)}`); break;
      default: {
        const l = lines[i] ?? '';
        const k = Math.floor(r() * (l.length + 1));
        lines[i] = l.slice(0, k) + pick(['"', "'", ',', '[', ']', '=', ' ', '\\', '#']) + l.slice(k);
      }
    }
  }
  return Uint8Array.from(lines.join('\n'), (c) => c.charCodeAt(0) & 0xff);
}
