// Hand-picked specs of the smaller kinds (channel, vfb, usbctrl, usbdev, vtpm, p9, pvcalls, vkb,
// vdispl) compared with the live oracle: same device JSON and same stderr lines as real xl 4.17.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireOracle } from '../../../helpers/oracle';
import * as specs from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';
import { compareWithLive, oneDeviceConfig, xlDryrunMany } from './live-oracle';

type Parse = (spec: string, ctx: specs.SpecContext) => specs.SpecResult<unknown>;
interface Kind { key: string; parse: Parse; device: (c: any) => unknown; cases: string[] }

const KINDS: Kind[] = [
  { key: 'channel', parse: specs.parseChannelSpec, device: (c) => c.channels[0], cases: [
    'name=org.qemu.guest_agent.0,connection=socket,path=/run/x.sock', 'name=a,connection=pty,backend=d',
    'name=a , connection = socket , path = /x ', 'name=a', 'connection=socket', 'foo=1,connection=pty',
    'name=a,connection=tty', 'name=a=b,connection=pty', 'name=,connection=pty', 'connection=pty,,name=b',
    '=x,connection=pty', 'connection=PTY', 'path=/p,connection=pty', '', ',', ' '] },
  { key: 'vfb', parse: specs.parseVfbSpec, device: (c) => ({ vfb: c.vfbs[0], vkb: c.vkbs[0] }), cases: [
    'vnc=1,vnclisten=127.0.0.1:1,vncpasswd=x,vncdisplay=2,vncunused=0,keymap=de,sdl=1,opengl=1,display=:0,xauthority=/a',
    '', 'vnc=x,foo,vncdisplay=3', 'sdl=1 ,  vnc=0', 'vncdisplay=0', 'vncdisplay=-4', 'vnc=2,sdl=0x1', 'keymap='] },
  { key: 'usbctrl', parse: specs.parseUsbctrlSpec, device: (c) => c.usbctrls[0], cases: [
    'type=pv,version=2,ports=4', 'type=QUSB', 'type=x', 'version', '', 'type=auto', 'type=devicemodel,version=3,ports=x',
    'ports=31, version=1'] },
  { key: 'usbdev', parse: specs.parseUsbdevSpec, device: (c) => c.usbdevs[0], cases: [
    'hostbus=1,hostaddr=0x2', 'type=hostdev,controller=1,port=2', 'type=bad', 'foo=1', '', 'hostbus=257',
    'controller=0', 'controller=-1,port=-1', 'hostbus=1,type=HOSTDEV,hostaddr=0x102', 'type=hostdev,hostbus=010'] },
  { key: 'vtpm', parse: specs.parseVtpmSpec, device: (c) => c.vtpms[0], cases: [
    'backend=dom1', 'backend=0,uuid=12345678-1234-1234-1234-123456789ABC', 'uuid=bad,backend=x', 'foo=1', 'backend',
    'backend=x,junk,foo=1', ' backend=y', 'backend=a,backend=b'] },
  { key: 'p9', parse: (s, c) => specs.parseP9Spec(s, c), device: (c) => c.p9s[0], cases: [
    'tag=t,security_model=none,path=/p', 'tag=t,security_model=none,path=/p,backend=d', 'tag=t', 'x=1',
    'tag=t,security_model=none,path=/p,oops', 'tag=t,oops,security_model=none,path=/p'] },
  { key: 'pvcalls', parse: specs.parsePvcallsSpec, device: (c) => c.pvcallsifs[0], cases: [
    'backend=d', '', 'x=1', 'backend=a,x', 'x,backend=a'] },
  { key: 'vkb', parse: specs.parseVkbSpec, device: (c) => c.vkbs[0], cases: [
    'backend-type=qemu', 'backend-type=LINUX,backend=d,unique-id=u', 'backend=d', 'backend-type=x', 'foo',
    'backend-type=linux,feature-multi-touch=1', 'backend-type=linux,multi-touch-width=10,width=0x20,height=30',
    'backend-type=qemu,feature-disable-keyboard=1,feature-abs-pointer=2,feature-raw-pointer=0'] },
  { key: 'vdispl', parse: specs.parseVdisplSpec, device: (c) => c.vdispls[0], cases: [
    'connectors=id0:1920x1080;id1:800x600', 'backend=d,be-alloc=1,connectors=c:10x20', 'backend=d',
    'connectors=c:10', 'connectors=c', 'foo=1', 'connectors=a:1x2;;b:3x4'] },
];

describe('smaller spec kinds against live xl', () => {
  const ok = requireOracle('smaller spec kinds against live xl');
  for (const kind of KINDS) {
    test(`${kind.key}: ${kind.cases.length} specs`, { skip: !ok }, async () => {
      const live = await xlDryrunMany(kind.cases.map((s) => oneDeviceConfig(kind.key, s)));
      const cases = kind.cases.map((spec, i) => ({
        spec,
        mine: kind.parse(spec, { guestType: 'hvm', index: 0, options: { ...DEFAULT_OPTIONS, sourceName: `c${i}.cfg` } }),
        real: live[i]!,
      }));
      assert.deepEqual(compareWithLive(cases, kind.device).mismatches, []);
    });
  }
});
