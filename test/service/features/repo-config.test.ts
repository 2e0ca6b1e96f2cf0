// `.xlcfg.json` (features/repo-config.ts): the settings it may hold, and a clear error for the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRepoConfig } from '../../../server/src/service/features/repo-config';

test('a valid file', () => {
  assert.deepEqual(parseRepoConfig('{ "$schema": "x", "xenVersion": "4.20", "host": "debian-13", "paths": "debian", "severity": { "unknown-key": "error", "xl-chatter": "off" } }'),
    { ok: true, config: { xenVersion: '4.20', host: 'debian-13', paths: 'debian', severity: { 'unknown-key': 'error', 'xl-chatter': 'off' } } });
  assert.deepEqual(parseRepoConfig('\uFEFF{}'), { ok: true, config: {} });
});

test('every problem is named', () => {
  const r = parseRepoConfig('{ "xen": "4.20", "xenVersion": "4.99", "host": 1, "paths": "gentoo", "severity": { "no-such-code": "error", "unknown-key": "fatal" } }');
  assert.equal(r.ok, false);
  const errors = (r as { errors: readonly string[] }).errors;
  assert.equal(errors.length, 6, errors.join('\n'));
  assert.match(errors[0]!, /unknown key "xen"/);
  assert.match(errors[1]!, /"xenVersion" must be .*"4\.17".* not "4\.99"/);
  assert.match(errors[2]!, /"host" must be one of .*"reference".* not 1/);
  assert.match(errors[3]!, /"paths" must be one of .* not "gentoo"/);
  assert.match(errors[4]!, /unknown finding code "no-such-code"/);
  assert.match(errors[5]!, /"severity"\."unknown-key" must be one of .*"off", not "fatal"/);
  assert.deepEqual(parseRepoConfig('[1]'), { ok: false, errors: ['must be a JSON object'] });
  assert.match((parseRepoConfig('{ "host": ') as { errors: readonly string[] }).errors[0]!, /^not valid JSON/);
  assert.match((parseRepoConfig('{ "severity": [] }') as { errors: readonly string[] }).errors[0]!, /"severity" must be an object/);
});

test('xlConf: the path of an xl.conf, a non-empty string', () => {
  assert.deepEqual(parseRepoConfig('{ "xlConf": "dom0/xl.conf" }'), { ok: true, config: { xlConf: 'dom0/xl.conf' } });
  assert.match((parseRepoConfig('{ "xlConf": "" }') as { errors: readonly string[] }).errors[0]!, /"xlConf" must be the path of an xl\.conf/);
});
