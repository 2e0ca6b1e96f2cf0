// Bad input never crashes the defaults stage: corpus configs with values replaced at random by
// arbitrary JSON still give a result (a resolved config or libxl's refusal), never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyLibxlDefaults } from '../../../server/src/service/defaults';
import { REFERENCE_HOST, UNKNOWN_HOST } from '../../../server/src/service/host';
import { XEN_VERSIONS } from '../../../server/src/service/options';
import { allCorpus, options } from './corpus-helpers';

const configs = allCorpus().filter((e) => e.dryrun?.config).map((e) => e.dryrun.config as Record<string, unknown>);

/** Every path to a value inside a JSON tree. */
function paths(node: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(node)) node.forEach((v, i) => { out.push([...prefix, i]); paths(v, [...prefix, i], out); });
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) { out.push([...prefix, k]); paths(v, [...prefix, k], out); }
  }
  return out;
}

function replaced(config: unknown, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(config));
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path[path.length - 1]!] = value;
  return copy;
}

test('random value replacements never throw', () => {
  fc.assert(fc.property(
    fc.nat(configs.length - 1), fc.nat(), fc.jsonValue(), fc.constantFrom(...XEN_VERSIONS), fc.boolean(),
    (ci, pi, value, xenVersion, unknownHost) => {
      const config = configs[ci]!;
      const all = paths(config);
      const mutated = all.length ? replaced(config, all[pi % all.length]!, value) : config;
      const r = applyLibxlDefaults(mutated, {
        options: options({ xenVersion, paths: unknownHost ? 'upstream' : 'debian' }),
        host: unknownHost ? UNKNOWN_HOST : REFERENCE_HOST,
      });
      assert.ok(r.resolved === null || typeof r.resolved === 'object');
      assert.ok(Array.isArray(r.messages));
      if (r.resolved === null) assert.ok(r.messages.some((m) => m.level === 'error'));
    },
  ), { numRuns: 2000 });
});
