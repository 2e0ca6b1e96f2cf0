// libxlutil's typed lookups (grammar.md sections 7 and 8): strtol semantics, += refusal, list vs
// single value, bounds, last assignment wins, silent variants; warnings as xl prints them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigReader } from '../../../server/src/service/model/accessors';
import { XlReport } from '../../../server/src/service/model/xl-report';
import type { Setting, Value } from '../../../server/src/service/syntax/settings';

const str = (value: string, line = 1): Value => ({ type: 'string', line, value, start: 10, end: 20 });
const list = (items: Value[], line = 1): Value => ({ type: 'list', line, items, start: 10, end: 20 });
const set = (name: string, value: Value, op: '=' | '+=' = '='): Setting =>
  ({ name, op, line: value.line, value, written: value, keyStart: 0, keyEnd: 1, opStart: 2, end: 20 });

function reader(...settings: Setting[]) {
  const report = new XlReport();
  return { cfg: new ConfigReader(settings, 'x.cfg', report), report };
}

describe('model: libxlutil accessors', () => {
  const numbers: [string, bigint | string][] = [
    ['010', 8n], ['0x1f', 31n], ['0X1F', 31n], ['-5', -5n], [' 12', 12n], ['0', 0n], ['+7', 7n],
    ['12 ', "warning: parameter `a' is not a valid number"],
    ['08', "warning: parameter `a' is not a valid number"],
    ['0x', "warning: parameter `a' is not a valid number"],
    ['1e5', "warning: parameter `a' is not a valid number"],
    ['', "warning: parameter `a' is not a valid number"],
    ['99999999999999999999', "warning: parameter `a' could not be parsed as a number: Numerical result out of range"],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775809', "warning: parameter `a' could not be parsed as a number: Numerical result out of range"],
  ];
  for (const [text, want] of numbers) {
    test(`get_long ${JSON.stringify(text)}`, () => {
      const { cfg, report } = reader(set('a', str(text, 3)));
      const r = cfg.getLong('a');
      if (typeof want === 'bigint') {
        assert.ok(r.ok);
        assert.equal(r.value, want);
        assert.deepEqual(report.lines(), []);
      } else {
        assert.equal(r.ok, false);
        assert.deepEqual(report.lines(), [`x.cfg:3: ${want}`]);
        assert.equal(report.findings[0]?.message, want);
        assert.equal(report.findings[0]?.start, 10);
      }
    });
  }

  test('+= settings are never numbers', () => {
    const { cfg, report } = reader(set('d', str('1')), set('d', str('12', 2), '+='));
    assert.equal(cfg.getDefbool('d').ok, false);
    assert.deepEqual(report.lines(), ["x.cfg:2: warning: can't use += with numbers for parameter `d'"]);
    const asString = cfg.getString('d');
    assert.ok(asString.ok);
    assert.equal(asString.value, '12');
  });

  test('last assignment wins, whatever its kind', () => {
    const { cfg } = reader(set('a', list([str('1')])), set('a', str('x')));
    const r = cfg.getString('a');
    assert.ok(r.ok);
    assert.equal(r.value, 'x');
  });

  test('list vs single value, silent variants print nothing', () => {
    const { cfg, report } = reader(set('a', list([str('1')])), set('b', str('x', 2)));
    assert.equal(cfg.getString('a', true).ok, false);
    assert.equal(cfg.getList('b', true).ok, false);
    assert.deepEqual(report.lines(), []);
    cfg.getString('a');
    cfg.getList('b');
    assert.deepEqual(report.lines(), [
      "x.cfg:1: warning: parameter `a' is a list but should be a single value",
      "x.cfg:2: warning: parameter `b' is a single value but should be a list",
    ]);
  });

  test('bounded long prints the bound messages verbatim', () => {
    const { cfg, report } = reader(set('a', str('-1')), set('b', str('5')));
    assert.equal(cfg.getBoundedLong('a', 0n, 4n).ok, false);
    assert.equal(cfg.getBoundedLong('b', 0n, 4n).ok, false);
    assert.deepEqual(report.lines(), [
      "x.cfg:1: warning: value `-1' is smaller than minimum bound '0'",
      "x.cfg:1: warning: value `5' is greater than maximum bound '4'",
    ]);
  });

  test('a nested list ends a string list', () => {
    const { cfg } = reader(set('a', list([str('x'), list([]), str('y')])));
    const r = cfg.getListAsStringList('a');
    assert.ok(r.ok);
    assert.deepEqual(r.value, ['x']);
  });

  test('absent keys are ESRCH and silent', () => {
    const { cfg, report } = reader();
    const r = cfg.getLong('nope');
    assert.equal(!r.ok && r.errno, 'ESRCH');
    assert.deepEqual(report.lines(), []);
  });
});
