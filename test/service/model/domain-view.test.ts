// The typed structs of model/domain-view.ts (the domain's create and build info, the display infos,
// the devices) against libxl_types.idl: every declared field exists in
// the IDL of a release we model (4.17, 4.20, 4.22) with the declared type, and each release's fields are
// all declared (facts vendored by scripts/vendor-idl-fields.ts into test/fixtures/reference/).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILD_INFO, CREATE_INFO, HVM_INFO, PV_INFO, PVH_INFO, VNC_INFO, SDL_INFO, SPICE_INFO, VGA_INTERFACE_INFO,
  DEVICE_DISK, DEVICE_NIC, DEVICE_VFB, DEVICE_PCI, defbool, defboolVal, domainView, enumOf, guestType, int, list,
  memkb, str, strList, type BuildInfo,
} from '../../../server/src/service/model/domain-view';

const IDL = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'reference', 'idl-domain-fields.json'), 'utf8')) as {
  releases: Record<string, Record<string, Record<string, string>>>;
};

/** The other structs declared, by their IDL name. */
const STRUCTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  vnc_info: VNC_INFO, sdl_info: SDL_INFO, spice_info: SPICE_INFO, vga_interface_info: VGA_INTERFACE_INFO,
  device_disk: DEVICE_DISK, device_nic: DEVICE_NIC, device_vfb: DEVICE_VFB, device_pci: DEVICE_PCI,
};

/** IDL path -> type, for the structs declared in the view. */
function declared(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(CREATE_INFO)) out.set(`domain_create_info.${k}`, v);
  for (const [k, v] of Object.entries(BUILD_INFO)) out.set(`domain_build_info.${k}`, v);
  for (const [m, fields] of [['hvm', HVM_INFO], ['pv', PV_INFO], ['pvh', PVH_INFO]] as const) {
    for (const [k, v] of Object.entries(fields)) out.set(`domain_build_info.u.${m}.${k}`, v);
  }
  for (const [name, fields] of Object.entries(STRUCTS)) for (const [k, v] of Object.entries(fields)) out.set(`${name}.${k}`, v);
  return out;
}

/** The IDL's fields of those structs (the union members, not arch_*), for one release. */
function idlFields(release: string): Map<string, string> {
  const r = IDL.releases[release]!;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(r.domain_create_info!)) out.set(`domain_create_info.${k}`, v);
  for (const [k, v] of Object.entries(r.domain_build_info!)) if (!k.startsWith('arch_')) out.set(`domain_build_info.${k}`, v);
  for (const name of Object.keys(STRUCTS)) for (const [k, v] of Object.entries(r[name]!)) out.set(`${name}.${k}`, v);
  return out;
}

describe('the domain view agrees with libxl_types.idl', () => {
  const mine = declared();
  const releases = Object.keys(IDL.releases);
  test('the releases are vendored', () => assert.deepEqual(releases, ['RELEASE-4.17.7', 'RELEASE-4.20.4', 'RELEASE-4.22.0']));
  test('every declared field is in the IDL with its type', () => {
    for (const [path, type] of mine) {
      const found = releases.map((r) => idlFields(r).get(path)).filter((t) => t !== undefined);
      assert.ok(found.length > 0, `${path} is in no release's IDL`);
      for (const t of found) assert.equal(type, t, path);
    }
  });
  for (const r of releases) {
    test(`every field of ${r} is declared`, () => {
      assert.deepEqual([...idlFields(r).keys()].filter((p) => !mine.has(p)), []);
    });
  }
});

describe('the accessors read libxl JSON', () => {
  const config = {
    c_info: { type: 'hvm', name: 'g' },
    b_info: { max_memkb: 1048576, max_vcpus: 2.0, dm_restrict: 'True', device_model_stubdomain: 'False', extra: ['-a', 1], 'type.hvm': { vnc: { enable: 'False' } } },
    disks: [{ vdev: 'xvda' }, 'junk'],
  };
  const v = domainView(config);
  test('the guest type, one rule', () => {
    assert.equal(v.type, 'hvm');
    assert.equal(guestType(config), 'hvm');
    assert.equal(guestType({ c_info: { type: 'PVH' } }), 'pvh', 'case is ignored, as libxl parses enums');
    assert.equal(guestType({ c_info: { type: 'invalid' } }), undefined);
    assert.equal(guestType({}), undefined);
    assert.equal(guestType(null), undefined);
    assert.deepEqual(domainView({ c_info: { type: 'pv' }, b_info: { 'type.hvm': { x: 1 } } }).hvm, {});
  });
  test('strings, integers, MemKB, defbools, lists', () => {
    const b: Readonly<BuildInfo> = v.bInfo;
    assert.equal(str(v.cInfo, 'name'), 'g');
    assert.equal(str(b, 'device_model'), undefined);
    assert.equal(int(b, 'max_vcpus'), 2);
    assert.equal(int(b, 'video_memkb'), 0);
    assert.equal(memkb(b, 'max_memkb'), 1048576);
    assert.equal(memkb(b, 'video_memkb'), undefined);
    assert.equal(defbool(b, 'dm_restrict'), true);
    assert.equal(defbool(b, 'device_model_stubdomain'), false);
    assert.equal(defbool(b, 'acpi'), undefined);
    assert.equal(defboolVal(b, 'acpi'), false);
    assert.equal(defboolVal(b, 'acpi', true), true);
    assert.deepEqual(strList(b, 'extra'), ['-a']);
    assert.equal(strList(b, 'extra_hvm'), undefined);
    assert.equal(enumOf(b, 'device_model_version', 'qemu_xen'), 'qemu_xen');
    assert.deepEqual(list(config, 'disks'), [{ vdev: 'xvda' }]);
    assert.equal(defboolVal(v.hvm, 'pae', true), true);
  });
  test('a key of another kind, or not a field, does not compile', () => {
    // @ts-expect-error dm_restrict is a defbool
    str(v.bInfo, 'dm_restrict');
    // @ts-expect-error no such field of build_info
    int(v.bInfo, 'max_vcpu');
    // @ts-expect-error a string is not a defbool
    defbool(v.cInfo, 'name');
    assert.ok(true);
  });
});
