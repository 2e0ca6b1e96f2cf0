// Bad input never crashes the model: arbitrary values (any text, nested lists, += settings) for
// every key xl reads give a result, never an exception or an internal-error finding.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDomainConfig } from '../../../server/src/service/model';
import { DEFAULT_OPTIONS } from '../../../server/src/service/options';
import type { Setting, Value } from '../../../server/src/service/syntax/settings';

const KEYS = [
  'name', 'type', 'builder', 'memory', 'maxmem', 'vcpus', 'maxvcpus', 'cpus', 'cpus_soft', 'vnuma', 'uuid', 'on_crash',
  'kernel', 'firmware', 'bootloader', 'bootloader_args', 'cmdline', 'root', 'extra', 'tsc_mode', 'timer_mode', 'altp2m',
  'viridian', 'mmio_hole', 'mca_caps', 'ioports', 'irqs', 'iomem', 'pci', 'rdm', 'disk', 'vif', 'vfb', 'vkb', 'vsnd',
  'channel', 'p9', 'vtpm', 'usbctrl', 'usbdev', 'vdispl', 'pvcalls', 'cpuid', 'serial', 'usbdevice', 'vga', 'vnc',
  'vnclisten', 'vncdisplay', 'spice', 'device_model_version', 'device_model_args', 'max_grant_frames', 'gic_version', 'tee',
];

const atom = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('0', '1', '-1', '0x10', '010', '99999999999999999999', 'host,aes=1', 'pcm', 'card', '0-3', 'nodes:0', ''),
  fc.stringMatching(/^[a-z_=,:;0-9. x^-]{0,30}$/),
);
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom.map((s): Value => ({ type: 'string', line: 1, value: s, start: 0, end: 0 })),
    fc.array(tie('v'), { maxLength: 4 }).map((items): Value => ({ type: 'list', line: 1, items, start: 0, end: 0 })),
  ),
})).v;
const setting: fc.Arbitrary<Setting> = fc.record({
  name: fc.constantFrom(...KEYS), op: fc.constantFrom<'=' | '+='>('=', '=', '=', '+='), value,
}).map(({ name, op, value: v }) => ({ name, op, line: 1, value: v, written: v, keyStart: 0, keyEnd: 0, opStart: 0, end: 0 }));

describe('model: robustness', () => {
  test('never throws, never reports an internal error', () => {
    fc.assert(fc.property(fc.array(setting, { maxLength: 12 }), (settings) => {
      const withName: Setting[] = [{ ...settings[0] ?? ({} as Setting), name: 'name', op: '=', line: 1,
        value: { type: 'string', line: 1, value: 'n', start: 0, end: 0 },
        written: { type: 'string', line: 1, value: 'n', start: 0, end: 0 }, keyStart: 0, keyEnd: 0, opStart: 0, end: 0 }, ...settings];
      for (const s of [settings, withName]) {
        const r = buildDomainConfig(s, DEFAULT_OPTIONS);
        assert.ok(!r.findings.some((f) => f.code === 'model-internal-error'), JSON.stringify(r.findings));
        assert.equal(r.config === null, r.exitStatus !== 0);
      }
    }), { numRuns: 3000 });
  });
});
