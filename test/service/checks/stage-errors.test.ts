// A stage that throws (a bug of ours) is run once per analysis: its error is kept, and each check
// that reads the stage reports it as check-internal-error without running the stage again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis } from '../../../server/src/service/analyze';
import type { DefaultsResult } from '../../../server/src/service/defaults';
import type { DeviceModelResult } from '../../../server/src/service/devicemodel';

const bytes = new TextEncoder().encode('name = "g"\ntype = "hvm"\nmemory = 1024\ndm_restrict = 1\n');

test('a throw in the defaults stage is cached once, not re-run by every check', () => {
  let runs = 0;
  class Throwing extends Analysis {
    protected override computeLibxl(): DefaultsResult | null { runs++; throw new Error('defaults bug'); }
  }
  const a = new Throwing({ bytes });
  const internal = a.findings.filter((f) => f.code === 'check-internal-error');
  assert.ok(internal.length >= 2, `${internal.length} checks reported it`);
  assert.ok(internal.every((f) => f.message.includes('defaults bug')));
  assert.equal(runs, 1);
  assert.throws(() => a.libxl, /defaults bug/);
  assert.throws(() => a.deviceModel, /defaults bug/);
  assert.equal(runs, 1);
});

test('a throw in the device-model stage is cached once, not re-run by every check', () => {
  let runs = 0;
  class Throwing extends Analysis {
    protected override computeDeviceModel(): DeviceModelResult | null { runs++; throw new Error('dm bug'); }
  }
  const a = new Throwing({ bytes });
  const internal = a.findings.filter((f) => f.code === 'check-internal-error');
  assert.ok(internal.length >= 2, `${internal.length} checks reported it`);
  assert.equal(runs, 1);
  assert.ok(a.libxl?.resolved, 'the defaults stage is unaffected');
});
