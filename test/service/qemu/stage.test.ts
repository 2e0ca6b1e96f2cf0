// The qemu/ stage on hand-made argvs: each rule of the models, with the facts the real binaries
// gave (goldens.test.ts checks the stage against those binaries on every golden argv).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  QEMU_10_0, QEMU_7_2, qemuModelForVersion, qemuOptionList, qemuOptions, qemuRefusals,
} from '../../../server/src/service/qemu';

const QEMU = '/usr/libexec/xen-qemu-system-i386';
const base = ['-xen-domid', '1', '-no-shutdown', '-nodefaults', '-no-user-config', '-name', 't', '-display', 'none',
  '-machine', 'xenfv,suppress-vmdesc=on', '-m', '1016'];
const argv = (...extra: string[]) => [QEMU, ...base, ...extra];
const refused = (a: string[], m = QEMU_10_0) => qemuRefusals(a, m).map((r) => [r.index, r.option, r.reason, r.detail]);

describe('qemu stage: options QEMU does not have', () => {
  test('-no-acpi: QEMU 10 refuses it (removed), QEMU 7.2 takes it', () => {
    const a = argv('-no-acpi');
    assert.deepEqual(refused(a), [[a.length - 1, '-no-acpi', 'option-removed', undefined]]);
    assert.deepEqual(refused(a, QEMU_7_2), []);
    assert.match(qemuRefusals(a, QEMU_10_0)[0]!.message, /QEMU 10\.0 no longer has -no-acpi/);
  });
  test('-chroot and -runas: QEMU 10 refuses both, 7.2 takes them', () => {
    const a = argv('-chroot', '/var/run/xen/qemu-root-1', '-runas', '131073:131072');
    assert.deepEqual(refused(a).map((r) => r[1]), ['-chroot', '-runas']);
    assert.deepEqual(refused(a, QEMU_7_2), []);
  });
  test('-run-with: QEMU 7.2 does not have it yet, QEMU 10 takes it', () => {
    const a = argv('-run-with', 'chroot=/var/run/xen/qemu-root-1', '-run-with', 'user=xen-qemuuser-c6-01');
    assert.deepEqual(refused(a, QEMU_7_2).map((r) => [r[1], r[2]]), [['-run-with', 'option-too-new'], ['-run-with', 'option-too-new']]);
    assert.deepEqual(refused(a), []);
  });
});

describe('qemu stage: what Debian builds without', () => {
  test('-display sdl in both (the only display type is none)', () => {
    for (const m of [QEMU_7_2, QEMU_10_0]) {
      assert.deepEqual(refused(argv('-display', 'sdl'), m).map((r) => [r[1], r[2], r[3]]), [['-display', 'display-not-built', 'sdl']]);
      assert.deepEqual(refused(argv('-display', 'sdl,gl=on'), m).map((r) => r[3]), ['sdl']);
    }
    assert.deepEqual(refused(argv()), []); // -display none
  });
  test('block formats: qed in neither, vpc in 7.2 only, qcow2 and raw in both', () => {
    const drive = (f: string) => argv('-drive', `file=/srv/x.img,if=ide,index=0,media=disk,format=${f},cache=writeback`);
    assert.deepEqual(refused(drive('qed'), QEMU_7_2).map((r) => r[3]), ['qed']);
    assert.deepEqual(refused(drive('vpc'), QEMU_7_2), []);
    assert.deepEqual(refused(drive('vpc')).map((r) => [r[2], r[3]]), [['block-format-not-built', 'vpc']]);
    for (const f of ['raw', 'qcow2']) { assert.deepEqual(refused(drive(f)), []); assert.deepEqual(refused(drive(f), QEMU_7_2), []); }
  });
  test('-device usb-redir in neither; aliases and other devices pass', () => {
    const a = argv('-device', 'usb-redir,chardev=usbrc1,id=usbrc1', '-device', 'ahci,id=ahci0', '-device', 'rtl8139,id=nic0,netdev=net0');
    for (const m of [QEMU_7_2, QEMU_10_0]) assert.deepEqual(refused(a, m).map((r) => [r[1], r[3]]), [['-device', 'usb-redir']]);
  });
  test('sound devices: QEMU 10 has no default audio driver (none, spice, wav only); 7.2 falls back to none', () => {
    const a = argv('-device', 'intel-hda', '-device', 'hda-duplex', '-device', 'ac97');
    assert.deepEqual(refused(a).map((r) => [r[2], r[3]]), [['no-audio-driver', 'hda-duplex'], ['no-audio-driver', 'ac97']]);
    assert.deepEqual(refused(a, QEMU_7_2), []);
  });
  test('VNC passwords: neither build has the DES cipher they need', () => {
    for (const m of [QEMU_7_2, QEMU_10_0]) {
      assert.deepEqual(refused(argv('-vnc', '0.0.0.0:0,password=on,to=99'), m).map((r) => [r[1], r[2]]), [['-vnc', 'vnc-password-not-built']]);
      assert.deepEqual(refused(argv('-vnc', '127.0.0.1:0,to=99'), m), []);
    }
  });
});

