// The qemu-xen argvs xlcfg's own device-model builder makes for the probe configs of
// test/fixtures/qemu/probes/ (each names its Xen release with `# xlcfg: xen=...`), under the
// reference host: command-line forms no oracle golden has (other sound cards and NIC models,
// older releases' options, serial and USB variants), to ask the real QEMUs about them.
// Usage: npx tsx probe-argvs.ts PROBES_DIR > argvs.json
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../server/src/service/analyze';

const dir = process.argv[2]!;
const out: Record<string, unknown> = {};
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.cfg')) continue;
  const a = analyze({ bytes: new Uint8Array(readFileSync(join(dir, f))), options: { host: 'reference', sourceName: f } });
  const dm = a.deviceModel;
  out[f.slice(0, -4)] = dm ? { outcome: dm.outcome, device_model_version: dm.device_model_version, argv: dm.argv, env: dm.env, xen: a.options.xenVersion } : { outcome: 'xl_rejected' };
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
