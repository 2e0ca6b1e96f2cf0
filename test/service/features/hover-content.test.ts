import { test, describe } from 'node:test';
import { analyze } from '../../../server/src/service/analyze';
import { hoverAt } from '../../../server/src/lsp/features';
import assert from 'node:assert/strict';
import { keyHover, valueHover, code, type DeviceModelFacts, type HoverContext } from '../../../server/src/service/features/hover-content';
import { DEFAULT_OPTIONS, XEN_VERSIONS, type XenVersion } from '../../../server/src/service/options';
import { ALL_KEYS } from '../../../server/src/service/catalogue';
import { corpus, requireOracle } from '../../helpers/oracle';

const at = (xenVersion: XenVersion, guestType: 'pv' | 'pvh' | 'hvm' = 'hvm', extra: Partial<HoverContext> = {}): HoverContext =>
  ({ options: { ...DEFAULT_OPTIONS, xenVersion }, guestType, ...extra });

/** What dm-argv's golden says about the device model, in the shape the hover takes. */
function factsFromArgvGolden(g: any): DeviceModelFacts {
  const argv: string[] = g.argv ?? [];
  const error = (g.log as string[]).find((l) => l.startsWith('libxl: error:'));
  const runAsAt = argv.indexOf('-runas');
  return {
    needed: true,
    version: g.device_model_version === 'qemu_xen_traditional' ? 'qemu-xen-traditional' : 'qemu-xen',
    stubdomain: !!g.device_model_stubdomain,
    ...(g.outcome === 'error' && error ? { refusedWith: error.replace(/^.*Domain \d+:/, '') } : {}),
    restrictFlags: argv.filter((a) => ['-xen-domid-restrict', '-chroot', '-runas', '-S'].includes(a)),
    ...(runAsAt >= 0 ? { runAs: argv[runAsAt + 1]! } : {}),
  };
}

