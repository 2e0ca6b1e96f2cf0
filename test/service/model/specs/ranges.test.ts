// Given a spec string, each parser says what xl says and points at the part to fix: the range of
// every issue, sliced out of the spec, is the offending text. Messages are xl 4.17's (checked
// against the oracle in the *-generated and corpus tests).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as specs from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';
import { analyze } from '../../../../server/src/service/analyze';

const ctx = (over: Partial<specs.SpecContext> = {}): specs.SpecContext =>
  ({ guestType: 'hvm', index: 0, options: { ...DEFAULT_OPTIONS, sourceName: 'g.cfg' }, ...over });

function one(r: specs.SpecResult<unknown>, spec: string): { text: string; message: string; code: string; severity: string } {
  assert.equal(r.issues.length, 1, JSON.stringify(r.issues));
  const i = r.issues[0]!;
  return { text: spec.slice(i.start, i.end), message: i.message, code: i.code, severity: i.severity };
}

describe('disk spec issues', () => {
  const cases: [string, string, string][] = [
    ['phy:/dev/vg0/novdev', '', 'no vdev specified'],
    ['/srv/a.img,hda,w', 'hda', 'unknown value for format'],
    ['vdev=xvda, cache=none, target=/x', 'cache=n', 'unknown parameter'],
    ['lvm:/dev/vg0/a,xvda,w', 'lvm:', 'unknown deprecated disk prefix'],
    ['vdev=xvda, Target=/x', '=/x', 'bad disk syntax'],
    ['phy:/dev/a,xvda,w,extra', 'extra', 'too many positional parameters'],
    ['phy:/dev/a,xvda,rx', 'rx', 'unknown value for access'],
    ['phy:/dev/a,xvda:floppy', 'floppy', 'unknown deprecated type'],
    ['format=raw,vdev=x,format=qcow2,target=/x', 'qcow2', 'format respecified'],
    ['vdev=hdc, devtype=floppy, target=/x', 'devtype=floppy,', 'unknown value for type'],
    ['vdev=xvda, trusted, target=/x', '/x', 'target respecified'],
  ];
  for (const [spec, text, what] of cases) {
    test(`${spec} -> ${what}`, () => {
      const r = specs.parseDiskSpec(spec, ctx());
      assert.equal(r.fatal, true);
      const i = one(r, spec);
      assert.equal(i.text, text === '' ? spec : text);
      const near = text === '' ? '' : `: near \`${text}'`;
      assert.equal(i.message, `g.cfg: config parsing error in disk specification: ${what}${near} in \`${spec}'`);
    });
  }
  test('trusted is a flag from Xen 4.19 (4.17 ships a stale generated scanner)', () => {
    const r = specs.parseDiskSpec('vdev=xvda, trusted, target=/x', ctx({ options: { ...DEFAULT_OPTIONS, xenVersion: '4.19' } }));
    assert.deepEqual(r.device, { pdev_path: '/x', vdev: 'xvda', format: 'raw', readwrite: 1, trusted: 'True' });
  });
  test('a classic spec', () => {
    assert.deepEqual(specs.parseDiskSpec('phy:/dev/vg0/a,hda,w', ctx()).device,
      { pdev_path: '/dev/vg0/a', vdev: 'hda', format: 'raw', readwrite: 1 });
  });
});

describe('vif spec issues', () => {
  test('bad mac: warning on the value, half-read MAC kept (xl reads on into the next item)', () => {
    const spec = 'mac=00:16:3e, bridge=xenbr0';
    const r = specs.parseNicSpec(spec, ctx());
    assert.deepEqual(one(r, spec), { text: '00:16:3e', message: "Invalid parameter `mac'.", code: 'vif-bad-mac', severity: 'warning' });
    assert.equal(r.fatal, false);
    assert.deepEqual(r.device, { devid: 0, mac: '00:16:3e:0b:00:00', bridge: 'xenbr0' });
  });
  test('rate 100Mbit is refused', () => {
    const spec = 'bridge=xenbr0, rate=100Mbit';
    const r = specs.parseNicSpec(spec, ctx());
    assert.equal(r.fatal, true);
    assert.deepEqual(one(r, spec), { text: '100Mbit', message: "g.cfg: config parsing error in vif: invalid rate in `100Mbit'", code: 'vif-bad-rate', severity: 'error' });
  });
  test('devid must be a number', () => {
    const spec = 'devid=eth0';
    assert.equal(one(specs.parseNicSpec(spec, ctx()), spec).message, 'xl: failed to convert "eth0" to number');
  });
  test('unknown item', () => {
    const spec = 'bridge=b, colour=red';
    assert.deepEqual(one(specs.parseNicSpec(spec, ctx()), spec).text, 'colour=red');
  });
  test('rate arithmetic', () => {
    assert.deepEqual(specs.parseNicSpec('rate=10Mb/s', ctx({ index: 3 })).device,
      { devid: 3, rate_bytes_per_interval: 62500, rate_interval_usecs: 50000 });
  });
});

