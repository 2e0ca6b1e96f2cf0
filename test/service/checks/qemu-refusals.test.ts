// qemu-refuses-option: libxl accepts the config but the dom0's QEMU refuses its command line.
// On small configs (spans, wording, which hosts), then on every corpus and fixture config: under
// debian-12 with Xen 4.17 (QEMU 7.2) and debian-13 with Xen 4.20 (QEMU 10.0), the error fires
// exactly on the argv options the real QEMU refused (test/fixtures/qemu/, from qemu-accept.sh).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../../server/src/service/analyze';
import type { AnalysisOptions } from '../../../server/src/service/options';
import { localHost, xenPaths, type LocalHostReader } from '../../../server/src/service/host';
import { PROBES_DIR, probeArgvs, qemuGoldens, realRefusals } from '../qemu/goldens-helpers';

const CODE = 'qemu-refuses-option';
const enc = (s: string) => new TextEncoder().encode(s);
function check(src: string, options: Partial<AnalysisOptions>, reader?: LocalHostReader) {
  const localHostModel = reader ? localHost(reader, xenPaths('debian', options.xenVersion)) : undefined;
  const a = analyze({ bytes: enc(src), options, ...(localHostModel ? { localHost: localHostModel } : {}) });
  const f = a.findings.filter((x) => x.code === CODE);
  return { f, text: (x: { start: number; end: number }) => src.slice(x.start, x.end) };
}
const HVM = 'name = "t"\ntype = "hvm"\nmemory = 1024\ndisk = [ "/dev/vg0/t,raw,hda,rw" ]\n';
const D13 = { host: 'debian-13', xenVersion: '4.20' } as const;
const D12 = { host: 'debian-12', xenVersion: '4.17' } as const;

