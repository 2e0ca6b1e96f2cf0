// xl's global config (xl.conf) in the service: what xl takes from it per release (model/xl-conf.ts),
// and the features of an xl.conf document (its own keys for diagnostics, hover, completion, tokens).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readXlConf, parse, hover, completions, semanticTokens, previewCodeLens, codeActionsAt, XL_CONF_KEYS } from '../../../server/src/service';

const enc = (t: string) => new TextEncoder().encode(t);
const conf = (text: string, xenVersion: '4.10' | '4.12' | '4.17' | '4.20' = '4.17') =>
  analyze({ bytes: enc(text), kind: 'xl.conf', options: { xenVersion, host: 'reference', sourceName: 'xl.conf' } });

test('the globals xl takes, per release: cpumasks from 4.12, max_grant_version from 4.16', () => {
  const text = 'vif.default.bridge = "br1"\ndefaultbridge = "old"\nvm.cpumask = "0-3"\nmax_grant_version = 1\nclaim_mode = 0\nrun_hotplug_scripts = 0\n';
  const r417 = readXlConf(parse(enc(text)).settings, '4.17');
  assert.deepEqual(r417.globals, { vifBridge: 'br1', cpumask: { vm: '0-3' }, maxGrantVersion: 1, claimMode: false, runHotplugScripts: false });
  assert.match(r417.stderr, /the global config option defaultbridge is deprecated, please switch to vif\.default\.bridge/);
  const r410 = readXlConf(parse(enc(text)).settings, '4.10');
  assert.equal(r410.globals.cpumask, undefined);
  assert.equal(r410.globals.maxGrantVersion, undefined);
  assert.deepEqual(r410.findings.filter((f) => f.code === 'xl-conf-unknown-key').map((f) => f.data?.key), ['vm.cpumask', 'max_grant_version']);
});

test('a grant limit out of range stops xl at start', () => {
  const r = readXlConf(parse(enc('max_maptrack_frames = 4294967296\n')).settings, '4.20');
  assert.equal(r.exitStatus, 1);
  assert.equal(r.findings[0]!.code, 'xl-conf-rejects');
});

test('an xl.conf document: its own findings, no guest, no preview lens; tokens mark unknown and deprecated keys', () => {
  const a = conf('vifscript = "vif-nat"\nmemory = 512\nautoballoon = "maybe"\n');
  assert.equal(a.xl, null);
  assert.deepEqual(a.findings.map((f) => f.code).sort(), ['xl-conf-deprecated', 'xl-conf-invalid', 'xl-conf-unknown-key']);
  assert.deepEqual(previewCodeLens(a, 'file:///etc/xen/xl.conf', 'x'), []);
  assert.deepEqual(semanticTokens(a).map((t) => t.modifiers), [['deprecated'], ['unknown']]);
});

test('hover and completion use xl.conf\'s keys for the target release', () => {
  const a = conf('vm.cpumask = "0-3"\n\n', '4.10');
  assert.match(hover(a, 2)!.markdown, /only from Xen 4\.12 on/);
  const keys = completions(a, a.bytes.length).items.map((i) => i.label);
  assert.ok(keys.includes('vif.default.bridge') && !keys.includes('vm.cpumask') && !keys.includes('memory'));
  const b = conf('output_format = ');
  assert.deepEqual(completions(b, b.bytes.length).items.map((i) => i.insertText), ['"json"', '"sxp"']);
  assert.equal(new Set(XL_CONF_KEYS.map((k) => k.name)).size, XL_CONF_KEYS.length);
});

test('quick fixes: a misspelt key to the close one, an old name to the current one', () => {
  const a = conf('vif.default.bridg = "br0"\ndefaultbridge = "br1"\n');
  const titles = a.findings.flatMap((f) => codeActionsAt(a, 'file:///etc/xen/xl.conf', { start: f.start, end: f.end }).map((x) => x.title));
  assert.ok(titles.includes('Rename to `vif.default.bridge`'), titles.join(' | '));
  assert.equal(titles.filter((t) => t === 'Rename to `vif.default.bridge`').length, 2);
});