describe('pci, channel, usb, vtpm, p9, vkb issues', () => {
  test('pci unknown option: libxlutil and xl share one line', () => {
    const spec = '03:00.0,permisive=1';
    const i = one(specs.parsePciSpec(spec, ctx()), spec);
    assert.equal(i.text, 'permisive');
    assert.equal(i.message, "Unknown PCI_SPEC_STRING option: permisiveunable to parse PCI_SPEC_STRING `03:00.0,permisive=1' for passthrough");
  });
  test('pci device', () => {
    assert.deepEqual(specs.parsePciSpec('0000:03:00.*@5,rdm_policy=Relaxed', ctx()).device,
      { bus: 3, vdevfn: 40, vfunc_mask: 4294967295, rdm_policy: 'relaxed' });
    assert.deepEqual(specs.parsePciSpec('03:00.1', ctx({ pciDefaults: { permissive: true } })).device,
      { func: 1, bus: 3, vfunc_mask: 1, permissive: true });
  });
  test('channel connection', () => {
    const spec = 'name=x, connection=unix';
    assert.deepEqual(one(specs.parseChannelSpec(spec, ctx()), spec), { text: 'unix', message: "unknown channel connection 'unix'", code: 'channel-bad-connection', severity: 'error' });
  });
  test('usbdev unknown item', () => {
    const spec = 'hostbus=1, vendor=0x1234';
    assert.equal(one(specs.parseUsbdevSpec(spec, ctx()), spec).text, 'vendor=0x1234');
  });
  test('vtpm uuid', () => {
    const spec = 'backend=0, uuid=nope';
    assert.deepEqual(one(specs.parseVtpmSpec(spec, ctx()), spec).text, 'nope');
  });
  test('p9 fields are inherited from earlier elements', () => {
    const carry: specs.P9Carry = {};
    assert.equal(specs.parseP9Spec('tag=a, security_model=none, path=/p', ctx(), carry).fatal, false);
    assert.deepEqual(specs.parseP9Spec('tag=b', ctx({ index: 1 }), carry).device, { tag: 'b', path: '/p', security_model: 'none' });
  });
  test('vkb unknown backend type', () => {
    const spec = 'backend-type=sdl';
    assert.equal(one(specs.parseVkbSpec(spec, ctx()), spec).message, 'Unknown backend_type "sdl" in vkb spec');
  });
  test('rdm: a valid policy makes xl ignore the whole value (4.15+ bug)', () => {
    assert.equal(specs.parseRdmSpec('strategy=host,policy=relaxed', ctx()).device, null);
    assert.deepEqual(specs.parseRdmSpec('strategy=host', ctx()).device, { strategy: 'host', policy: null });
  });
});

describe('disk spec syntax by Xen release', () => {
  const at = (v: string) => ctx({ options: { ...DEFAULT_OPTIONS, xenVersion: v as never } });
  test('specification= is an unknown parameter before 4.17', () => {
    const spec = 'vdev=xvda, specification=virtio, target=/x';
    assert.equal(one(specs.parseDiskSpec(spec, at('4.16')), spec).text, 'specification=v');
    assert.equal(specs.parseDiskSpec(spec, at('4.17')).device?.specification, 'virtio');
  });
  test('grant_usage= from 4.19', () => {
    assert.equal(specs.parseDiskSpec('vdev=xvda, grant_usage=1, target=/x', at('4.19')).device?.grant_usage, 'True');
    assert.equal(specs.parseDiskSpec('vdev=xvda, grant_usage=1, target=/x', at('4.17')).fatal, true);
  });
  test('backendtype=standalone from 4.17', () => {
    assert.equal(specs.parseDiskSpec('vdev=xvda, backendtype=standalone, target=/x', at('4.16')).fatal, true);
    assert.equal(specs.parseDiskSpec('vdev=xvda, backendtype=standalone, target=/x', at('4.17')).device?.backend, 'standalone');
  });
});

describe('later releases (from the Xen sources; the oracle runs 4.17 only)', () => {
  const at = (v: string, over: Partial<specs.SpecContext> = {}) => ctx({ options: { ...DEFAULT_OPTIONS, xenVersion: v as never }, ...over });
  test('channel: 4.18 cuts at the first = and (from 4.18.6 on) prints no devid', () => {
    assert.deepEqual(specs.parseChannelSpec('name=a=b, connection=pty', at('4.17')).device, { devid: 0, name: 'a', 'connection.pty': {} });
    assert.deepEqual(specs.parseChannelSpec('name=a=b, connection=pty', at('4.18')).device, { name: 'a=b', 'connection.pty': {} });
    assert.deepEqual(specs.parseChannelSpec('name=a, connection=pty', at('4.20')).device, { name: 'a', 'connection.pty': {} });
    assert.deepEqual(specs.parseChannelSpec('name=a, connection=pty', at('4.21')).device, { name: 'a', 'connection.pty': {} });
  });
  test('p9: 4.19 trims, has type= and defaults the xen_9pfsd path', () => {
    assert.deepEqual(specs.parseP9Spec(' tag = t , type=xen_9pfsd, max-files=10, auto-delete=1', at('4.19', { guestName: 'g' })).device,
      { tag: 't', path: '/var/log/xen/guests/g', type: 'xen_9pfsd', max_files: 10, auto_delete: true });
    assert.equal(specs.parseP9Spec('tag=t, readonly=1', at('4.19')).issues[0]?.message, "Unknown 9pfs parameter 'readonly'");
  });
  test('vif vlan from 4.19', () => {
    assert.deepEqual(specs.parseNicSpec('vlan=10', at('4.19')).device, { devid: 0, vlan: '10' });
    assert.equal(specs.parseNicSpec('vlan=10', at('4.17')).issues[0]?.message, "unrecognized argument `vlan=10'");
  });
});

