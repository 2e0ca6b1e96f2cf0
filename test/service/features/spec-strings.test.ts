// Service-level tests for the parts of spec strings (features/spec-parts.ts) that hover and
// completion stand on, and for the hover texts that depend on what xl does with a part.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { hover } from '../../../server/src/service/features/hover';
import { completions } from '../../../server/src/service/features/completion';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specPartAt, specSlot } from '../../../server/src/service/features/spec-parts';

const HEAD = 'name = "t"\ntype = "hvm"\nmemory = 512\n';

function hoverOn(line: string, needle: string, n = 1, xen?: string) {
  const src = (xen ? `# xlcfg: xen=${xen}\n` : '') + HEAD + line + '\n';
  const a = analyze({ bytes: new TextEncoder().encode(src) });
  const h = hover(a, src.indexOf(needle, src.indexOf(line)) + n);
  return h ? { md: h.markdown, part: src.slice(h.start, h.end) } : null;
}

describe('spec parts', () => {
  const part = (key: string, spec: string, at: string, n = 0, xen = '4.17') =>
    specPartAt(key, spec, spec.indexOf(at) + n, xen as never);

  test('key=value kinds: field, value, flag, unknown word', () => {
    assert.deepEqual(part('vif', 'mac=00:16:3e:00:00:01, bridge=xenbr0', 'bridge'), { role: 'field', field: 'bridge', text: 'bridge', start: 23, end: 29 });
    assert.deepEqual(part('vif', 'mac=00:16:3e:00:00:01, bridge=xenbr0', 'xenbr0'), { role: 'value', field: 'bridge', text: 'xenbr0', start: 30, end: 36 });
    assert.equal(part('vif', 'bridge=xenbr0,untrusted', 'untrusted')!.role, 'flag');
    assert.equal(part('vif', 'bridge=xenbr0,colour', 'colour')!.role, 'word');
  });

  test('disk: the scanner\'s tokens, positional parameters named in xl\'s order', () => {
    assert.deepEqual(part('disk', '/srv/a.img,raw,xvda,rw', 'raw'), { role: 'positional', field: 'format', text: 'raw', start: 11, end: 14 });
    assert.equal(part('disk', '/srv/a.img,raw,xvda,rw', 'xvda')!.field, 'vdev');
    assert.equal(part('disk', '/srv/a.img,raw,xvda,rw', 'rw')!.field, 'access');
    // After an old-style prefix the format is not read by position.
    assert.equal(part('disk', 'phy:/dev/vg/a,xvda,w', 'xvda')!.field, 'vdev');
    assert.equal(part('disk', 'phy:/dev/vg/a,xvda,w', 'phy')!.role, 'prefix');
    assert.equal(part('disk', 'vdev=xvda, devtype=cdrom, target=/a,b', 'cdrom')!.field, 'devtype');
    // target= takes the rest of the string, commas included.
    assert.deepEqual(part('disk', 'vdev=xvda, target=/a,b', ',b', 1), { role: 'value', field: 'target', text: '/a,b', start: 18, end: 22 });
    // 4.17's scanner has no grant_usage (and `_` is no parameter name to it): a positional word.
    assert.equal(part('disk', 'grant_usage=1,vdev=xvda', 'grant', 0)!.role, 'positional');
    assert.equal(part('disk', 'grant_usage=1,vdev=xvda', 'grant', 0, '4.20')!.field, 'grant_usage');
  });

  test('pci: the device, its vslot, then options', () => {
    assert.deepEqual(part('pci', '0000:01:00.0@5,seize=1', '01'), { role: 'bdf', field: 'bdf', text: '0000:01:00.0', start: 0, end: 12 });
    assert.deepEqual(part('pci', '0000:01:00.0@5,seize=1', '5,', 0), { role: 'vslot', field: 'vslot', text: '5', start: 13, end: 14 });
    assert.equal(part('pci', '0000:01:00.0@5,seize=1', 'seize')!.role, 'field');
  });

  test('numeric lists: the piece under the cursor', () => {
    assert.deepEqual(part('cpus', '0-3,^1,nodes:0', '^1'), { role: 'cpus', text: '^1', start: 4, end: 6 });
    assert.equal(part('iomem', 'fe000,2@fd000', 'fe000')!.role, 'iomem-start');
    assert.equal(part('iomem', 'fe000,2@fd000', '2@', 0)!.role, 'iomem-number');
    assert.equal(part('iomem', 'fe000,2@fd000', 'fd000', 1)!.role, 'iomem-gfn');
    assert.equal(part('ioports', '3f8-3ff', '3ff')!.role, 'ioport');
    assert.equal(part('vnuma', 'vdistances=10,20', '20')!.field, 'vdistances');
    assert.equal(part('vsnd', 'STREAM, type=p', 'STREAM')!.role, 'level');
  });

  test('completion slots', () => {
    assert.deepEqual(specSlot('pci', '01:00.0,per'), { kind: 'field', prefix: 'per', start: 8, index: 1, written: ['01:00.0'] });
    assert.deepEqual(specSlot('disk', 'vdev=xvda, format=q'), { kind: 'value', field: 'format', prefix: 'q', start: 18 });
    assert.equal(specSlot('disk', 'vdev=xvda, target=/a,'), null);
    assert.deepEqual(specSlot('cpus', '0-3,^'), { kind: 'part', prefix: '', start: 5 });
    // vnuma items are one `name=value` each: commas belong to the value.
    assert.deepEqual(specSlot('vnuma', 'vdistances=10,'), { kind: 'value', field: 'vdistances', prefix: '10,', start: 11 });
  });
});

