// applyLibxlDefaults against real libxl: for every corpus config that xl accepts, the resolved
// config equals what Debian's libxl holds after its defaults (resolved-config oracle), the
// device-model fields equal the dm-argv goldens, and every refusal quotes libxl's log line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEBIAN_12_HOST } from '../../../server/src/service/host';
import { applyLibxlDefaults, libxlLogText } from '../../../server/src/service/defaults';
import { requireOracle } from '../../helpers/oracle';
import { allCorpus, hostFor, logBody, options } from './corpus-helpers';
import { resolvedOracle, resolvedOracleAvailable } from './oracle/resolved';

const accepted = allCorpus().filter((e) => e.dryrun?.exit_status === 0 && e.dryrun.config && e.argv);

/** The libxl functions whose messages this stage reproduces (later ones belong to the argv builder). */
const DEFAULTING_FUNCTIONS = new Set([
  'libxl__domain_config_setdefault', 'libxl__domain_create_info_setdefault', 'libxl__domain_build_info_setdefault',
  'libxl__arch_passthrough_mode_setdefault', 'libxl__device_disk_setdefault', 'libxl__device_disk_set_backend',
  'libxl__device_nic_setdefault', 'libxl__device_nic_set_devids', 'initiate_domain_create',
]);
const logFunction = (line: string) => /^libxl: [a-z]+: [^:]+:\d+:([^:]+):/.exec(line)?.[1] ?? '';

function resolve(name: string, config: Record<string, unknown>) {
  return applyLibxlDefaults(config, { options: options(), host: hostFor(name) });
}

describe('device-model fields equal the dm-argv goldens', () => {
  for (const e of accepted) {
    test(e.name, () => {
      const r = resolve(e.name, e.dryrun.config);
      const argv = e.argv;
      const setdefaultStages = ['domain_config_setdefault', 'disk_setdefault', 'nic_set_devids'];
      if (argv.outcome === 'error' && setdefaultStages.includes(argv.stage)) {
        assert.equal(r.resolved, null, 'libxl refuses this config while defaulting');
        const ours = r.messages.map(libxlLogText);
        for (const line of argv.log as string[]) {
          assert.ok(ours.includes(logBody(line)), `missing libxl message: ${line}\nours: ${ours.join('\n')}`);
        }
        return;
      }
      assert.ok(r.resolved, `libxl accepts it: ${r.messages.map(libxlLogText).join('; ')}`);
      // libxl's abort() later on (a PV stubdomain that needs a dom0 qemu) leaves the harness no report.
      if (argv.outcome === 'harness_crash') return;
      const ours = r.messages.map(libxlLogText);
      for (const line of (argv.log as string[]).filter((l) => DEFAULTING_FUNCTIONS.has(logFunction(l)))) {
        assert.ok(ours.includes(logBody(line)), `missing libxl message: ${line}`);
      }
      const b = r.resolved.b_info as Record<string, unknown>;
      assert.equal(b.device_model_version, argv.device_model_version);
      assert.equal(b.device_model_stubdomain === 'True', argv.device_model_stubdomain);
      assert.equal(b.dm_restrict === 'True', argv.dm_restrict);
    });
  }
});

describe('the whole resolved config equals real libxl after its defaults', () => {
  if (!requireOracle('defaults vs resolved-config oracle') || !resolvedOracleAvailable()) return;
  for (const e of accepted) {
    test(e.name, () => {
      const real = resolvedOracle(e.dryrun.config, { qemuXenAbsent: e.name.includes('noqemu') });
      const r = resolve(e.name, e.dryrun.config);
      assert.deepEqual(r.resolved, real.config);
      // Same key order as libxl's generated JSON writer, so the printed config reads like libxl's.
      assert.equal(JSON.stringify(r.resolved), JSON.stringify(real.config));
      // The harness calls the per-disk defaults itself, so initiate_domain_create's follow-up
      // line ("Unable to set disk defaults for disk N") is not in its log; real xl prints it.
      // Messages marked `ours` explain a silent libxl failure in our words.
      const ours = r.messages.filter((m) => m.function !== 'initiate_domain_create' && !m.ours).map(libxlLogText);
      assert.deepEqual(ours, real.log.map(logBody));
    });
  }
});

describe('debian-12 host: equal to real libxl reading this Debian machine (--host debian)', () => {
  if (!requireOracle('defaults on the debian-12 host') || !resolvedOracleAvailable()) return;
  if (!existsSync('/usr/libexec/xen-qemu-system-i386')) {
    test('qemu-system-xen is not installed here: the debian host comparison needs it', { skip: true }, () => {});
    return;
  }
  for (const e of accepted.filter((x) => !x.name.includes('noqemu'))) {
    test(e.name, () => {
      const real = resolvedOracle(e.dryrun.config, { host: 'debian' });
      const r = applyLibxlDefaults(e.dryrun.config, { options: options(), host: DEBIAN_12_HOST });
      assert.deepEqual(r.resolved, real.config);
      assert.deepEqual(r.messages.filter((m) => m.function !== 'initiate_domain_create' && !m.ours).map(libxlLogText), real.log.map(logBody));
    });
  }
});
