// Document links (issue 13): the paths of kernel, ramdisk, bootloader and disk targets. The paths
// are the ones the real `xl -N create` hands to libxl (the corpus goldens of both oracles); which of
// them get a link, and libxl's folder for a bare bootloader name, are our rules (see
// server/src/service/features/document-links.ts; the folder is LIBEXEC_BIN, libxl_bootloader.c).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../server/src/service';
import { documentLinks } from '../../../server/src/service/features/document-links';
import { ORACLE_RELEASES, releaseCorpus } from '../../helpers/oracle';

const enc = new TextEncoder();
const links = (text: string, o: Record<string, string> = {}) => {
  const bytes = enc.encode(text);
  const a = analyze({ bytes, options: { host: 'reference', ...o } });
  return documentLinks(a).map((l) => ({ key: l.key, path: l.path, text: new TextDecoder().decode(bytes.subarray(l.start, l.end)) }));
};

describe('document links', () => {
  test('kernel, ramdisk: absolute paths only, the range on the path inside the quotes', () => {
    assert.deepEqual(links('kernel = "/boot/vmlinuz"\nramdisk = \'/boot/initrd.img\'\n'), [
      { key: 'kernel', path: '/boot/vmlinuz', text: '/boot/vmlinuz' },
      { key: 'ramdisk', path: '/boot/initrd.img', text: '/boot/initrd.img' },
    ]);
    // Relative: libxl opens it from the folder `xl create` runs in, which the config does not say.
    assert.deepEqual(links('kernel = "vmlinuz"\nramdisk = ""\n'), []);
  });

  test('bootloader: a bare name is in libxl\'s private bin folder for the release and paths', () => {
    assert.deepEqual(links('bootloader = "pygrub"\n'), [{ key: 'bootloader', path: '/usr/lib/xen-4.17/bin/pygrub', text: 'pygrub' }]);
    assert.deepEqual(links('bootloader = "pygrub"\n', { xenVersion: '4.20' }).map((l) => l.path), ['/usr/lib/xen-4.20/bin/pygrub']);
    assert.deepEqual(links('bootloader = "pygrub"\n', { paths: 'upstream' }).map((l) => l.path), ['/usr/local/lib/xen/bin/pygrub']);
    assert.deepEqual(links('bootloader = "/usr/bin/pvgrub"\n').map((l) => l.path), ['/usr/bin/pvgrub']);
    assert.deepEqual(links('bootloader = "bin/x"\n'), []);
  });

  test('disk targets: files only, positional or target=, not block devices nor script targets', () => {
    const text = 'disk = [ "phy:/dev/vg0/a,xvda,w", "file:/srv/a.img,xvdb,w", "/srv/b.qcow2,qcow2,xvdc,w",'
      + ' "format=raw, vdev=xvdd, access=rw, target=/srv/with space.img", "vdev=xvde,script=block-iscsi,target=/iqn", ",,hdc:cdrom,r", "nbd:host:1234,xvdf,w" ]\n';
    assert.deepEqual(links(text), [
      { key: 'disk', path: '/srv/a.img', text: '/srv/a.img' },
      { key: 'disk', path: '/srv/b.qcow2', text: '/srv/b.qcow2' },
      { key: 'disk', path: '/srv/with space.img', text: '/srv/with space.img' },
    ]);
  });

  test('a path written with escapes: the link covers the whole string', () => {
    const l = links('kernel = "/boot/a\\\\b"\n');
    assert.deepEqual(l, [{ key: 'kernel', path: '/boot/a\\b', text: '/boot/a\\\\b' }]);
  });

  test('every assignment gets its links, also one a later line overrides, and in a file xl refuses', () => {
    assert.equal(links('kernel = "/boot/a"\nkernel = "/boot/b"\n').length, 2);
    assert.deepEqual(links('kernel = "/boot/a"\nmemory = = 1\n').map((l) => l.path), ['/boot/a']);
  });
});

for (const release of ORACLE_RELEASES) {
  describe(`document links: the paths Xen ${release}'s xl -N create hands to libxl`, () => {
    test('kernel, ramdisk and file disk targets of every corpus config xl accepts', () => {
      let seen = 0;
      for (const e of releaseCorpus(release)) {
        if (e.dryrun?.exit_status !== 0) continue;
        const cfg = e.dryrun.config;
        const a = analyze({ bytes: readFileSync(e.file), options: { xenVersion: release, host: 'reference', sourceName: e.name } });
        const want: string[] = [];
        // (xl also fills b_info.kernel from `firmware`, which gets no link.)
        for (const k of ['kernel', 'ramdisk']) {
          const v = cfg.b_info?.[k];
          if (a.effective.has(k) && typeof v === 'string' && v.startsWith('/')) want.push(v);
        }
        for (const d of cfg.disks ?? []) {
          if (typeof d.pdev_path === 'string' && d.pdev_path.startsWith('/') && !d.pdev_path.startsWith('/dev/') && d.script === undefined) want.push(d.pdev_path);
        }
        // The links inside the assignments xl reads (a file may assign a key more than once).
        const read = (start: number) => ['kernel', 'ramdisk', 'disk'].some((k) => {
          const s = a.effective.get(k);
          return s !== undefined && start >= s.keyStart && start < s.end;
        });
        const got = documentLinks(a).filter((l) => read(l.start)).map((l) => l.path);
        for (const p of want) assert.ok(got.includes(p), `${e.name}: no link for ${p}`);
        // More only where xl ignores the key (e.g. an hvmloader `kernel` of an HVM guest): the path as written.
        for (const p of got) {
          if (want.includes(p)) continue;
          const k = ['kernel', 'ramdisk'].find((k) => { const s = a.effective.get(k); return s?.value.type === 'string' && s.value.value === p; });
          assert.ok(k && cfg.b_info?.[k] === undefined, `${e.name}: a link for ${p}, which xl does not use`);
        }
        seen += want.length;
      }
      assert.ok(seen > 20, `only ${seen} paths in the corpus`);
    });
  });
}
