// The device-model command line against Debian's real libxl (Xen 4.17 and 4.20): for every corpus config
// that xl accepts, applyLibxlDefaults + buildDeviceModelArgv give the golden dm-argv outcome,
// device-model version, argv (argv[0] included; the QMP fd number aside) and environment; refusals
// carry libxl's own log line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deviceModelFromConfig } from '../../../server/src/service/devicemodel';
import { allCorpus, hostFor, logBody, options, withoutQmpFd } from './corpus-helpers';
import { ORACLE_RELEASES } from '../../helpers/oracle';

// libxl prefixes `Domain N:` when the function knows the domid; the defaults stage leaves it out.
const plain = (l: string): string => l.replace(/: Domain \d+:/, ': ').trimEnd();

for (const release of ORACLE_RELEASES) {
const accepted = allCorpus(release).filter((e) => e.dryrun?.exit_status === 0 && e.dryrun.config && e.argv);

describe(`device-model argv equals the Xen ${release} dm-argv goldens`, () => {
  test('the corpus has configs to check', () => assert.ok(accepted.length > 40, `${accepted.length} configs`));
  for (const e of accepted) {
    test(e.name, () => {
      const r = deviceModelFromConfig(e.dryrun.config, { options: options({ xenVersion: release }), host: hostFor(e.name) });
      const g = e.argv;
      // The oracle reports libxl's own abort() as a crash of its harness.
      assert.equal(r.outcome, g.outcome === 'harness_crash' ? 'crash' : g.outcome, `outcome; ours: ${r.error ?? ''}`);
      if (r.outcome === 'crash') {
        assert.ok(r.crash, 'a crash says why');
        return;
      }
      // A refusal before libxl resolves the version leaves it 'unknown'; ours then names the one xl asked for.
      assert.equal(r.device_model_version, g.device_model_version, 'device_model_version');
      if (g.outcome === 'error') {
        const lines = (g.log as string[]).map(logBody);
        assert.ok(r.error && lines.map(plain).includes(plain(r.error)), `libxl's error\n ours: ${r.error}\n libxl: ${lines.join('\n        ')}`);
        return;
      }
      if (g.outcome === 'no_device_model') {
        assert.deepEqual(r.argv, []);
        assert.ok(r.reason);
        return;
      }
      assert.deepEqual(withoutQmpFd(r.argv), withoutQmpFd(g.argv), 'argv');
      const ours = r.log.map(plain);
      for (const line of (g.log as string[]).map(logBody).map(plain)) {
        assert.ok(ours.includes(line), `libxl also logs: ${line}\n ours: ${ours.join('\n       ')}`);
      }
      assert.deepEqual(r.env, g.env ?? {}, 'env');
      assert.equal(r.notes.length, r.argv.length, 'one note per argument');
      const fdIndex = r.argv.findIndex((a) => a.includes('id=libxl-cmd,fd='));
      if (fdIndex >= 0) assert.ok(r.placeholders.includes(fdIndex), 'the QMP fd is a placeholder');
    });
  }
});
}