describe('qemu stage: values', () => {
  test('-spice password=: QEMU 10 refuses the parameter, 7.2 only warns', () => {
    const a = argv('-spice', 'port=5930,tls-port=0,password=hunter2,agent-mouse=on');
    assert.deepEqual(refused(a).map((r) => [r[1], r[2], r[3]]), [['-spice', 'parameter-removed', 'password']]);
    assert.deepEqual(refused(a, QEMU_7_2), []);
    assert.deepEqual(refused(argv('-spice', 'port=5930,tls-port=0,disable-ticketing=on')), []);
  });
  test('-global: DRIVER.PROPERTY=VALUE or driver=/property=/value=, nothing else', () => {
    assert.deepEqual(refused(argv('-global', 'foo=bar')).map((r) => [r[2], r[3]]), [['global-syntax', 'foo']]);
    assert.deepEqual(refused(argv('-global', 'PIIX4_PM.disable_s3=1', '-global', 'e1000.romfile=')), []);
    assert.deepEqual(refused(argv('-global', 'driver=e1000,property=romfile,value=')), []);
  });
  test("libxl's id=(null) (a COLO disk without its export name) is not an identifier", () => {
    const a = argv('-drive', 'if=ide,index=0,media=disk,cache=writeback,driver=quorum,id=(null),children.0.file.filename=/x');
    const [r] = qemuRefusals(a, QEMU_7_2);
    assert.equal(r?.reason, 'bad-identifier');
    assert.equal(r?.detail, '(null)');
    assert.deepEqual(refused(argv('-drive', 'file=/x,if=none,id=ahcidisk-0,format=raw')), []);
  });
});

describe('qemu stage: devices as QEMU creates them', () => {
  test('cirrus-vga takes vgamem_mb 4, 8 or 16', () => {
    assert.deepEqual(refused(argv('-device', 'cirrus-vga,vgamem_mb=4096')).map((r) => [r[2], r[3]]), [['device-property-value', 'vgamem_mb=4096']]);
    assert.deepEqual(refused(argv('-device', 'cirrus-vga,vgamem_mb=16'), QEMU_7_2), []);
    assert.deepEqual(refused(argv('-device', 'VGA,vgamem_mb=4096')), []);
  });
  test('an IDE CD-ROM on the slot of an if=ide disk: "IDE unit N is in use"', () => {
    const a = argv('-drive', 'file=/a,if=ide,index=2,media=disk,format=raw', '-drive', 'if=none,readonly=on,id=ide-5632',
      '-device', 'ide-cd,id=ide-5632,drive=ide-5632,bus=ide.1,unit=0', '-device', 'ide-cd,id=x,drive=x,bus=ide.1,unit=1');
    assert.deepEqual(refused(a).map((r) => [r[0], r[2], r[3]]), [[a.indexOf('ide-cd,id=ide-5632,drive=ide-5632,bus=ide.1,unit=0') - 1, 'ide-slot-in-use', '1:0']]);
    assert.deepEqual(refused(argv('-drive', 'file=/a,if=ide,index=0,format=raw', '-device', 'ide-cd,id=c,drive=c,bus=ide.1,unit=0')), []);
  });
});

describe('qemu stage: what older libxl releases write, and more', () => {
  test('-soundhw (libxl before 4.17): neither QEMU has it', () => {
    for (const m of [QEMU_7_2, QEMU_10_0]) assert.deepEqual(refused(argv('-soundhw', 'hda'), m).map((r) => [r[1], r[2]]), [['-soundhw', 'option-removed']]);
  });
  test('-usbdevice takes a kind only (tablet, mouse, keyboard)', () => {
    assert.deepEqual(refused(argv('-usb', '-usbdevice', 'host:1234:5678')).map((r) => [r[2], r[3]]), [['usbdevice-parameters', 'host']]);
    assert.deepEqual(refused(argv('-usb', '-usbdevice', 'tablet'), QEMU_7_2), []);
  });
  test('-k: a layout without a keymap file is refused at -vnc', () => {
    const a = argv('-vnc', '127.0.0.1:0,to=99', '-k', 'xx');
    assert.deepEqual(refused(a).map((r) => [r[1], r[2], r[3]]), [['-vnc', 'unknown-keymap', 'xx']]);
    assert.deepEqual(refused(argv('-vnc', '127.0.0.1:0,to=99', '-k', 'de')), []);
  });
  test('-smp: at most 128 vCPUs on xenfv', () => {
    assert.deepEqual(refused(argv('-smp', '8,maxcpus=200')).map((r) => [r[2], r[3]]), [['too-many-vcpus', '200']]);
    assert.deepEqual(refused(argv('-smp', '128,maxcpus=128'), QEMU_7_2), []);
  });
});

describe('qemu stage: helpers', () => {
  test('option lists: ,, is a comma, a bare first word is the implied key', () => {
    assert.deepEqual(qemuOptionList('file=/a,,b,format=raw'), [['file', '/a,b'], ['format', 'raw']]);
    assert.deepEqual(qemuOptionList('sdl,gl=on', 'type'), [['type', 'sdl'], ['gl', 'on']]);
  });
  test('options and their values; flags take none', () => {
    assert.deepEqual(qemuOptions([QEMU, '-S', '-m', '1', '-no-acpi', '-name', 'x']), [[1, '-S', undefined], [2, '-m', '1'], [4, '-no-acpi', undefined], [5, '-name', 'x']]);
  });
  test('the model of a package version', () => {
    assert.equal(qemuModelForVersion('1:10.0.13+ds-0+deb13u1'), QEMU_10_0);
    assert.equal(qemuModelForVersion('1:7.2+dfsg-7+deb12u18+b3'), QEMU_7_2);
    assert.equal(qemuModelForVersion('10.0'), QEMU_10_0);
    assert.equal(qemuModelForVersion('1:8.2.2+ds-0ubuntu1'), undefined);
    assert.equal(qemuModelForVersion('garbage'), undefined);
  });
});
