// xl's warnings and refusals land on the value of the setting to change (byte offsets from the
// real parser), with xl's text as the message and xlMessage in the data of errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/service/syntax/parser';
import { buildDomainConfig } from '../../../server/src/service/model';
import { DEFAULT_OPTIONS } from '../../../server/src/service/options';

function run(text: string) {
  const bytes = new TextEncoder().encode(text);
  const res = buildDomainConfig(parse(bytes).settings, { ...DEFAULT_OPTIONS, sourceName: 'x.cfg' });
  const spanText = (f: { start: number; end: number }) => text.slice(f.start, f.end);
  return { res, spanText };
}

describe('model: finding spans', () => {
  test('a number that is not one warns on its value', () => {
    const { res, spanText } = run('name="a"\ntype="hvm"\nmemory = "12x"\n');
    assert.deepEqual(res.stderr, ["x.cfg:3: warning: parameter `memory' is not a valid number"]);
    const f = res.findings.find((x) => x.code === 'xl-not-a-number');
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, "warning: parameter `memory' is not a valid number");
    assert.equal(spanText(f), '"12x"');
    assert.notEqual(res.config, null);
  });

  test('+= on a number warns on the appended value', () => {
    const { res, spanText } = run('name="a"\nmemory = 512\nmemory += 1\n');
    const f = res.findings.find((x) => x.code === 'xl-number-append');
    assert.ok(f);
    assert.equal(spanText(f), '1');
  });

  test('an unknown on_crash action is an error on its value, config null', () => {
    const { res, spanText } = run('name="a"\ntype="hvm"\non_crash = "halt"\n');
    assert.equal(res.config, null);
    assert.equal(res.exitStatus, 1);
    const f = res.findings.find((x) => x.severity === 'error');
    assert.ok(f);
    assert.equal(f.message, 'Unknown on_crash action "halt" specified');
    assert.equal(spanText(f), '"halt"');
    assert.equal((f.data as { xlMessage: string }).xlMessage, 'Unknown on_crash action "halt" specified');
  });

  test('a missing name is an error at the start of the file', () => {
    const { res } = run('type="hvm"\n');
    assert.equal(res.config, null);
    assert.deepEqual(res.stderr, ['Domain name must be specified.']);
    assert.equal(res.findings[0]?.start, 0);
  });

  test('a list where xl wants one value', () => {
    const { res, spanText } = run('name="a"\nkernel = [ "/boot/vmlinuz" ]\n');
    const f = res.findings.find((x) => x.code === 'xl-not-a-single-value');
    assert.ok(f);
    assert.equal(spanText(f), '[ "/boot/vmlinuz" ]');
    // and then PV without a kernel is refused
    assert.equal(res.stderr[res.stderr.length - 1], 'Neither kernel nor bootloader specified');
  });

  test('deprecated and ignored settings carry editor tags', () => {
    const { res } = run('name="a"\ntype="hvm"\naltp2mhvm=1\nvncviewer=1\n');
    assert.deepEqual(res.findings.find((f) => f.code === 'xl-deprecated')?.tags, ['deprecated']);
    assert.deepEqual(res.findings.find((f) => f.code === 'xl-ignored')?.tags, ['unnecessary']);
  });

  test('a contradiction points at both settings', () => {
    const { res, spanText } = run('name="a"\ntype="pv"\nbuilder="hvm"\n');
    const f = res.findings.find((x) => x.severity === 'error');
    assert.ok(f);
    assert.equal(spanText(f), '"hvm"');
    assert.equal(f.related?.length, 1);
    assert.equal(spanText(f.related![0]!), '"pv"');
  });

  test('a bad vnuma value is underlined itself, inside its item', () => {
    const { res, spanText } = run('name="a"\ntype="hvm"\nvnuma=[ [ "pnode=0", "size=lots" ] ]\n');
    const f = res.findings.find((x) => x.severity === 'error');
    assert.ok(f);
    assert.equal(f.message, 'xl: failed to convert "lots" to number');
    assert.equal(spanText(f), 'lots');
  });
});