describe('keyHover', () => {
  test('every catalogue key has a hover with summary, example, kind, versions and the man page link', () => {
    for (const k of ALL_KEYS) {
      const md = keyHover(k.name, at('4.17'))!;
      assert.ok(md.startsWith(`### \`${k.name}\``), k.name);
      assert.ok(md.includes(k.summary), k.name);
      assert.ok(md.includes(k.example), k.name);
      assert.match(md, /\| Kind \|/);
      assert.match(md, /\| Read by xl \|/);
      assert.ok(md.includes('https://xenbits.xen.org/docs/4.17-testing/man/xl.cfg.5.html'), k.name);
    }
  });

  test('the exact messages xl and libxl print are listed', () => {
    assert.match(keyHover('name', at('4.17'))!, /error, exit 1: `Domain name must be specified\.`/);
    assert.match(keyHover('cmdline', at('4.17'))!, /warning: `Warning: ignoring root= and extra= in favour of cmdline=`/);
  });

  test('unknown keys have no hover', () => {
    assert.equal(keyHover('memroy', at('4.17')), null);
  });

  test('boot shows the documented default and what libxl really uses', () => {
    const md = keyHover('boot', at('4.17'))!;
    assert.match(md, /`cd`/);
    assert.match(md, /`cda`/);
  });

  test('target version: absent, deprecated, removed', () => {
    assert.match(keyHover('bootloader_restrict', at('4.17', 'pv'))!, /Not read by Xen 4\.17.*4\.18/);
    assert.doesNotMatch(keyHover('bootloader_restrict', at('4.18', 'pv'))!, /Not read by/);
    assert.match(keyHover('builder', at('4.17'))!, /Deprecated.*Use `type`/);
    assert.match(keyHover('stdvga', at('4.17'))!, /Use `vga`/);
    assert.match(keyHover('pvh', at('4.17'))!, /No longer read.*4\.8/);
  });

  test('keys for other guest types say they have no effect here', () => {
    assert.match(keyHover('vga', at('4.17', 'pv'))!, /Only for HVM guests.*no effect/);
    assert.doesNotMatch(keyHover('vga', at('4.17', 'hvm'))!, /no effect here/);
  });

  test('enum values gated by version are struck through for the target', () => {
    assert.match(keyHover('tee', at('4.17'))!, /~~`ffa`~~/);
    assert.doesNotMatch(keyHover('tee', at('4.18'))!, /~~`ffa`~~/);
    assert.match(keyHover('device_model_version', at('4.21'))!, /~~`qemu-xen-traditional`~~/);
  });

  test('spec keys list their items; items newer than the target are struck through', () => {
    assert.match(keyHover('disk', at('4.17'))!, /\| Items \|.*`format=` `raw`\/`qcow`.*`vdev=`/);
    assert.match(keyHover('vif', at('4.17'))!, /~~`vlan=`~~ \(4\.19\+\)/);
    assert.doesNotMatch(keyHover('vif', at('4.19'))!, /~~`vlan=`~~/);
  });

  test('the local man page section is appended under its own heading', () => {
    const md = keyHover('memory', at('4.17', 'hvm', { manSection: '**memory=MBYTES**\n\nLocal words.' }))!;
    assert.match(md, /#### From the local man page\n\n\*\*memory=MBYTES\*\*\n\nLocal words\.$/);
  });
});

describe('dm_restrict hover', () => {
  test('4.17 lists status, requirements and the limitations', () => {
    const md = keyHover('dm_restrict', at('4.17'))!;
    for (const needle of ['Technology preview', 'no XSA', 'Linux dom0 kernel 4.11', 'QEMU 3.0', 'xen-qemuuser-range-base',
      'xen-qemuuser-shared', 'no isolation between guests', 'same uid', 'xl cdrom-insert', 'qdisk', 'exhaust host resources',
      'management network', 'migration', 'PCI passthrough', 'keeps running as root', '-xen-domid-restrict', '-chroot', '-runas', '-S']) {
      assert.ok(md.includes(needle), needle);
    }
  });

  test('4.10 and 4.11 show the older list; 4.20+ mention -run-with', () => {
    const old = keyHover('dm_restrict', at('4.11'))!;
    assert.match(old, /world-readable/);
    assert.match(old, /xen-qemuuser-domidN/);
    assert.doesNotMatch(old, /-chroot/);
    assert.match(keyHover('dm_restrict', at('4.20'))!, /-run-with/);
    for (const v of XEN_VERSIONS) assert.match(keyHover('dm_restrict', at(v))!, /Technology preview/);
  });

  test('with traditional facts it says libxl refuses, quoting libxl', () => {
    const dm: DeviceModelFacts = { needed: true, version: 'qemu-xen-traditional', stubdomain: false, restrictFlags: [] };
    const md = keyHover('dm_restrict', at('4.17', 'hvm', { deviceModel: dm }))!;
    assert.match(md, /#### This guest\n\n.*libxl refuses .*`dm_restrict not supported by qemu-xen-traditional`/);
    assert.match(keyHover('dm_restrict', at('4.21', 'hvm', { deviceModel: dm }))!, /no longer has/);
  });

  test('without a device model it has no effect', () => {
    const md = keyHover('dm_restrict', at('4.17', 'pv', { deviceModel: { needed: false, version: 'qemu-xen', stubdomain: false, restrictFlags: [] } }))!;
    assert.match(md, /runs no QEMU, so `dm_restrict` has no effect/);
  });

  test('PV/PVH qemu keeps running as root', () => {
    const dm: DeviceModelFacts = { needed: true, version: 'qemu-xen', stubdomain: false, restrictFlags: ['-xen-domid-restrict', '-chroot', '-S'] };
    assert.match(keyHover('dm_restrict', at('4.17', 'pvh', { deviceModel: dm }))!, /#### This guest\n\n.*keeps running as root/);
  });
});

describe('dm_restrict hover against the oracle goldens', () => {
  if (!requireOracle('hover vs dm-argv goldens')) return;
  const goldens = corpus().filter((e) => e.argv && e.argv.dm_restrict && e.argv.outcome !== undefined);
  test('there are dm_restrict goldens to compare with', () => assert.ok(goldens.length >= 3));
  for (const entry of goldens) {
    test(entry.name, () => {
      const facts = factsFromArgvGolden(entry.argv);
      const md = keyHover('dm_restrict', at('4.17', entry.argv.type, { deviceModel: facts }))!;
      const refused = (entry.argv.log as string[]).some((l) => l.includes('dm_restrict not supported by qemu-xen-traditional'));
      assert.equal(/libxl refuses `dm_restrict` with it/.test(md), refused, 'refusal stated exactly when libxl refuses');
      for (const flag of facts.restrictFlags) assert.ok(md.includes(code(flag)), flag);
      if (facts.runAs) assert.ok(md.includes(code(facts.runAs)));
    });
  }
});

describe('other device-model keys', () => {
  test('device_model_version explains traditional per version', () => {
    assert.match(keyHover('device_model_version', at('4.17'))!, /No security support as a dom0 device model/);
    assert.match(keyHover('device_model_version', at('4.14'))!, /Supported/);
    assert.match(keyHover('device_model_version', at('4.21'))!, /Removed in Xen 4\.21/);
  });
  test('stubdomain override and device_model_user', () => {
    assert.match(keyHover('device_model_stubdomain_override', at('4.17'))!, /ioemu-stubdom/);
    assert.match(keyHover('device_model_stubdomain_override', at('4.21'))!, /explicitly/);
    const md = keyHover('device_model_user', at('4.17', 'hvm', { deviceModel: { needed: true, version: 'qemu-xen', stubdomain: false, restrictFlags: [], runAs: 'qemu-web' } }))!;
    assert.match(md, /uid 0/);
    assert.match(md, /QEMU will run as `qemu-web`/);
  });
});

describe('valueHover', () => {
  const h = (k: string, v: string, version: XenVersion = '4.17') => valueHover(k, v, at(version));
  test('enum members', () => {
    assert.match(h('type', 'pvh')!, /without QEMU/);
    assert.match(h('type', 'h')!, /xl reads this as `hvm`/);
    assert.match(h('on_crash', 'preserve')!, /inspection/);
    assert.match(h('vga', 'vmware')!, /not a value of `vga`/);
  });
  test('version-gated values', () => {
    assert.match(h('tee', 'ffa')!, /Only from Xen 4\.18/);
    assert.doesNotMatch(h('tee', 'ffa', '4.19')!, /Only from/);
    assert.match(h('device_model_version', 'qemu-xen-traditional', '4.21')!, /Gone after Xen 4\.20/);
  });
  test('booleans', () => {
    assert.match(h('acpi', '1')!, /\*\*on\*\*/);
    assert.match(h('acpi', '0')!, /\*\*off\*\*/);
    assert.match(h('acpi', '"yes"'.slice(1, -1))!, /does not understand `yes`.*Write `1`/);
    assert.match(h('viridian', '1')!, /defaults/);
  });
  test('sizes', () => {
    assert.match(h('memory', '2048')!, /2 GiB/);
    assert.match(h('memory', '0x400')!, /1 GiB/);
    assert.match(h('memory', '010')!, /octal/);
    assert.match(h('vmtrace_buf_kb', '1024')!, /1 MiB/);
  });
  test('boot letters', () => {
    assert.equal(h('boot', 'dc'), 'Boot order: CD-ROM, then hard disk.');
  });
  test('free-form values and unknown keys give null', () => {
    assert.equal(h('name', 'web01'), null);
    assert.equal(h('nosuch', '1'), null);
  });
});

describe('hovers lead with this guest, then the meaning, then the release, then the long text', () => {
  test('dm_restrict with qemu-xen-traditional: the situation and the fix come first, every topic stays', () => {
    const src = 'name = "t"\ntype = "hvm"\ndevice_model_version = "qemu-xen-traditional"\ndm_restrict = 1\n';
    const h = hoverAt(analyze({ bytes: new TextEncoder().encode(src) }), { line: 3, character: 2 }, {}) as { contents: { value: string } };
    const text = h.contents.value;
    const at = (s: string) => { const i = text.indexOf(s); assert.ok(i >= 0, `hover mentions ${s}`); return i; };
    // The first screen (about 600 characters) says what happens to this guest and what to do.
    assert.ok(at('#### This guest') < 40);
    assert.ok(at('device_model_version = "qemu-xen"') < 600);
    assert.ok(at('#### This guest') < at('#### What it is'));
    assert.ok(at('#### What it is') < at('#### Status in Xen'));
    assert.ok(at('#### Status in Xen') < at('```xl'));
    assert.ok(at('[xl.cfg(5) for Xen') > at('| Kind |'));
    // dm_restrict keeps all of its topics.
    for (const topic of [/technology preview/i, /fork/i, /xen-qemuuser-range-base/, /xen-qemuuser-shared/, /cdrom-insert/, /qdisk/,
      /management network/, /migration/i, /PCI passthrough/, /QEMU 3\.0/, /4\.11/, /security/i, /denial of service|exhaust/i]) {
      assert.match(text, topic);
    }
  });
});
