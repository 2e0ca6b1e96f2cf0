// Each check family on small configs: code, severity, span, related and data. Verdicts that the
// oracle can give are in corpus.test.ts; these pin down our own words and the host/version cases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import type { AnalysisOptions } from '../../../server/src/service/options';
import type { HostModel } from '../../../server/src/service/host';
import { REFERENCE_HOST } from '../../../server/src/service/host';

const enc = (s: string) => new TextEncoder().encode(s);
function check(src: string, options: Partial<AnalysisOptions> = {}, localHost?: HostModel) {
  const a = analyze({ bytes: enc(src), options: localHost ? { ...options, host: 'local' } : options, ...(localHost ? { localHost } : {}) });
  return { a, f: a.findings, code: (c: string) => a.findings.filter((x) => x.code === c), text: (x: { start: number; end: number }) => src.slice(x.start, x.end) };
}
const HVM = 'name = "t"\ntype = "hvm"\nmemory = 1024\n';

describe('dm_restrict checks', () => {
  test('traditional written: error on dm_restrict, related on device_model_version', () => {
    const r = check(`${HVM}device_model_version = "qemu-xen-traditional"\ndm_restrict = 1\n`);
    const [f] = r.code('dm-restrict-traditional');
    assert.equal(f?.severity, 'error');
    assert.equal(r.text(f!), 'dm_restrict = 1');
    assert.match(f!.message, /libxl refuses .*when the guest starts.*dm_restrict not supported by qemu-xen-traditional/);
    assert.equal(r.text(f!.related![0]!), 'device_model_version = "qemu-xen-traditional"');
    assert.equal(f!.data!.cause, 'written');
  });

  test('PV without anything that needs qemu: hint, unnecessary', () => {
    const r = check('name = "p"\ntype = "pv"\nkernel = "/k"\ndm_restrict = 1\n');
    const [f] = r.code('dm-restrict-no-effect');
    assert.equal(f?.severity, 'hint');
    assert.deepEqual(f!.tags, ['unnecessary']);
    assert.equal(r.code('dm-restrict-traditional').length, 0);
  });

  test('PVH with a framebuffer: qemu still runs as root (warning)', () => {
    const r = check('name = "p"\ntype = "pvh"\nkernel = "/k"\ndm_restrict = 1\nvfb = [ "vnc=1" ]\n');
    assert.equal(r.code('dm-restrict-pv-root')[0]?.severity, 'warning');
  });

  test('with PCI passthrough: hint', () => {
    const r = check(`${HVM}dm_restrict = 1\npci = [ "0000:03:00.0" ]\n`);
    const [f] = r.code('dm-restrict-pci');
    assert.equal(f?.severity, 'hint');
    assert.equal(r.text(f!.related![0]!), 'pci = [ "0000:03:00.0" ]');
  });

  test('an unknown dom0: what libxl will need, not a guess', () => {
    const unknownUsers: HostModel = { ...REFERENCE_HOST, profile: 'local', lookupUser: () => 'unknown' };
    const r = check(`${HVM}dm_restrict = 1\n`, {}, unknownUsers);
    const [f] = r.code('host-user-required');
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /^libxl will refuse this unless user xen-qemuuser-range-base or xen-qemuuser-shared exists on the dom0/);
    assert.equal(r.text(f!), 'dm_restrict = 1');
  });

  test('a device model binary no profile knows: what libxl will check, as information', () => {
    const r = check(`${HVM}device_model_version = "qemu-xen"\ndevice_model_override = "/opt/qemu/bin/qemu-system-i386"\n`);
    const [f] = r.code('host-requirement');
    assert.equal(f?.severity, 'information');
    assert.match(f!.message, /unless \/opt\/qemu\/bin\/qemu-system-i386 is executable on the dom0/);
    assert.equal(r.text(f!), 'device_model_override = "/opt/qemu/bin/qemu-system-i386"');
  });

  test('a dom0 without the users: libxl\'s own refusal', () => {
    const noUsers: HostModel = { ...REFERENCE_HOST, profile: 'local', lookupUser: () => null };
    const r = check(`${HVM}dm_restrict = 1\n`, {}, noUsers);
    const [f] = r.code('libxl-refuses');
    assert.match(f!.message, /Could not find user xen-qemuuser-shared or range base pseudo-user xen-qemuuser-range-base, cannot restrict/);
    assert.equal(r.text(f!), 'dm_restrict = 1');
  });
});

