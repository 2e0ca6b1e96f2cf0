// Configs written like real-world ones, generated (seeded: XLCFG_SEED, XLCFG_CASES) from realistic
// pieces: guest types, device models and stubdomains, dm_restrict, framebuffers, disks of several
// formats, PCI, firmware, video, USB, spice, sound. Each runs through the real xl and libxl (the
// oracle, live) and our findings must agree: an error exactly when they refuse, quoting them; their
// warnings as warnings; dm-restrict-traditional exactly when libxl says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORACLES, ORACLE_RELEASES, requireOracleRelease } from '../../helpers/oracle';
import { analyzeFile, libxlText } from './corpus-helpers';
import { logBody } from '../devicemodel/corpus-helpers';
import { prng } from '../../helpers/prng';

const CASES = Number(process.env.XLCFG_CASES ?? 120);
const SEED = Number(process.env.XLCFG_SEED ?? 17);

const rng = prng;

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

interface Oracle { dry: { exit_status: number; stderr: string }; argv: { outcome: string; log?: string[] } }

for (const release of ORACLE_RELEASES) {
describe(`checks on generated real-world-like configs, against the live Xen ${release} oracle`, () => {
  if (!requireOracleRelease(release, 'checks on generated configs')) return;
  const r = rng(SEED);
  // Every third config is checked against a Debian host's packages (no qemu-dm, no stubdomain images).
  const cases = Array.from({ length: CASES }, (_, i) => ({ i, text: realisticConfig(r, i), name: i % 3 === 2 ? `guest${i}-debianhost` : `guest${i}` }));
  const results = new Map<number, Oracle>();
  test('run the oracle on every generated config', () => {
    const out = ORACLES[release].batch(cases.map((c) => ({ name: c.name, bytes: c.text })), ['dryrun', 'argv']);
    for (const c of cases) {
      const o = out.get(c.name)!;
      results.set(c.i, { dry: o.dryrun, argv: o.argv });
    }
  });
  for (const c of cases) {
    test(`generated config ${c.name} (seed ${SEED})`, () => {
      const o = results.get(c.i)!;
      const a = analyzeFile(c.name, new TextEncoder().encode(c.text), { xenVersion: release });
      const errors = a.findings.filter((f) => f.severity === 'error');
      const stderr = o.dry.stderr.split('\n').filter((l) => l && !l.startsWith('Parsing config from'));
      const xlRefuses = o.dry.exit_status !== 0;
      const libxlRefuses = !xlRefuses && o.argv.outcome === 'error';
      const context = `\n${c.text}\nxl: ${o.dry.stderr}\nlibxl: ${(o.argv.log ?? []).join('\n')}\nours: ${a.findings.map((f) => `${f.severity} ${f.code}: ${f.message}`).join('\n')}`;
      assert.equal(errors.length > 0, xlRefuses || libxlRefuses, `error iff refused${context}`);
      if (xlRefuses && stderr.length) assert.ok(errors.some((f) => f.message.includes(stderr[stderr.length - 1]!)), `quotes xl${context}`);
      if (libxlRefuses) {
        const first = o.argv.log!.find((l) => l.startsWith('libxl: error:')) ?? o.argv.log![0]!;
        const want = libxlText(logBody(first.trim())).split('\n')[0]!;
        assert.ok(errors.some((f) => f.message.includes(want)), `quotes libxl "${want}"${context}`);
      }
      if (!xlRefuses) {
        for (const w of stderr) {
          if (/^got a tsc mode string/.test(w)) continue;
          const first = w.replace(/^[^:\s]+:\d+: /, '');
          assert.ok(a.findings.some((f) => f.severity === 'warning' && f.message.includes(first)), `warning "${first}"${context}`);
        }
      }
      const saysTrad = !xlRefuses && (o.argv.log ?? []).some((l) => l.includes('dm_restrict not supported by qemu-xen-traditional'));
      assert.equal(a.findings.some((f) => f.code === 'dm-restrict-traditional'), saysTrad, `dm-restrict-traditional${context}`);
    });
  }
});
}
