// Refusals of libxl's domain build that the config decides (libxl_x86.c), read from the source:
// the oracle does not build domains, so the inputs come from real `xl -N create` and the verdicts
// from the code (viridian groups, the removed TSC mode).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLibxlDefaults, domainBuildRefusals, libxlLogText } from '../../../server/src/service/defaults';
import { REFERENCE_HOST } from '../../../server/src/service/host';
import { requireOracle, tempConfig, xlDryrun } from '../../helpers/oracle';
import { options } from './corpus-helpers';

function refusals(lines: string[], xenVersion: '4.11' | '4.17' = '4.17'): string[] {
  const dry = xlDryrun(tempConfig('build.cfg', ['name="b"', 'type="hvm"', 'memory=512', ...lines].join('\n') + '\n'));
  assert.equal(dry.exit_status, 0, dry.stderr);
  const ctx = { options: options({ xenVersion }), host: REFERENCE_HOST };
  const r = applyLibxlDefaults(dry.config, ctx);
  assert.ok(r.resolved);
  return domainBuildRefusals(r.resolved, ctx).map(libxlLogText);
}

describe('domain build refusals', () => {
  if (!requireOracle('domain build refusals')) return;
  test('viridian groups without base', () => {
    assert.deepEqual(refusals(['viridian=["freq"]']), ['hvm_set_viridian_features: base group not enabled']);
    assert.deepEqual(refusals(['viridian=["defaults","!base"]']), ['hvm_set_viridian_features: base group not enabled']);
    assert.deepEqual(refusals(['viridian=["base","freq","!freq"]']), []);
    assert.deepEqual(refusals(['viridian=1']), []);
  });
  test('tsc_mode native_paravirt is gone from 4.12', () => {
    assert.deepEqual(refusals(['tsc_mode="native_paravirt"']),
      ['libxl__arch_domain_create: TSC Mode native_paravirt (a.k.a PVRDTSCP) has been removed']);
    assert.deepEqual(refusals(['tsc_mode="native_paravirt"'], '4.11'), []);
  });
  test('the viridian groups are refused first: libxl stops there, before the TSC mode', () => {
    assert.deepEqual(refusals(['viridian=["freq"]', 'tsc_mode="native_paravirt"']), ['hvm_set_viridian_features: base group not enabled']);
  });
  test('enable and disable of the same group (only reachable without xl)', () => {
    const hvm = { viridian_enable: [0, 1], viridian_disable: [1] };
    const r = domainBuildRefusals({ c_info: { type: 'hvm' }, b_info: { 'type.hvm': hvm } }, { options: options() });
    assert.deepEqual(r.map(libxlLogText), ['hvm_set_viridian_features: freq group both enabled and disabled']);
  });
});