// The keys xl reads itself (xl_parse.c, not libxlutil): its refusal lands on the part of the
// string it could not read. Messages are checked against both oracles by the corpus fixtures
// spec-<kind>-*.cfg.
describe('ranges inside the strings xl reads itself', () => {
  const cases: [string, string, string, string?][] = [
    // [config line, message xl prints, text the range covers, xen version]
    ['iomem = [ "fe000" ]', 'xl: Invalid argument parsing iomem: fe000', 'fe000'],
    ['iomem = [ "fe000;2" ]', 'xl: Invalid argument parsing iomem: fe000;2', ';2'],
    ['iomem = [ "fe000,zz" ]', 'xl: Invalid argument parsing iomem: fe000,zz', 'zz'],
    ['iomem = [ "fe000,2@fd000x" ]', 'xl: Invalid argument parsing iomem: fe000,2@fd000x', 'x'],
    ['ioports = [ "3f8-zz" ]', 'xl: Invalid argument parsing ioport: 3f8-zz', 'zz'],
    ['ioports = [ "3f8-" ]', 'xl: Invalid argument parsing ioport: 3f8-', '-'],
    ['ioports = [ "100000000" ]', 'xl: ioport 100000000 too big', '100000000'],
    ['ioports = [ "3f8-100000000" ]', 'xl: ioport 100000000 too big', '100000000'],
    ['ioports = [ "3f8:3ff" ]', 'xl: Invalid argument parsing ioport: 3f8:3ff', ':3ff'],
    ['irqs = [ "7x" ]', 'xl: Invalid argument parsing irq: 7x', 'x'],
    ['irqs = [ "4294967295" ]', 'xl: irq ffffffff too big', '4294967295'],
    ['cpus = "0-3,^x,5"', 'Invalid pcpu range: x.', '^x'],
    ['cpus = "all,^all"', 'Can\'t combine "^" and "all".', '^all'],
    ['vcpus = 2\ncpus = [ "0", "1,3-2" ]', 'Invalid pcpu range: 3-2.', '3-2'],
    ['cpus_soft = "nodes:x"', 'Invalid pcpu range: x.', 'nodes:x'],
    ['vnuma = [ [ "pnode=0", "size=x512", "vcpus=0" ] ]', 'xl: failed to convert "x512" to number', 'x512'],
    ['vnuma = [ [ "pnode=7", "size=512", "vcpus=0" ] ]', 'xl: invalid pnode number: 7', '7'],
    ['vnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10,y2" ] ]', 'xl: failed to convert "y2" to number', 'y2'],
    ['vsnd = [ [ "CARD, short-name=a", "PCM, name=p", "STREAM, type=x" ] ]', 'Invalid stream type: x', 'x'],
    ['vsnd = [ [ "CARD, sample-formats=s16_le;s17_le" ] ]', 'Invalid pcm format: s17_le', 's17_le'],
    ['vsnd = [ [ "CARD, colour=red" ] ]', 'Invalid parameter: colour=red', 'colour=red'],
    ['vsnd = [ [ "DEVICE, name=x" ] ]', 'Invalid key: DEVICE', 'DEVICE'],
    ['rdm = "strategy=host,policy=lenient"', 'Unknown RDM policy: lenient', 'lenient'],
    ['rdm = "strategy=guest"', 'Unknown RDM strategy option: guest', 'guest'],
    ['rdm = "mode=host"', 'Unknown RDM state option: mode', 'mode'],
  ];
  for (const [line, message, text, xen] of cases) {
    test(`${line} -> ${message}`, () => {
      const src = `name = "t"\ntype = "hvm"\nmemory = 512\n${line}\n`;
      const a = analyze({ bytes: new TextEncoder().encode(src), options: { ...DEFAULT_OPTIONS, ...(xen ? { xenVersion: xen as never } : {}) } });
      const f = a.findings.find((x) => x.message.includes(message));
      assert.ok(f, `${message} in ${JSON.stringify(a.findings.map((x) => x.message))}`);
      assert.equal(src.slice(f.start, f.end), text);
    });
  }
});
