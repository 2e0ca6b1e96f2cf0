// The pieces of a spec string, as editor features see them: what each range sets in xl's eyes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diskSpecParts, keyValueParts } from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';

const show = (spec: string, parts: { kind: string; param?: string; start: number; end: number }[]) =>
  parts.map((p) => `${p.kind}:${p.param ?? ''}=${spec.slice(p.start, p.end)}`);

describe('disk spec parts', () => {
  test('deprecated positional form', () => {
    const spec = 'phy:/dev/vg0/a,hda,w';
    assert.deepEqual(show(spec, diskSpecParts(spec, DEFAULT_OPTIONS)),
      ['prefix:=phy:', 'positional:target=/dev/vg0/a', 'positional:vdev=hda', 'positional:access=w']);
  });
  test('positional form with a format', () => {
    const spec = '/srv/a.img,qcow2,xvda,r';
    assert.deepEqual(show(spec, diskSpecParts(spec, DEFAULT_OPTIONS)),
      ['positional:target=/srv/a.img', 'positional:format=qcow2', 'positional:vdev=xvda', 'positional:access=r']);
  });
  test('key=value form; target takes the rest', () => {
    const spec = 'vdev=xvda, cdrom, target=/a,b';
    assert.deepEqual(show(spec, diskSpecParts(spec, DEFAULT_OPTIONS)),
      ['key:vdev=vdev', 'value:vdev=xvda', 'flag:cdrom=cdrom', 'key:target=target', 'value:target=/a,b']);
  });
});

describe('key=value parts', () => {
  test('vif', () => {
    const spec = 'mac=00:16:3e:00:00:01, bridge=xenbr0,trusted';
    assert.deepEqual(show(spec, keyValueParts(spec)),
      ['key:mac=mac', 'value:mac=00:16:3e:00:00:01', 'key:bridge=bridge', 'value:bridge=xenbr0', 'item:trusted=trusted']);
  });
});
