// Which user qemu-xen runs as (libxl__domain_get_device_model_uid), against Debian's real libxl
// with other passwd databases than the oracle's default one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deviceModelFromConfig } from '../../../server/src/service/devicemodel';
import { REFERENCE_HOST, type HostModel, type HostUser } from '../../../server/src/service/host';
import { BUILD_DIR, ORACLE_DIR, requireOracle, tempConfig, xlDryrun } from '../../helpers/oracle';
import { logBody, options } from './corpus-helpers';

const CONFIG = `name = "users"
type = "hvm"
memory = 512
dm_restrict = 1
`;

const PASSWDS: Record<string, string> = {
  'shared-only': 'root:x:0:0::/:/bin/sh\nxen-qemuuser-shared:x:500:500::/:/bin/false\n',
  'uid-clash': 'root:x:0:0::/:/bin/sh\nxen-qemuuser-range-base:x:131072:131072::/:/bin/false\nsomeone:x:131073:100::/:/bin/sh\n',
  'no-qemu-users': 'root:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/:/bin/false\n',
};

function parsePasswd(text: string): HostUser[] {
  return text.trim().split('\n').map((l) => l.split(':')).map(([name, , uid, gid]) => ({ name: name!, uid: Number(uid), gid: Number(gid) }));
}

/** The reference host with this passwd, uid lookups included. */
function hostWith(text: string): HostModel {
  const users = parsePasswd(text);
  return Object.assign({ ...REFERENCE_HOST }, {
    lookupUser: (name: string) => users.find((u) => u.name === name) ?? null,
    lookupUid: (uid: number) => users.find((u) => u.uid === uid) ?? null,
  });
}

function oracle(file: string, passwd: string): any {
  const r = spawnSync(join(ORACLE_DIR, 'tools/dm-argv/dm-argv'), ['--passwd', passwd, basename(file)],
    { cwd: dirname(file), env: { ...process.env, ORACLE_BUILD: BUILD_DIR, LC_ALL: 'C' }, encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

const plain = (l: string): string => l.replace(/: Domain \d+:/, ': ');

describe('dm_restrict user lookup equals libxl with other passwd files', () => {
  if (!requireOracle('dm_restrict user lookup')) return;
  const file = tempConfig('users.cfg', CONFIG);
  const config = xlDryrun(file).config;
  for (const [name, text] of Object.entries(PASSWDS)) {
    test(name, () => {
      const passwd = join(dirname(file), `${name}.passwd`);
      writeFileSync(passwd, text);
      const g = oracle(file, passwd);
      const r = deviceModelFromConfig(config, { options: options(), host: hostWith(text) });
      assert.equal(r.outcome, g.outcome, r.error);
      const theirs = (g.log as string[]).map(logBody).map(plain);
      if (g.outcome === 'error') {
        assert.ok(theirs.includes(plain(r.error!)), `ours: ${r.error}\nlibxl: ${theirs.join('\n')}`);
      } else {
        assert.deepEqual(r.argv.slice(-2), g.argv.slice(-2));
        for (const line of theirs) assert.ok(r.log.map(plain).includes(line), `libxl also logs ${line}`);
      }
    });
  }
});
