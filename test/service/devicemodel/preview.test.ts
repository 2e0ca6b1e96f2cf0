// The preview document and the shell quoting of its one-liner.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { deviceModelFromConfig, deviceModelSummary, formatPreview, shellQuote } from '../../../server/src/service/devicemodel';
import { REFERENCE_HOST, UNKNOWN_HOST } from '../../../server/src/service/host';
import { allCorpus, options } from './corpus-helpers';

const entries = new Map(allCorpus().map((e) => [e.name, e]));
const preview = (name: string, host = REFERENCE_HOST): string => {
  const o = options({ host: host.profile });
  return formatPreview(deviceModelFromConfig(entries.get(name)!.dryrun.config, { options: o, host }), o);
};

describe('shellQuote', () => {
  test('leaves plain words alone and single-quotes the rest', () => {
    assert.equal(shellQuote(['-vnc', '127.0.0.1:0,to=99', '-name', 'my guest', "it's", '', '$HOME']),
      `-vnc 127.0.0.1:0,to=99 -name 'my guest' 'it'\\''s' '' '$HOME'`);
  });
  test('a POSIX shell reads back the same words', () => {
    const words = ['a b', "q'uote", 'dollar$x', 'tab\there', 'new\nline', '*', 'plain,x=1'];
    const out = execFileSync('sh', ['-c', `printf '%s\\0' ${shellQuote(words)}`], { encoding: 'utf8' });
    assert.deepEqual(out.split('\0').slice(0, -1), words);
  });
});

describe('formatPreview', () => {
  test('groups each option with its meaning and ends with the command in libxl order', () => {
    const text = preview('hvm-qemu-xen-dm-restrict');
    assert.match(text, /^# Device model \(qemu\) for this guest, as Xen 4\.17 builds it$/m);
    const order = ['identity', 'monitor', 'display', 'disks', 'network', 'restrictions', 'other'].map((g) => text.indexOf(`# --- ${g}:`));
    assert.ok(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!)), 'groups in order');
    assert.match(text, /^-xen-domid-restrict +# /m);
    assert.match(text, /^-runas 131073:131072 +# run qemu as this unprivileged user$/m);
    assert.match(text, /fd=7,server=on,wait=off +# .*\[generated: differs on the real host\]$/m);
    const last = text.trimEnd().split('\n').pop()!;
    const golden = entries.get('hvm-qemu-xen-dm-restrict')!.argv;
    assert.equal(last, `XEN_QEMU_CONSOLE_LIMIT=1048576 XEN_DOMAIN_ID=1 ${shellQuote(golden.argv)}`);
  });
  test('generated MACs are marked', () => {
    const text = preview('hvm-vif-variants');
    assert.match(text, /^-device rtl8139,id=nic1,netdev=net1,mac=00:16:3e:00:00:01 +# .*\[generated/m);
    assert.match(text, /^-device e1000,id=nic0,netdev=net0,mac=00:16:3e:5e:00:01 +# emulated NIC 0 \(e1000\)$/m);
  });
  test("on error it shows libxl's message instead of a command", () => {
    const text = preview('hvm-soundhw-bad');
    assert.match(text, /libxl refuses to start it/);
    assert.match(text, /^# {3}libxl__build_device_model_args_new: Domain 1:Unknown soundhw option 'sb16,es1370'$/m);
    assert.doesNotMatch(text, /^\//m);
  });
  test('without a device model it says why', () => {
    const text = preview('pv-minimal');
    assert.match(text, /No device model is started/);
    assert.match(text, /no vfb/);
  });
  test('a stub domain is said to be one', () => {
    assert.match(preview('hvm-stubdom-qemu-xen'), /runs inside a stub domain/);
  });
  test('on an unknown dom0 the assumptions are listed', () => {
    const text = preview('hvm-qemu-xen-dm-restrict', UNKNOWN_HOST);
    assert.match(text, /^# assumed: libxl refuses dm_restrict unless user xen-qemuuser-range-base or xen-qemuuser-shared exists on the dom0$/m);
    assert.match(text, /^# assumed: the device model \/usr\/libexec\/xen-qemu-system-i386 must be installed on the dom0$/m);
  });
});

describe('deviceModelSummary', () => {
  test('what dm_restrict did to the command line', () => {
    const o = options();
    const r = deviceModelFromConfig(entries.get('hvm-qemu-xen-dm-restrict')!.dryrun.config, { options: o, host: REFERENCE_HOST });
    assert.deepEqual(deviceModelSummary(r, false), {
      needed: true, version: 'qemu-xen', stubdomain: false, runAs: '131073:131072',
      restrictFlags: ['QMP socket passed as a file descriptor', '-S', '-xen-domid-restrict', '-chroot /var/run/xen/qemu-root-1', '-runas 131073:131072'],
    });
    const trad = deviceModelFromConfig(entries.get('hvm-trad-dm-restrict')!.dryrun.config, { options: o, host: REFERENCE_HOST });
    assert.equal(deviceModelSummary(trad, false).refusedWith, 'libxl__build_device_model_args_old: Domain 1:dm_restrict not supported by qemu-xen-traditional');
  });
});
