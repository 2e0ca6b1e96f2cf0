// Bad input never crashes a spec parser: arbitrary strings (spec-like alphabets and full Unicode)
// give a result whose issues have ranges inside the spec, and fatal results carry an error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as specs from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS, XEN_VERSIONS } from '../../../../server/src/service/options';

const PARSERS: [string, (s: string, c: specs.SpecContext) => specs.SpecResult<unknown>][] = [
  ['disk', specs.parseDiskSpec], ['vif', specs.parseNicSpec], ['pci', specs.parsePciSpec],
  ['channel', specs.parseChannelSpec], ['vfb', specs.parseVfbSpec], ['usbctrl', specs.parseUsbctrlSpec],
  ['usbdev', specs.parseUsbdevSpec], ['vtpm', specs.parseVtpmSpec], ['p9', (s, c) => specs.parseP9Spec(s, c)],
  ['pvcalls', specs.parsePvcallsSpec], ['vkb', specs.parseVkbSpec], ['vdispl', specs.parseVdisplSpec],
  ['rdm', specs.parseRdmSpec], ['vsnd', (s, c) => specs.parseVsndCard(s.split('|'), c)],
];

const specLike = fc.stringMatching(/^[a-z0-9:=,;@.* \-_/xX\t\n|]{0,40}$/);
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

function check(name: string, parse: (s: string, c: specs.SpecContext) => specs.SpecResult<unknown>, spec: string, v: string): void {
  const ctx: specs.SpecContext = { guestType: 'hvm', index: 0, options: { ...DEFAULT_OPTIONS, xenVersion: v as never } };
  const r = parse(spec, ctx);
  for (const i of r.issues) {
    assert.ok(i.start >= 0 && i.start <= i.end && i.end <= spec.length, `${name}: range of ${JSON.stringify(i)} in ${JSON.stringify(spec)}`);
    assert.ok(i.message.length > 0);
  }
  if (r.fatal) assert.ok(r.device === null && r.issues.some((i) => i.severity === 'error'), `${name} ${JSON.stringify(spec)}`);
  // rdm= is the one kind xl may silently ignore (device null, not fatal).
  else if (name !== 'rdm') assert.ok(r.device !== null, `${name} ${JSON.stringify(spec)}`);
}

describe('spec parsers never throw', () => {
  for (const [name, parse] of PARSERS) {
    test(name, () => {
      fc.assert(fc.property(fc.oneof(specLike, anyText), fc.constantFrom(...XEN_VERSIONS), (spec, v) => {
        check(name, parse, spec, v);
      }), { numRuns: 400 });
    });
  }
});
