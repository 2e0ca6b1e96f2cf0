// Findings across configs (features/across-configs.ts): the same name, uuid, vif MAC or writable disk
// target in two guests, each finding on its own config's value with the others as related places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { acrossConfigs, acrossFacts, acrossFromFacts, normalizeTarget } from '../../../server/src/service/features/across-configs';

const cfg = (id: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { id, analysis: analyze({ bytes, options: { host: 'reference', xenVersion: '4.17', sourceName: id } }), text };
};
const span = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);

const base = (name: string, extra = '') => `name = "${name}"\nmemory = 512\nkernel = "/boot/vmlinuz"\n${extra}`;

test('the same name, uuid, MAC and writable disk in two configs: one finding each side, related to the other', () => {
  const a = cfg('a.cfg', base('web', 'uuid = "12345678-1234-1234-1234-123456789ABC"\nvif = [ "bridge=xenbr0", "mac=00:16:3E:00:00:01" ]\ndisk = [ "/dev/vg/web,raw,xvda,rw" ]\n'));
  const b = cfg('b.cfg', base('web', 'uuid = "12345678-1234-1234-1234-123456789abc"\nvif = [ "mac=00:16:3e:00:00:01,bridge=xenbr1" ]\ndisk = [ "format=raw, vdev=xvda, access=rw, target=/dev/vg//web" ]\n'));
  const out = acrossConfigs([a, b]);
  assert.deepEqual(out.map((f) => [f.id, f.code, f.severity]), [
    ['a.cfg', 'duplicate-guest-name', 'warning'], ['a.cfg', 'duplicate-guest-uuid', 'warning'],
    ['a.cfg', 'duplicate-mac-address', 'warning'], ['a.cfg', 'shared-writable-disk', 'warning'],
    ['b.cfg', 'duplicate-guest-name', 'warning'], ['b.cfg', 'duplicate-guest-uuid', 'warning'],
    ['b.cfg', 'duplicate-mac-address', 'warning'], ['b.cfg', 'shared-writable-disk', 'warning'],
  ]);
  const byCode = (id: string, code: string) => out.find((f) => f.id === id && f.code === code)!;
  // Each finding sits on its own value; the related place is the other config's value.
  assert.equal(span(a.text, byCode('a.cfg', 'duplicate-guest-name')), '"web"');
  assert.equal(span(a.text, byCode('a.cfg', 'duplicate-mac-address')), '"mac=00:16:3E:00:00:01"');
  assert.equal(span(b.text, byCode('b.cfg', 'shared-writable-disk')), '"format=raw, vdev=xvda, access=rw, target=/dev/vg//web"');
  const rel = byCode('a.cfg', 'duplicate-mac-address').related;
  assert.deepEqual(rel.map((r) => [r.id, span(b.text, r)]), [['b.cfg', '"mac=00:16:3e:00:00:01,bridge=xenbr1"']]);
  assert.match(byCode('a.cfg', 'duplicate-guest-name').message, /"web" is also in b\.cfg/);
});

test('no finding: different values, read-only or cdrom disks, no uuid line, refused configs, one config alone', () => {
  const a = cfg('a.cfg', base('a', 'vif = [ "mac=00:16:3e:00:00:01" ]\ndisk = [ "/srv/shared.img,raw,xvda,ro", "/srv/x.iso,raw,hdc:cdrom,r" ]\n'));
  const b = cfg('b.cfg', base('b', 'vif = [ "mac=00:16:3e:00:00:02" ]\ndisk = [ "/srv/shared.img,raw,xvda,r", "/srv/x.iso,raw,hdc:cdrom,r" ]\n'));
  const c = cfg('c.cfg', base('c', 'disk = [ "/srv/shared.img,raw,xvda,rw" ]\n')); // writes it, but the others only read
  const refused = cfg('d.cfg', 'name = "a"\nmemory = \n');
  assert.equal(refused.analysis.parsed.accepted, false);
  assert.deepEqual(acrossConfigs([a, b, c, refused]), []);
  // Both without a uuid line: xl would make a random one each.
  assert.deepEqual(acrossConfigs([cfg('x.cfg', base('x')), cfg('y.cfg', base('y'))]), []);
  const twice = cfg('t.cfg', base('t', 'vif = [ "mac=00:16:3e:00:00:09", "mac=00:16:3e:00:00:09" ]\n'));
  assert.deepEqual(acrossConfigs([twice]), [], 'one config alone is a single-file matter');
});

test('three configs: each finding lists the two others', () => {
  const out = acrossConfigs([cfg('1.cfg', base('g')), cfg('2.cfg', base('g')), cfg('3.cfg', base('g'))]);
  assert.equal(out.length, 3);
  assert.deepEqual(out[1]!.related.map((r) => r.id), ['1.cfg', '3.cfg']);
  assert.match(out[1]!.message, /also in 2 other configs \(1\.cfg, 3\.cfg\)/);
});

test('disk targets compare as normalised paths', () => {
  assert.equal(normalizeTarget('/dev/vg0//a/./b'), '/dev/vg0/a/b');
  assert.equal(normalizeTarget('/dev/vg0/x/../a'), '/dev/vg0/a');
  assert.equal(normalizeTarget('images/a.img'), 'images/a.img');
});

test("a config's `# xlcfg-disable-next-line` and severities apply to its own findings", () => {
  const quiet = cfg('q.cfg', '# xlcfg-disable-next-line duplicate-guest-name\n' + base('g'));
  const loud = { id: 'l.cfg', analysis: analyze({ bytes: new TextEncoder().encode(base('g')), options: { host: 'reference' }, severities: { 'duplicate-guest-name': 'error' } }) };
  const off = { id: 'o.cfg', analysis: analyze({ bytes: new TextEncoder().encode(base('g')), options: { host: 'reference' }, severities: { 'duplicate-guest-name': 'off' } }) };
  assert.deepEqual(acrossConfigs([quiet, loud, off]).map((f) => [f.id, f.severity, f.related.map((r) => r.id)]), [['l.cfg', 'error', ['q.cfg', 'o.cfg']]]);
});

test('a value in many configs: each finding names the first five others and a count, and relates twenty', () => {
  const many = Array.from({ length: 40 }, (_, i) => cfg(`${String(i).padStart(2, '0')}.cfg`, base(`g${i}`, 'vif = [ "mac=00:16:3e:12:34:56" ]\n')));
  const facts = many.map((c) => acrossFacts(c.id, c.analysis));
  const out = acrossFromFacts(facts);
  assert.equal(out.length, 40);
  assert.match(out[0]!.message, /also in 39 other configs \(01\.cfg, 02\.cfg, 03\.cfg, 04\.cfg, 05\.cfg and 34 more\)/);
  assert.equal(out[0]!.related.length, 20);
  assert.equal(out[0]!.data.otherCount, 39);
  assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts, 'the facts are plain data (a worker thread sends them)');
  assert.deepEqual(acrossFromFacts(facts, '07.cfg'), out.filter((f) => f.id === '07.cfg'), 'one config\'s findings: the same as among all');
});