describe('spec hover texts', () => {
  test('a positional that is not a value of its field says that xl refuses the disk', () => {
    const h = hoverOn('disk = [ "/srv/a.img,hda,w" ]', 'hda');
    assert.equal(h!.part, 'hda');
    assert.match(h!.md, /positional `format`[\s\S]*`hda` is not one of the values below: xl refuses the disk \(`unknown value for format`\)/);
  });

  test('a string with escapes gets the hover of the whole value, not of a part', () => {
    const h = hoverOn('disk = [ "vdev=xvda, target=/a\\x41" ]', 'vdev');
    assert.ok(!h || !/### `disk`: `vdev=`/.test(h.md));
  });

  test('the guest type: fields for HVM guests say so on a PV guest', () => {
    const src = 'name = "t"\ntype = "pv"\nkernel = "/k"\nmemory = 512\npci = [ "01:00.0,vslot=5" ]\n';
    const a = analyze({ bytes: new TextEncoder().encode(src) });
    const h = hover(a, src.indexOf('vslot') + 1)!;
    assert.match(h.markdown, /Matters only for HVM guests; this is a PV guest/);
  });

  test('the target release: disk trusted is a flag from 4.19', () => {
    assert.match(hoverOn('disk = [ "vdev=xvda, trusted, target=/a" ]', 'trusted')!.md,
      /The disk scanner of Xen 4\.17 does not know `trusted` \(read from 4\.19\): it reads the word as a positional parameter/);
    assert.match(hoverOn('disk = [ "vdev=xvda, trusted, target=/a" ]', 'trusted', 1, '4.20')!.md, /Read from Xen 4\.19/);
  });

  test('structured values: what xl makes of them', () => {
    // 25000 bytes per 20 ms: the oracle's golden of warn-spec-vifs stores exactly these.
    assert.match(hoverOn('vif = [ "rate=10Mb/s@20ms" ]', '10Mb')!.md, /xl stores 25000 bytes per 20 ms/);
    assert.match(hoverOn('vif = [ "rate=10Mb/x" ]', '10Mb')!.md, /xl refuses this rate: `invalid rate`/);
    assert.match(hoverOn('vdispl = [ "connectors=c0:1024x768;c1:800x600" ]', 'c0')!.md, /`c0` 1024×768, `c1` 800×600/);
    assert.match(hoverOn('vnuma = [ [ "vcpus=0-3,6" ] ]', '0-3')!.md, /vCPUs 0 to 3, 6 belong to this node/);
  });

  test('disk grant_usage in 4.17 is a positional word (both oracles: spec-disk-grant-usage)', () => {
    assert.match(hoverOn('disk = [ "vdev=xvda, grant_usage=1, target=/a" ]', 'grant')!.md, /Xen 4\.17 does not know `grant_usage` \(read from 4\.19\)/);
    assert.match(hoverOn('disk = [ "vdev=xvda, grant_usage=1, target=/a" ]', 'grant', 1, '4.20')!.md, /### `disk`: `grant_usage=`/);
  });

  test('cpus: the list form names the vCPU the string is for', () => {
    assert.match(hoverOn('vcpus = 2\ncpus = [ "0", "2-3" ]', '2-3')!.md, /`2-3` adds CPUs 2 to 3[\s\S]*hard affinity \(where the vCPUs may run\) of vCPU 1/);
    assert.match(hoverOn('cpus = "all,^2"', '^2')!.md, /`\^2` removes CPU 2[\s\S]*of every vCPU/);
  });

  test('completion finds the key of the statement the string is in', () => {
    const at = (line: string) => {
      const src = HEAD + line.replace('|', '') + '\n';
      return completions(analyze({ bytes: new TextEncoder().encode(src) }), HEAD.length + line.indexOf('|')).items.map((i) => i.label);
    };
    assert.ok(at('vcpus = 2; pci = [ "01:00.0,|" ]').includes('seize='));
    assert.ok(at('vdispl = [ "connectors=a:1x1;b:2x2", "|" ]').includes('be-alloc='));
    assert.ok(at('on_crash = "destroy"; vif = [ "bridge=xenbr0,|" ]').includes('mac='));
  });

  test('a value only some releases know: disk backendtype=standalone from 4.17', () => {
    assert.doesNotMatch(hoverOn('disk = [ "backendtype=standalone, vdev=xvda, target=/a" ]', 'standalone')!.md, /does not know/);
    assert.match(hoverOn('disk = [ "backendtype=standalone, vdev=xvda, target=/a" ]', 'standalone', 1, '4.16')!.md,
      /Xen 4\.16 does not know this value; it is read from Xen 4\.17/);
    const labels = (xen: string) => {
      const src = `# xlcfg: xen=${xen}\n${HEAD}disk = [ "vdev=xvda, backendtype=" ]\n`;
      return completions(analyze({ bytes: new TextEncoder().encode(src) }), src.indexOf('backendtype=') + 12).items.map((i) => i.label);
    };
    assert.deepEqual(labels('4.16'), ['phy', 'tap', 'qdisk']);
    assert.deepEqual(labels('4.17'), ['phy', 'tap', 'qdisk', 'standalone']);
  });

  test('disk vdev: the disk number and device number libxl derives', () => {
    assert.match(hoverOn('disk = [ "vdev=xvdb, target=/a" ]', 'xvdb')!.md, /disk 1 \(device number 51728\)/);
    assert.match(hoverOn('disk = [ "/a,raw,hdc,w" ]', 'hdc')!.md, /positional `vdev`[\s\S]*disk 2 \(device number 5632\)/);
  });

  test('a field of a later release: what this release\'s xl does with it (spec-vif-vlan, spec-p9-type-xen9pfsd)', () => {
    assert.match(hoverOn('vif = [ "bridge=xenbr0,vlan=10" ]', 'vlan')!.md, /Xen 4\.17 does not know `vlan` here; it is read from Xen 4\.19\. Until then, xl prints `unrecognized argument` and goes on without it\./);
    assert.match(hoverOn('p9 = [ "tag=s,type=qemu" ]', 'type')!.md, /Until then, xl refuses the guest\./);
  });

  test('vif mac: multicast and Xen\'s prefix', () => {
    assert.match(hoverOn('vif = [ "mac=00:16:3e:00:00:01" ]', '00:16')!.md, /the prefix registered for Xen/);
    assert.match(hoverOn('vif = [ "mac=01:16:3e:00:00:01" ]', '01:16')!.md, /multicast address/);
  });

  test('numbers: what xl stores', () => {
    assert.match(hoverOn('usbdev = [ "hostbus=0x10,hostaddr=2" ]', '0x10')!.md, /xl reads this as 16/);
    assert.match(hoverOn('usbctrl = [ "version=2" ]', '=2', 1)!.md, /`version=2`: USB 2\.0/);
    assert.match(hoverOn('pci = [ "01:00.0,seize=2" ]', '=2', 1)!.md, /\*\*on\*\* \(any non-zero number is on\)/);
  });
});

describe('hover and completion at every offset of the fixtures', () => {
  test('never throw, and a hover inside a string stays inside it', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'oracle', 'corpus');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.cfg'))) {
      const bytes = readFileSync(join(dir, f));
      const a = analyze({ bytes: new Uint8Array(bytes) });
      for (let o = 0; o <= bytes.length; o++) {
        const h = hover(a, o);
        if (h) assert.ok(h.start <= o && o <= h.end, `${f}@${o}`);
        completions(a, o);
      }
    }
  });
});
