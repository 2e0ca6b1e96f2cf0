// Protocol-level tests for hover and completion inside spec strings (issue 13): every spec kind
// answers on the part under the cursor (a field, a value, a flag, a piece of a cpus/iomem/ioports
// string), with the range of that part; completion offers the kind's fields and values for the
// target Xen release and replaces only the word being typed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestClient } from '../helpers/lsp-client';

const HEAD = 'name = "t"\ntype = "hvm"\nmemory = 512\n';

/** The position of the `n`th character of `needle` (first occurrence after the head) in `text`. */
function posOf(text: string, needle: string, n = 0): { line: number; character: number } {
  const i = text.indexOf(needle, HEAD.length) + n;
  assert.ok(i >= n, `${needle} not in ${text}`);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - before.lastIndexOf('\n') - 1 };
}

function slice(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line);
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

describe('hover and completion inside spec strings over LSP', () => {
  let c: TestClient;
  let n = 0;
  before(async () => { c = await startServer({ configuration: null }); });
  after(async () => { await c.close(); });

  async function hoverAt(body: string, needle: string, offset = 1, head = HEAD) {
    const uri = `file:///t/spec-hover-${n++}.cfg`;
    const text = head + body + '\n';
    await c.open(uri, text);
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: posOf(text, needle, offset) });
    return h ? { md: h.contents.value as string, part: slice(text, h.range) } : null;
  }

  async function complete(body: string, head = HEAD) {
    const uri = `file:///t/spec-complete-${n++}.cfg`;
    const text = head + body.replace('|', '') + '\n';
    await c.open(uri, text);
    const at = (head + body).indexOf('|');
    const before = text.slice(0, at);
    const position = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
    const r = await c.request('textDocument/completion', { textDocument: { uri }, position });
    const items: any[] = Array.isArray(r) ? r : r.items;
    return { labels: items.map((i) => i.label as string), items, replaced: items[0] ? slice(text, items[0].textEdit.range) : null };
  }

  // [config line, text to point at, part the hover covers, what the hover says]
  const hovers: [string, string, string, RegExp][] = [
    ['disk = [ "format=qcow2, vdev=xvda, target=/srv/a.img" ]', 'format', 'format', /### `disk`: `format=`[\s\S]*`qcow2`: QEMU copy-on-write/],
    ['disk = [ "format=qcow2, vdev=xvda, target=/srv/a.img" ]', 'qcow2', 'qcow2', /`format=qcow2`: QEMU copy-on-write, version 2/],
    ['disk = [ "phy:/dev/vg/a,xvda,w" ]', 'xvda', 'xvda', /positional `vdev`/],
    ['disk = [ "phy:/dev/vg/a,xvda,w" ]', ',w', 'w', /positional `access`[\s\S]*`w`: read-write/],
    ['vif = [ "bridge=xenbr0, model=e1000" ]', 'bridge', 'bridge', /### `vif`: `bridge=`/],
    ['pci = [ "01:00.0,permissive=1" ]', 'permissive', 'permissive', /### `pci`: `permissive=`[\s\S]*pciback/],
    ['pci = [ "01:00.0,permissive=yes" ]', 'yes', 'yes', /xl reads `yes` as the number 0 .*\*\*off\*\*/],
    ['pci = [ "01:00.0@5,seize=1" ]', '01:00', '01:00.0', /bus 01, device 00, function 0/],
    ['vfb = [ "vnc=1,keymap=de" ]', 'keymap', 'keymap', /### `vfb`: `keymap=`/],
    ['channel = [ "name=org.qemu.guest_agent.0,connection=pty" ]', 'pty', 'pty', /`connection=pty`: a pseudo-terminal/],
    ['usbdev = [ "hostbus=0x1,hostaddr=2" ]', '0x1', '0x1', /xl reads this as 1/],
    ['usbctrl = [ "type=devicemodel,version=3" ]', 'devicemodel', 'devicemodel', /an emulated controller in QEMU/],
    ['p9 = [ "tag=share,security_model=none,path=/srv,type=qemu" ]', 'type', 'type', /Xen 4\.17 does not know `type` here; it is read from Xen 4\.19/],
    ['vtpm = [ "backend=vtpmmgr,uuid=b1a2c3d4-0000-4000-8000-000000000001" ]', 'uuid', 'uuid', /### `vtpm`: `uuid=`/],
    ['vkb = [ "backend-type=linux" ]', 'linux', 'linux', /`backend-type=linux`: a Linux backend/],
    ['vdispl = [ "connectors=c0:1024x768" ]', 'connectors', 'connectors', /`ID:WIDTHxHEIGHT`/],
    ['vsnd = [ [ "CARD, short-name=a", "PCM, name=p", "STREAM, type=p" ] ]', 'STREAM', 'STREAM', /a stream of the last PCM device/],
    ['vsnd = [ [ "CARD, short-name=a", "PCM, name=p", "STREAM, type=p" ] ]', 'type=p', 'type', /STREAM: its direction[\s\S]*`p`: playback/],
    ['dtdev = [ "/soc/ethernet@ff0e0000" ]', 'soc', '/soc/ethernet@ff0e0000', /host's device tree/],
    ['iomem = [ "fe000,2@fd000" ]', 'fe000', 'fe000', /first machine page frame.*0xfe000000/],
    ['iomem = [ "fe000,2@fd000" ]', ',2', '2', /2 pages, 8 KiB/],
    ['iomem = [ "fe000,2@fd000" ]', 'fd000', 'fd000', /guest frame/],
    ['ioports = [ "3f8-3ff" ]', '3f8', '3f8-3ff', /0x3f8 to 0x3ff \(8 ports\)/],
    ['irqs = [ 7 ]', '7', '7', /host interrupt 7/],
    ['cpus = "0-3,^1,nodes:0"', '^1', '^1', /`\^1` removes CPU 1\./],
    ['cpus = "0-3,^1,nodes:0"', 'nodes', 'nodes:0', /every CPU of NUMA node 0/],
    ['cpus_soft = "all"', 'all', 'all', /adds every CPU of the host[\s\S]*soft affinity/],
    ['vnuma = [ [ "pnode=0", "size=512", "vcpus=0", "vdistances=10" ] ]', 'size', 'size', /Memory of this virtual node in MiB/],
    ['rdm = "strategy=host,policy=relaxed"', 'strategy', 'strategy', /### `rdm`: `strategy=`/],
    ['serial = "pty"', 'pty', 'pty', /a pseudo-terminal in dom0/],
  ];
  for (const [body, needle, part, says] of hovers) {
    test(`hover ${body} @ ${needle}`, async () => {
      const h = await hoverAt(body, needle, needle.startsWith(',') ? 1 : 1);
      assert.ok(h, 'a hover');
      assert.equal(h.part, part);
      assert.match(h.md, says);
    });
  }

  test('hover: the release gate follows the target (p9 type= from 4.19)', async () => {
    const h = await hoverAt('p9 = [ "tag=s,type=qemu" ]', 'type', 1, '# xlcfg: xen=4.20\n' + HEAD);
    assert.ok(h);
    assert.doesNotMatch(h.md, /does not know/);
    assert.match(h.md, /Read from Xen 4\.19/);
  });

  test('hover: rdm policy= warns that xl (4.15+) drops the whole value for a policy it knows', async () => {
    const h = await hoverAt('rdm = "strategy=host,policy=relaxed"', 'relaxed');
    assert.ok(h);
    assert.equal(h.part, 'relaxed');
    assert.match(h.md, /a policy it knows makes it drop the whole `rdm`/);
    const bad = await hoverAt('rdm = "strategy=host,policy=lenient"', 'lenient');
    assert.doesNotMatch(bad!.md, /drop the whole/);
  });

  test('completion is triggered by a comma (the start of the next field)', () => {
    assert.ok(c.initializeResult.capabilities.completionProvider.triggerCharacters.includes(','));
  });

  test('hover: a field xl does not know in this kind', async () => {
    const h = await hoverAt('channel = [ "name=a,colour=red" ]', 'colour');
    assert.ok(h);
    assert.match(h.md, /`colour` is not an item xl knows in a `channel` string: xl prints `unknown channel parameter` and goes on/);
    const word = await hoverAt('channel = [ "name=a,colour" ]', 'colour');
    assert.match(word!.md, /xl refuses the guest \(`failed to parse channel configuration`\)/);
    const vfb = await hoverAt('vfb = [ "vnc=1,colour=2" ]', 'colour');
    assert.match(vfb!.md, /xl ignores it without a word/);
  });

  test('completion after a comma: the fields, `=` for those with a value, the written ones left out', async () => {
    const r = await complete('disk = [ "format=raw, |" ]');
    assert.ok(r.labels.includes('vdev='));
    assert.ok(r.labels.includes('discard'));
    assert.ok(!r.labels.includes('format='));
    // 4.17's generated scanner has no trusted flag and no grant_usage.
    assert.ok(!r.labels.includes('trusted'));
    assert.ok(!r.labels.includes('grant_usage='));
    assert.equal(r.items.find((i) => i.label === 'vdev=')!.textEdit.newText, 'vdev=');
  });

  test('completion replaces only the word being typed', async () => {
    const r = await complete('pci = [ "01:00.0,perm|" ]');
    assert.ok(r.labels.includes('permissive='));
    assert.equal(r.replaced, 'perm');
  });

  test('completion after `field=`: the enumerated values', async () => {
    assert.deepEqual((await complete('disk = [ "vdev=xvda, format=|" ]')).labels, ['raw', 'qcow', 'qcow2', 'vhd', 'qed', 'empty']);
    assert.deepEqual((await complete('pci = [ "01:00.0,rdm_policy=|" ]')).labels, ['strict', 'relaxed']);
    assert.deepEqual((await complete('channel = [ "name=a,connection=|" ]')).labels, ['pty', 'socket']);
    assert.deepEqual((await complete('usbctrl = [ "type=|" ]')).labels, ['auto', 'pv', 'qusb', 'devicemodel']);
    assert.deepEqual((await complete('vkb = [ "backend-type=|" ]')).labels, ['qemu', 'linux']);
    assert.deepEqual((await complete('rdm = "strategy=host,policy=|"')).labels, ['strict', 'relaxed']);
  });

  test('completion follows the target release (p9 type= and vif vlan= from 4.19)', async () => {
    assert.ok(!(await complete('p9 = [ "tag=s, |" ]')).labels.includes('type='));
    assert.ok((await complete('p9 = [ "tag=s, |" ]', '# xlcfg: xen=4.20\n' + HEAD)).labels.includes('type='));
    assert.ok(!(await complete('vif = [ "bridge=xenbr0,|" ]')).labels.includes('vlan='));
    assert.ok((await complete('vif = [ "bridge=xenbr0,|" ]', '# xlcfg: xen=4.20\n' + HEAD)).labels.includes('vlan='));
  });

  test('completion: fields for other guest types come last', async () => {
    const r = await complete('pci = [ "01:00.0,|" ]', 'name = "t"\ntype = "pv"\nkernel = "/k"\nmemory = 512\n');
    const vslot = r.items.find((i) => i.label === 'vslot=')!;
    const seize = r.items.find((i) => i.label === 'seize=')!;
    assert.ok(vslot.sortText > seize.sortText);
    assert.match(vslot.detail, /HVM only/);
  });

  test('completion in each kind\'s string', async () => {
    const expect: [string, string][] = [
      ['vif = [ "|" ]', 'bridge='], ['vfb = [ "|" ]', 'vnc='], ['channel = [ "|" ]', 'connection='],
      ['usbdev = [ "|" ]', 'hostbus='], ['usbctrl = [ "|" ]', 'ports='], ['vtpm = [ "|" ]', 'uuid='],
      ['vkb = [ "|" ]', 'backend-type='], ['vdispl = [ "|" ]', 'connectors='], ['rdm = "|"', 'strategy='],
      ['vnuma = [ [ "|" ] ]', 'vdistances='], ['vsnd = [ [ "|" ] ]', 'CARD'], ['vsnd = [ [ "CARD", "|" ] ]', 'STREAM'], ['vsnd = [ [ "CARD", "PCM, |" ] ]', 'name='],
      ['cpus = "0-3,|"', 'nodes:'], ['cpus_soft = "|"', 'all'], ['serial = "|"', 'pty'],
    ];
    for (const [body, label] of expect) assert.ok((await complete(body)).labels.includes(label), `${body}: ${label}`);
  });

  test('completion in a list written over several lines', async () => {
    const r = await complete('disk = [\n  "vdev=xvda, target=/a",\n  "vdev=xvdb, acc|"\n]');
    assert.ok(r.labels.includes('access='));
    assert.equal(r.replaced, 'acc');
  });

  test('completion after target= offers nothing (it takes the rest of the string)', async () => {
    assert.deepEqual((await complete('disk = [ "vdev=xvda, target=/srv/a,|" ]')).labels, []);
  });
});