describe('qemu-refuses-option on small configs', () => {
  test('acpi = 0 under debian-13 / Xen 4.20: an error naming -no-acpi, on acpi = 0', () => {
    const r = check(`${HVM}acpi = 0\n`, D13);
    assert.equal(r.f.length, 1);
    const [f] = r.f;
    assert.equal(f!.severity, 'error');
    assert.equal(r.text(f!), 'acpi = 0');
    assert.match(f!.message, /^libxl accepts this, but the QEMU it starts refuses -no-acpi: Debian 13's QEMU 10\.0 no longer has -no-acpi/);
    assert.match(f!.message, /The guest does not start\. Fix: remove acpi = 0/);
    assert.equal(f!.data!.option, '-no-acpi');
    assert.equal(f!.data!.reason, 'option-removed');
  });
  test('acpi = 0: nothing under reference (libxl only), nor under debian-12 (QEMU 7.2 takes -no-acpi)', () => {
    assert.deepEqual(check(`${HVM}acpi = 0\n`, { host: 'reference', xenVersion: '4.20' }).f, []);
    assert.deepEqual(check(`${HVM}acpi = 0\n`, D12).f, []);
    assert.deepEqual(check(`${HVM}acpi = 0\n`, { host: 'debian-12', xenVersion: '4.20' }).f, []);
  });
  test('sdl = 1: -display sdl under both Debian hosts', () => {
    for (const o of [D12, D13]) {
      const r = check(`${HVM}sdl = 1\n`, o);
      assert.equal(r.f.length, 1, o.host);
      assert.equal(r.text(r.f[0]!), 'sdl = 1');
      assert.match(r.f[0]!.message, /refuses -display sdl:/);
    }
  });
  test('spicepasswd: refused by QEMU 10, on the spicepasswd line; QEMU 7.2 takes it', () => {
    const src = `${HVM}spice = 1\nspiceport = 5930\nspicepasswd = "hunter2"\n`;
    const r = check(src, D13);
    assert.equal(r.f.length, 1);
    assert.equal(r.text(r.f[0]!), 'spicepasswd = "hunter2"');
    assert.match(r.f[0]!.message, /refuses -spice/);
    assert.deepEqual(check(src, D12).f, []);
  });
  test('dm_restrict: Xen 4.17 writes -chroot/-runas, which QEMU 10 refuses; Xen 4.20 asks QEMU and writes -run-with', () => {
    const r = check(`${HVM}dm_restrict = 1\n`, { host: 'debian-13', xenVersion: '4.17' });
    assert.deepEqual(r.f.map((f) => f.data!.option), ['-chroot', '-runas']);
    assert.match(r.f[0]!.message, /Fix: target Xen 4\.20 or later/);
    assert.deepEqual(check(`${HVM}dm_restrict = 1\n`, D13).f, []);
    // QEMU 7.2 has no -run-with, but libxl 4.20's probe finds that out and writes -chroot/-runas.
    assert.deepEqual(check(`${HVM}dm_restrict = 1\n`, { host: 'debian-12', xenVersion: '4.20' }).f, []);
  });
  test('vncpasswd: neither Debian QEMU has the DES cipher VNC passwords need', () => {
    for (const o of [D12, D13]) {
      const r = check(`${HVM}vnc = 1\nvncpasswd = "s3cr3t"\n`, o);
      assert.deepEqual(r.f.map((f) => [r.text(f), f.data!.reason]), [['vncpasswd = "s3cr3t"', 'vnc-password-not-built']], o.host);
      assert.match(r.f[0]!.message, /refuses -vnc 127\.0\.0\.1:0,password=on,to=99: .*DES/);
    }
  });
  test('soundhw: QEMU 10 has no default audio driver; QEMU 7.2 takes it', () => {
    const r = check(`${HVM}soundhw = "hda"\n`, D13);
    assert.deepEqual(r.f.map((f) => [r.text(f), f.data!.option, f.data!.detail]), [['soundhw = "hda"', '-device', 'hda-duplex']]);
    assert.deepEqual(check(`${HVM}soundhw = "hda"\n`, D12).f, []);
  });
  test('two IDE devices on one slot (xvdc and hdc): IDE unit in use', () => {
    const src = 'name = "t"\ntype = "hvm"\nmemory = 1024\ndisk = [ "/srv/a.img,raw,xvdc,rw", "/srv/cd.iso,raw,hdc,cdrom" ]\n';
    const r = check(src, D12);
    assert.deepEqual(r.f.map((f) => [f.data!.reason, f.data!.detail]), [['ide-slot-in-use', '1:0']]);
    assert.match(r.text(r.f[0]!), /^disk = /);
  });
  test('a device_model_override is another binary: no verdict', () => {
    const src = `${HVM}acpi = 0\ndevice_model_version = "qemu-xen"\ndevice_model_override = "/opt/qemu/bin/qemu-system-i386"\n`;
    assert.deepEqual(check(src, D13).f, []);
  });
  test('local: the QEMU release dpkg names on a dom0', () => {
    const status = 'Package: qemu-system-xen\nStatus: install ok installed\nVersion: 1:10.0.13+ds-0+deb13u1\n';
    const reader: LocalHostReader = {
      isDom0: () => true, physinfo: () => undefined, lookupUser: () => null, access: () => 'ok', pathKind: () => 'file',
      dpkgStatus: () => status,
    };
    assert.deepEqual(check(`${HVM}acpi = 0\n`, { host: 'local', xenVersion: '4.20' }, reader).f.map((f) => f.data!.option), ['-no-acpi']);
    assert.deepEqual(check(`${HVM}acpi = 0\n`, { host: 'local', xenVersion: '4.20' }, { ...reader, dpkgStatus: () => undefined }).f, []);
  });
});

// Every corpus and fixture config against the real QEMU's verdict on the oracle's argv.
const REPO = resolve(__dirname, '..', '..', '..');
const SETS = [
  { set: 'oracle-4.17', corpus: 'test/oracle/corpus', argv: 'test/oracle/golden', qemu: '7.2', options: D12 },
  { set: 'fixtures-4.17', corpus: 'test/fixtures/oracle/corpus', argv: 'test/fixtures/oracle/golden', qemu: '7.2', options: D12 },
  { set: 'oracle-4.20', corpus: 'test/oracle/corpus', argv: 'test/oracle-4.20/golden', qemu: '10.0', options: D13 },
  { set: 'fixtures-4.20', corpus: 'test/fixtures/oracle/corpus', argv: 'test/fixtures/oracle/golden-4.20', qemu: '10.0', options: D13 },
] as const;

describe('qemu-refuses-option fires exactly where the real QEMU refuses (corpus and fixtures)', () => {
  for (const s of SETS) {
    test(`${s.set}: ${s.options.host}, Xen ${s.options.xenVersion}, QEMU ${s.qemu}`, () => {
      const dir = join(REPO, 'test', 'fixtures', 'qemu', s.qemu, s.set);
      const diffs: string[] = [];
      let fired = 0, refused = 0, n = 0;
      for (const f of readdirSync(dir).sort()) {
        const name = f.slice(0, -'.json'.length);
        const golden = JSON.parse(readFileSync(join(dir, f), 'utf8'));
        const argv = JSON.parse(readFileSync(join(REPO, s.argv, `${name}.argv.json`), 'utf8')).argv as string[];
        const cfg = join(REPO, s.corpus, `${name}.cfg`);
        if (!existsSync(cfg) || argv[0] !== '/usr/libexec/xen-qemu-system-i386') continue; // overrides: not the packaged QEMU
        n++;
        const real = realRefusals(golden);
        const a = analyze({ bytes: new Uint8Array(readFileSync(cfg)), options: { ...s.options, sourceName: `${name}.cfg` } });
        const ours = [...new Set(a.findings.filter((x) => x.code === CODE).map((x) => `${x.data!.argvIndex} ${x.data!.option}`))].sort();
        if (real.length) refused++;
        if (ours.length) fired++;
        if (JSON.stringify(real) !== JSON.stringify(ours)) diffs.push(`${name}: QEMU ${JSON.stringify(real)}, diagnostic ${JSON.stringify(ours)}`);
      }
      console.log(`${s.set} under ${s.options.host}: ${n} configs, QEMU ${s.qemu} refused ${refused}, the diagnostic fired on ${fired}`);
      assert.deepEqual(diffs, []);
      assert.ok(n > 20);
    });
  }
  for (const [host, qemu] of [['debian-12', '7.2'], ['debian-13', '10.0']] as const) {
    test(`probes (each config names its Xen release): ${host}, QEMU ${qemu}`, () => {
      const goldens = qemuGoldens(qemu);
      const argvs = probeArgvs({ host });
      const diffs: string[] = [];
      let refused = 0, fired = 0;
      for (const [key, argv] of argvs) {
        const g = goldens.get(key)!;
        assert.ok(g, key);
        const name = key.slice('probes/'.length);
        const a = analyze({ bytes: new Uint8Array(readFileSync(join(PROBES_DIR, `${name}.cfg`))), options: { host, sourceName: `${name}.cfg` } });
        assert.deepEqual(a.deviceModel!.argv, probeArgvs().get(key), `${key}: the same argv as under reference`);
        const real = realRefusals(g);
        const ours = [...new Set(a.findings.filter((x) => x.code === CODE).map((x) => `${x.data!.argvIndex} ${x.data!.option}`))].sort();
        if (real.length) refused++;
        if (ours.length) fired++;
        if (JSON.stringify(real) !== JSON.stringify(ours)) diffs.push(`${key}: QEMU ${JSON.stringify(real)}, diagnostic ${JSON.stringify(ours)}`);
      }
      console.log(`probes under ${host}: ${argvs.size} configs, QEMU ${qemu} refused ${refused}, the diagnostic fired on ${fired}`);
      assert.deepEqual(diffs, []);
    });
  }
});