describe('qemu-xen-traditional', () => {
  const TRAD = `${HVM}device_model_version = "qemu-xen-traditional"\n`;
  test('a warning about its security status on the reference host', () => {
    const r = check(TRAD);
    const [f] = r.code('qemu-traditional');
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /not security supported .* since Xen 4\.15.*removed in Xen 4\.21/);
  });
  test('an error under debian-12, where qemu-dm is not installed', () => {
    const r = check(TRAD, { host: 'debian-12' });
    const [f] = r.code('libxl-refuses');
    assert.match(f!.message, /device model \/usr\/lib\/xen-4\.17\/bin\/qemu-dm is not executable/);
    assert.equal(r.text(f!), 'device_model_version = "qemu-xen-traditional"');
  });
  test('Xen 4.21: a stubdomain needs device_model_version written out', () => {
    const r = check(`${HVM}device_model_stubdomain_override = 1\ndm_restrict = 1\n`, { xenVersion: '4.21' });
    const [f] = r.code('libxl-refuses');
    assert.match(f!.message, /unknown device model version.*device_model_version = "qemu-xen"/);
    assert.equal(r.text(f!), 'device_model_stubdomain_override = 1');
    assert.equal(r.code('dm-restrict-traditional').length, 0);
  });
  test('Xen 4.21: xl itself refuses it, and nothing from libxl follows', () => {
    const r = check(`${TRAD}dm_restrict = 1\n`, { xenVersion: '4.21' });
    const [f] = r.code('xl-unknown-dm-version');
    assert.equal(f?.severity, 'error');
    assert.match(f!.message, /Unknown device_model_version "qemu-xen-traditional" specified/);
    assert.equal(r.code('dm-restrict-traditional').length, 0);
    assert.equal(r.code('qemu-traditional').length, 0);
  });
});

describe('silent ignores, in our words', () => {
  test('unknown key with "did you mean"', () => {
    const r = check(`${HVM}vpcus = 2\n`);
    const [f] = r.code('unknown-key');
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /Did you mean `vcpus`\?/);
    assert.deepEqual(f!.data, { key: 'vpcus', suggestion: 'vcpus' });
  });
  test('an unknown key with no close one: named in the message, no data (no fix reads any)', () => {
    const [f] = check(`${HVM}zzqx_frob = 2\n`).code('unknown-key');
    assert.equal(f?.message, 'xl does not know the key `zzqx_frob` and ignores it.');
    assert.equal(f!.data, undefined);
  });
  test('cdrom from xm days', () => {
    const [f] = check(`${HVM}cdrom = "/x.iso"\n`).code('unknown-key');
    assert.match(f!.message, /devtype=cdrom/);
  });
  test('a boolean written "yes": xl\'s warning plus what to write', () => {
    const r = check(`${HVM}acpi = "yes"\n`);
    const [f] = r.code('boolean-as-word');
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /parameter `acpi' is not a valid number.*write 1/);
    assert.equal(r.text(f!), '"yes"');
  });
  test('maxmem below memory', () => {
    const r = check(`${HVM}maxmem = 512\n`);
    const [f] = r.code('maxmem-below-memory');
    assert.equal(r.text(f!), 'maxmem = 512');
    assert.equal(r.text(f!.related![0]!), 'memory = 1024');
  });
  test('a key for another guest type', () => {
    const [f] = check('name = "p"\ntype = "pv"\nkernel = "/k"\nboot = "c"\n').code('ignored-for-guest-type');
    assert.match(f!.message, /`boot` has no effect for PV guests/);
  });
  test('deprecated keys: hint with the Deprecated tag and data for the fix', () => {
    const r = check('name = "t"\nbuilder = "hvm"\nstdvga = 1\n');
    const dep = r.code('deprecated-key');
    assert.deepEqual(dep.map((x) => x.data!.key), ['builder', 'stdvga']);
    assert.ok(dep.every((x) => x.severity === 'hint' && x.tags?.includes('deprecated')));
  });
  test('opengl with qemu-xen does nothing', () => {
    const [f] = check(`${HVM}sdl = 1\nopengl = 1\n`).code('no-effect');
    assert.equal(f?.severity, 'hint');
  });
});

describe('target Xen version', () => {
  test('a key that the target does not read', () => {
    const [f] = check(`${HVM}dm_restrict = 1\n`, { xenVersion: '4.10' }).code('key-not-in-version');
    assert.equal(f, undefined, 'dm_restrict exists since 4.10');
    const [g] = check(`${HVM}vmtrace_buf_kb = 64\n`, { xenVersion: '4.12' }).code('key-not-in-version');
    assert.match(g!.message, /xl of Xen 4\.12 does not read `vmtrace_buf_kb`/);
  });
  test('a value from a later release', () => {
    const r = check('name = "t"\ntype = "pvh"\nkernel = "/k"\ntee = "ffa"\n', { xenVersion: '4.18' });
    assert.equal(r.f.filter((x) => x.severity === 'error').length, 0, 'tee="ffa" exists in 4.18');
    const old = check('name = "t"\ntype = "pvh"\nkernel = "/k"\ntee = "ffa"\n', { xenVersion: '4.17' });
    assert.ok(old.f.some((x) => x.severity === 'error' && /Unknown tee "ffa"/.test(x.message)));
  });
  test('suppression and bad input never crash the checks', () => {
    const r = check(`${HVM}# xlcfg-disable-next-line unknown-key\nvpcus = 2\n`);
    assert.equal(r.code('unknown-key').length, 0);
    for (const src of ['', '\n', 'x=1\n', 'type="pv"\n', 'name=[]\ntype=[]\n', 'dm_restrict="x"\n']) check(src).f.slice();
  });
});
