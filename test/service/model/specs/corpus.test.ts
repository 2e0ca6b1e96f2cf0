// Every corpus config (vendored and fixtures): the devices our spec parsers build from the values
// libxlutil stored equal the arrays of the golden `xl -N create` JSON; when xl exits because of a
// spec, our first fatal result (in xl's reading order) carries its stderr lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { corpus, ORACLE_DIR } from '../../../helpers/oracle';
import * as specs from '../../../../server/src/service/model/specs';
import { atoi } from '../../../../server/src/service/model/specs/c-numbers';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';

const FIXTURES = join(ORACLE_DIR, '..', 'fixtures', 'oracle');
const ENTRIES = corpus([
  { corpus: join(ORACLE_DIR, 'corpus'), golden: join(ORACLE_DIR, 'golden') },
  { corpus: join(FIXTURES, 'corpus'), golden: join(FIXTURES, 'golden') },
]);

interface Built { arrays: Record<string, unknown[]>; firstFatal: string[] | null; warnings: string[] }

/** Runs our parsers over a golden parse's effective values, in parse_config_data's order. */
function build(effective: Record<string, any>, guestType: specs.GuestType, sourceName: string): Built {
  const list = (key: string): string[] | null => {
    const v = effective[key];
    return v && v.type === 'list' ? v.items.filter((i: any) => i.type === 'string').map((i: any) => i.value) : null;
  };
  const num = (key: string) => (effective[key]?.type === 'string' ? atoi(effective[key].value) !== 0 : undefined);
  const options = { ...DEFAULT_OPTIONS, sourceName };
  const pciDefaults: specs.PciDefaults = {
    permissive: num('pci_permissive'), msitranslate: num('pci_msitranslate'), seize: num('pci_seize'), power_mgmt: num('pci_power_mgmt'),
  };
  const arrays: Record<string, unknown[]> = {};
  const warnings: string[] = [];
  const p9carry: specs.P9Carry = {};
  const order: [string, string, (s: string, ctx: specs.SpecContext) => specs.SpecResult<any>][] = [
    ['pci', 'pcidevs', specs.parsePciSpec], ['disk', 'disks', specs.parseDiskSpec],
    ['p9', 'p9s', (s, c) => specs.parseP9Spec(s, c, p9carry)], ['vtpm', 'vtpms', specs.parseVtpmSpec],
    ['vdispl', 'vdispls', specs.parseVdisplSpec], ['pvcalls', 'pvcallsifs', specs.parsePvcallsSpec],
    ['channel', 'channels', specs.parseChannelSpec], ['vif', 'nics', specs.parseNicSpec], ['vfb', 'vfbs', specs.parseVfbSpec],
    ['usbctrl', 'usbctrls', specs.parseUsbctrlSpec], ['usbdev', 'usbdevs', specs.parseUsbdevSpec], ['vkb', 'vkbs', specs.parseVkbSpec],
  ];
  for (const [key, field, parse] of order) {
    const items = list(key);
    if (!items) continue;
    for (let i = 0; i < items.length; i++) {
      const index = key === 'vkb' ? (arrays.vkbs?.length ?? 0) : i;
      const r = parse(items[i]!, { guestType, index, options, pciDefaults });
      if (r.fatal) return { arrays, firstFatal: r.issues.map((x) => x.message), warnings };
      warnings.push(...r.issues.map((x) => x.message));
      if (key === 'vfb') {
        (arrays.vfbs ??= []).push(r.device.vfb);
        (arrays.vkbs ??= []).push(r.device.vkb);
      } else (arrays[field] ??= []).push(r.device);
    }
  }
  const vsnd = effective.vsnd;
  if (vsnd && vsnd.type === 'list') {
    // parse_vsnd_config runs between pvcalls and channel; order matters only for the first fatal.
    for (let i = 0; i < vsnd.items.length; i++) {
      const card = vsnd.items[i];
      if (card.type !== 'list') break;
      const r = specs.parseVsndCard(card.items.map((x: any) => x.value), { guestType, index: i, options });
      if (r.fatal) return { arrays, firstFatal: r.issues.map((x) => x.message), warnings };
      (arrays.vsnds ??= []).push(r.device);
    }
  }
  return { arrays, firstFatal: null, warnings };
}

const FIELDS = ['vsnds', 'pcidevs', 'disks', 'p9s', 'vtpms', 'vdispls', 'pvcallsifs', 'channels', 'nics', 'vfbs', 'usbctrls', 'usbdevs', 'vkbs'];

describe('device specs of every corpus config equal the golden dry-run', () => {
  for (const e of ENTRIES) {
    if (!e.parse?.accepted || !e.dryrun) continue;
    const eff = e.parse.effective;
    if (!FIELDS.some((f) => f !== 'vkbs' && f !== 'pvcallsifs' && eff[{ pcidevs: 'pci', disks: 'disk', p9s: 'p9', vtpms: 'vtpm', vdispls: 'vdispl', channels: 'channel', nics: 'vif', vfbs: 'vfb', usbctrls: 'usbctrl', usbdevs: 'usbdev' }[f] ?? f]) && !eff.vkb && !eff.pvcalls && !eff.vsnd && !eff.rdm) continue;
    test(e.name, () => {
      const type = (eff.type?.value ?? 'hvm').startsWith('p') ? (eff.type.value.startsWith('pvh') ? 'pvh' : 'pv') : 'hvm';
      const got = build(eff, type as specs.GuestType, `${e.name}.cfg`);
      const stderr: string[] = e.dryrun.stderr.split('\n').slice(1).filter((l: string) => l !== '');
      if (e.dryrun.exit_status === 0) {
        assert.equal(got.firstFatal, null);
        for (const f of FIELDS) {
          const want = e.dryrun.config[f];
          if (want === undefined && got.arrays[f] === undefined) continue;
          assert.deepEqual(got.arrays[f] ?? [], want ?? [], `${f} of ${e.name}`);
        }
        for (const w of got.warnings) assert.ok(stderr.includes(w), `xl prints ${JSON.stringify(w)}`);
        const hvm = e.dryrun.config.b_info['type.hvm'];
        if (eff.rdm?.type === 'string' && hvm) {
          const r = specs.parseRdmSpec(eff.rdm.value, { guestType: 'hvm', index: 0, options: DEFAULT_OPTIONS });
          assert.deepEqual(r.device ?? {}, hvm.rdm ?? {}, 'rdm');
          // libxlutil prints these without a newline: they run into whatever xl prints next.
          for (const i of r.issues) assert.ok(e.dryrun.stderr.includes(i.message), `xl prints ${i.message}`);
        }
      } else if (got.firstFatal) {
        for (const m of got.firstFatal) assert.ok(stderr.includes(m), `xl prints ${JSON.stringify(m)}; it printed ${JSON.stringify(stderr)}`);
      }
    });
  }
});
