// The options every face of xlcfg shares agree with the one table of them in
// server/src/service/options.ts: the Xen releases (XEN_VERSIONS, its newest and the default), the
// host profiles and the paths profiles. The faces: the CLI (--xen/--host/--paths, its usage text and
// its errors), the LSP settings (server/src/lsp/settings.ts, typed by server/src/protocol.ts),
// package.json's contributes.configuration, and the README's option line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_OPTIONS, DEFAULT_XEN_VERSION, HOST_PROFILES, NEWEST_XEN_VERSION, OLDEST_XEN_VERSION, PATHS_PROFILES,
  XEN_VERSIONS, XEN_VERSION_RANGE,
} from '../server/src/service/options';
import { XEN_RELEASES } from '../server/src/service/catalogue';
import { DEFAULT_SETTINGS, readSettings } from '../server/src/lsp/settings';
import { analysisOptions } from '../server/src/cli/analysis-options';
import { parseArgs, UsageError } from '../server/src/cli/args';

const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties;

/** The shared options: the table's values and default, and the name each face gives them. */
const SHARED = [
  { setting: 'xenVersion', flag: '--xen', values: XEN_VERSIONS as readonly string[], def: DEFAULT_OPTIONS.xenVersion },
  { setting: 'host', flag: '--host', values: HOST_PROFILES as readonly string[], def: DEFAULT_OPTIONS.host },
  { setting: 'paths', flag: '--paths', values: PATHS_PROFILES as readonly string[], def: DEFAULT_OPTIONS.paths },
] as const;

const KNOWN = new Set(SHARED.map((o) => o.flag));
const cli = (...argv: string[]) => analysisOptions(parseArgs(['check', 'x.cfg', ...argv], KNOWN), 'x.cfg');

describe('the options shared by the CLI, the LSP settings and package.json', () => {
  test('the table: releases in order, oldest and newest at its ends, the default among them, one row of release facts each', () => {
    assert.equal(OLDEST_XEN_VERSION, XEN_VERSIONS[0]);
    assert.equal(NEWEST_XEN_VERSION, XEN_VERSIONS[XEN_VERSIONS.length - 1]);
    assert.equal(XEN_VERSION_RANGE, `${OLDEST_XEN_VERSION}..${NEWEST_XEN_VERSION}`);
    assert.ok(XEN_VERSIONS.includes(DEFAULT_XEN_VERSION));
    assert.equal(DEFAULT_OPTIONS.xenVersion, DEFAULT_XEN_VERSION);
    const minor = XEN_VERSIONS.map((v) => Number(v.split('.')[1]));
    assert.deepEqual(minor, minor.map((_, i) => minor[0]! + i), 'consecutive releases');
    assert.deepEqual(XEN_RELEASES.map((r) => r.version), [...XEN_VERSIONS]);
    assert.deepEqual([...HOST_PROFILES], ['reference', 'debian-12', 'debian-13', 'local']);
    assert.deepEqual([...PATHS_PROFILES], ['debian', 'upstream']);
  });

  for (const o of SHARED) {
    test(`${o.setting}: package.json's enum and default`, () => {
      const p = props[`xlcfg.${o.setting}`];
      assert.ok(p, `xlcfg.${o.setting} is contributed`);
      assert.deepEqual(p.enum, [...o.values]);
      assert.equal(p.default, o.def);
      if (p.enumDescriptions) assert.equal(p.enumDescriptions.length, o.values.length, 'one description per value');
    });

    test(`${o.setting}: the LSP settings take every value, and the default otherwise`, () => {
      assert.equal(DEFAULT_SETTINGS[o.setting], o.def);
      assert.equal(readSettings(undefined)[o.setting], o.def);
      for (const v of o.values) assert.equal(readSettings({ [o.setting]: v })[o.setting], v);
      for (const bad of ['4.9', 'debian-11', 'Debian', '', 17, null]) assert.equal(readSettings({ [o.setting]: bad })[o.setting], o.def);
    });

    test(`${o.flag}: the CLI takes every value, defaults to the same, and its error lists them`, () => {
      assert.equal(cli()[o.setting], o.def);
      for (const v of o.values) assert.equal(cli(o.flag, v)[o.setting], v);
      assert.throws(() => cli(o.flag, 'bogus'), (e: unknown) => {
        assert.ok(e instanceof UsageError);
        const wanted = o.flag === '--xen' ? [OLDEST_XEN_VERSION, NEWEST_XEN_VERSION] : o.values;
        for (const v of wanted) assert.ok(e.message.includes(v), `${e.message} names ${v}`);
        return true;
      });
    });
  }

  test('the CLI usage text and the README name the same values', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'src', 'cli', 'main.ts'), '--help'], { encoding: 'utf8', cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const text of [`--xen ${XEN_VERSION_RANGE}`, `--host ${HOST_PROFILES.join('|')}`, `--paths ${PATHS_PROFILES.join('|')}`]) {
      assert.ok(r.stdout.includes(text), `usage says ${text}`);
      assert.ok(readme.includes(text), `README says ${text}`);
    }
    assert.ok(readme.includes(`\`--xen ${XEN_VERSION_RANGE}\` (default ${DEFAULT_XEN_VERSION})`), 'README gives the default release');
  });

  test('every XlcfgSettings field is contributed, and nothing else but the trace', () => {
    assert.deepEqual(Object.keys(props).sort(), [...Object.keys(DEFAULT_SETTINGS).map((k) => `xlcfg.${k}`), 'xlcfg.trace.server'].sort());
  });
});
