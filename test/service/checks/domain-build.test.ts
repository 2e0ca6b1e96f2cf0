// libxl-build-refuses: what libxl refuses while it builds the domain (libxl__arch_domain_create and
// hvm_set_viridian_features in tools/libs/light/libxl_x86.c). The oracles build no domain, so the
// expectations are the facts read from that file: the TSC mode native_paravirt is refused from Xen
// 4.12 (4.11 still supports it), the viridian groups need `base` when any group is on, and the
// viridian groups are set before the TSC mode is read (the first refusal stops the build).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/service/analyze';
import type { AnalysisOptions } from '../../../server/src/service/options';

const enc = (s: string) => new TextEncoder().encode(s);
function check(src: string | Uint8Array, options: Partial<AnalysisOptions> = {}) {
  const a = analyze({ bytes: typeof src === 'string' ? enc(src) : src, options: { host: 'reference', ...options } });
  const text = typeof src === 'string' ? src : new TextDecoder().decode(src);
  return { f: a.findings, code: (c: string) => a.findings.filter((x) => x.code === c), text: (x: { start: number; end: number }) => text.slice(x.start, x.end) };
}
const HVM = 'name = "t"\ntype = "hvm"\nmemory = 1024\n';

describe('libxl-build-refuses', () => {
  test('tsc_mode native_paravirt: an error from 4.12 on, quoting libxl, instead of the version warning', () => {
    for (const xenVersion of ['4.12', '4.17', '4.20', '4.22'] as const) {
      const r = check(`${HVM}tsc_mode = "native_paravirt"\n`, { xenVersion });
      const [f, ...more] = r.code('libxl-build-refuses');
      assert.equal(more.length, 0);
      assert.equal(f?.severity, 'error', xenVersion);
      assert.equal(r.text(f!), 'tsc_mode = "native_paravirt"');
      assert.match(f!.message, /libxl refuses .* when it builds the domain/);
      assert.ok(f!.message.includes('TSC Mode native_paravirt (a.k.a PVRDTSCP) has been removed'));
      assert.equal(f!.data!.libxlFunction, 'libxl__arch_domain_create');
      assert.equal(r.code('value-not-in-version').length, 0, 'the error replaces the warning');
    }
  });

  test('tsc_mode native_paravirt is still built by Xen 4.11 and 4.10', () => {
    for (const xenVersion of ['4.10', '4.11'] as const) {
      assert.equal(check(`${HVM}tsc_mode = "native_paravirt"\n`, { xenVersion }).code('libxl-build-refuses').length, 0);
    }
  });

  test('the TSC mode is read for every guest type', () => {
    const r = check('name = "p"\ntype = "pvh"\nkernel = "/k"\ntsc_mode = "native_paravirt"\n');
    assert.equal(r.code('libxl-build-refuses').length, 1);
  });

  test('the corpus config with tsc_mode native_paravirt gets the error', () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'oracle', 'corpus', 'chk-hvm-tsc-native-paravirt.cfg');
    const r = check(readFileSync(file), { xenVersion: '4.17' });
    assert.deepEqual(r.f.filter((f) => f.severity === 'error').map((f) => f.code), ['libxl-build-refuses']);
  });

  test('viridian groups without base', () => {
    for (const v of ['["freq"]', '["defaults", "!base"]', '["time_ref_count", "apic_assist"]']) {
      const r = check(`${HVM}viridian = ${v}\n`);
      const [f] = r.code('libxl-build-refuses');
      assert.equal(f?.severity, 'error', v);
      assert.equal(r.text(f!), `viridian = ${v}`);
      assert.ok(f!.message.endsWith('base group not enabled'));
      assert.equal(f!.data!.libxlFunction, 'hvm_set_viridian_features');
    }
  });

  test('viridian sets that libxl builds', () => {
    for (const v of ['1', '0', '["base", "freq", "!freq"]', '["base"]', '["defaults"]', '["all"]', '["!base"]']) {
      assert.equal(check(`${HVM}viridian = ${v}\n`).code('libxl-build-refuses').length, 0, v);
    }
  });

  test('viridian is refused before the TSC mode: one error, on viridian', () => {
    const r = check(`${HVM}viridian = ["freq"]\ntsc_mode = "native_paravirt"\n`);
    assert.deepEqual(r.code('libxl-build-refuses').map((f) => r.text(f)), ['viridian = ["freq"]']);
  });

  test('not when xl or libxl refuses earlier', () => {
    const r = check(`${HVM}tsc_mode = "native_paravirt"\nbuilder = "xen"\n`);
    assert.ok(r.f.some((f) => f.severity === 'error'), 'xl refuses the builder');
    assert.equal(r.code('libxl-build-refuses').length, 0);
  });
});
