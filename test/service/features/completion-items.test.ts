import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { firstSentence, keyCompletions, valueCompletions, type CompletionItemData } from '../../../server/src/service/features/completion-items';
import { DEFAULT_OPTIONS, XEN_VERSIONS, type XenVersion } from '../../../server/src/service/options';
import { ALL_KEYS, lookupKey } from '../../../server/src/service/catalogue';
import { requireOracle, tempConfig, xluParse } from '../../helpers/oracle';

const opts = (xenVersion: XenVersion = '4.17') => ({ ...DEFAULT_OPTIONS, xenVersion });
const labels = (items: CompletionItemData[]) => items.map((i) => i.label);
const sorted = (items: CompletionItemData[]) => [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));

/** Expands an LSP snippet the way an editor does when the user accepts the defaults. */
function expand(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^|\\])*?)(?:,(?:\\.|[^|\\])*)*\|\}/g, (_m, first: string) => first.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_m, ph: string) => ph.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+\}/g, 'x')
    .replace(/\\([\\$}])/g, '$1');
}

describe('keyCompletions', () => {
  test('filters by guest type', () => {
    const pv = labels(keyCompletions({ options: opts(), guestType: 'pv', alreadySet: [] }));
    assert.ok(pv.includes('bootloader'));
    assert.ok(!pv.includes('vga'), 'vga is HVM only');
    assert.ok(!pv.includes('pvshim'), 'pvshim is PVH only');
    const hvm = labels(keyCompletions({ options: opts(), guestType: 'hvm', alreadySet: [] }));
    assert.ok(hvm.includes('vga') && hvm.includes('viridian'));
    assert.ok(!hvm.includes('bootloader'));
    assert.ok(labels(keyCompletions({ options: opts(), alreadySet: [] })).includes('pvshim'));
  });

  test('filters by target version and drops removed keys', () => {
    const at417 = labels(keyCompletions({ options: opts('4.17'), guestType: 'pv', alreadySet: [] }));
    const at418 = labels(keyCompletions({ options: opts('4.18'), guestType: 'pv', alreadySet: [] }));
    assert.ok(!at417.includes('bootloader_restrict'));
    assert.ok(at418.includes('bootloader_restrict'));
    assert.ok(!at418.includes('pvh') && !at418.includes('nodes'));
    assert.ok(!labels(keyCompletions({ options: opts('4.21'), alreadySet: [] })).includes('xenstore_quota'));
  });

  test('common keys first, deprecated late, keys already set last', () => {
    const items = sorted(keyCompletions({ options: opts(), guestType: 'hvm', alreadySet: new Set(['name', 'memory']) }));
    const order = labels(items);
    assert.equal(order[0], 'type');
    assert.ok(order.indexOf('vcpus') < order.indexOf('hpet'));
    assert.deepEqual(order.slice(-2), ['name', 'memory']);
    const builder = items.find((i) => i.label === 'builder')!;
    assert.equal(builder.deprecated, true);
    assert.match(builder.documentation, /use `type`/);
    assert.ok(order.indexOf('builder') > order.indexOf('hpet'));
  });

  test('summary as documentation, kind and guests as detail', () => {
    const mem = keyCompletions({ options: opts(), guestType: 'hvm', alreadySet: [] }).find((i) => i.label === 'memory')!;
    assert.equal(mem.documentation, lookupKey('memory')!.summary);
    assert.match(mem.detail, /integer \(MiB\)/);
    assert.equal(mem.kind, 'key');
  });

  test('snippets bring the right quotes and brackets', () => {
    const by = (name: string, guestType: 'pv' | 'hvm' = 'hvm') =>
      keyCompletions({ options: opts(), guestType, alreadySet: [] }).find((i) => i.label === name)!.insertText;
    assert.equal(by('type'), 'type = "${1|hvm,pv,pvh|}"');
    assert.equal(by('vga'), 'vga = "${1|none,stdvga,cirrus,qxl|}"');
    assert.equal(by('pae'), 'pae = ${1|0,1|}');
    assert.equal(by('nestedhvm'), 'nestedhvm = ${1|1,0|}');
    assert.equal(by('disk'), 'disk = [ "${1}" ]');
    assert.equal(by('vnuma'), 'vnuma = [ [ "${1}" ] ]');
    assert.equal(by('kernel', 'pv'), 'kernel = "${1}"');
    assert.match(by('vcpus'), /^vcpus = \$\{1:1\}$/);
    assert.equal(by('device_model_version'), 'device_model_version = "${1|qemu-xen,qemu-xen-traditional|}"');
    const at421 = keyCompletions({ options: opts('4.21'), guestType: 'hvm', alreadySet: [] }).find((i) => i.label === 'device_model_version')!;
    assert.equal(at421.insertText, 'device_model_version = "${1|qemu-xen|}"');
  });
});

describe('valueCompletions', () => {
  test('enum members in quotes, or bare inside an opened string', () => {
    const outside = valueCompletions('vga', { options: opts(), guestType: 'hvm', quote: null });
    assert.deepEqual(labels(outside), ['none', 'stdvga', 'cirrus', 'qxl']);
    assert.equal(outside[1]!.insertText, '"stdvga"');
    assert.match(outside[1]!.documentation, /high resolutions/);
    const inside = valueCompletions('vga', { options: opts(), guestType: 'hvm', quote: "'" });
    assert.equal(inside[1]!.insertText, 'stdvga');
  });

  test('version-gated members', () => {
    assert.ok(!labels(valueCompletions('tee', { options: opts('4.17'), quote: null })).includes('ffa'));
    assert.ok(labels(valueCompletions('tee', { options: opts('4.18'), quote: null })).includes('ffa'));
    assert.deepEqual(labels(valueCompletions('device_model_version', { options: opts('4.21'), quote: null })), ['qemu-xen']);
    assert.ok(!labels(valueCompletions('viridian', { options: opts('4.12'), quote: null })).includes('stimer'));
  });

  test('firmware values follow the guest type', () => {
    assert.deepEqual(labels(valueCompletions('firmware', { options: opts(), guestType: 'pv', quote: null })), ['pvgrub32', 'pvgrub64']);
    assert.ok(labels(valueCompletions('firmware', { options: opts(), guestType: 'hvm', quote: null })).includes('uefi'));
  });

  test('booleans offer 1 and 0 unquoted', () => {
    const items = valueCompletions('hpet', { options: opts(), quote: null });
    assert.deepEqual(items.map((i) => i.insertText), ['1', '0']);
    assert.match(items[0]!.detail, /default/);
  });

  test('memory-like keys offer sizes', () => {
    const items = valueCompletions('memory', { options: opts(), quote: null });
    assert.ok(items.some((i) => i.label === '2048' && i.detail === '2 GiB'));
    assert.ok(valueCompletions('vmtrace_buf_kb', { options: opts(), quote: null }).some((i) => i.detail === '1 MiB'));
  });

  test('numbered choices stay numbers', () => {
    assert.deepEqual(valueCompletions('usbversion', { options: opts(), quote: null }).map((i) => i.insertText), ['1', '2', '3']);
  });

  test('free-form and unknown keys give nothing', () => {
    assert.deepEqual(valueCompletions('name', { options: opts(), quote: null }), []);
    assert.deepEqual(valueCompletions('nosuch', { options: opts(), quote: null }), []);
  });
});

describe('completions produce text xl parses', () => {
  if (!requireOracle('completion snippets')) return;
  test('every key snippet, expanded with its defaults, is accepted by libxlutil', () => {
    const lines = keyCompletions({ options: opts(), alreadySet: [] }).map((i) => expand(i.insertText));
    const parsed = xluParse(tempConfig('all-keys.cfg', lines.join('\n') + '\n'));
    assert.equal(parsed.accepted, true, JSON.stringify(parsed.messages));
    assert.equal(parsed.num_settings, lines.length);
  });
  test('every value completion after "key = " is accepted by libxlutil', () => {
    const lines: string[] = [];
    for (const key of ['type', 'vga', 'acpi', 'viridian', 'memory', 'firmware', 'on_crash', 'tsc_mode', 'gfx_passthru', 'keymap', 'usbversion', 'altp2m']) {
      for (const item of valueCompletions(key, { options: opts(), guestType: 'hvm', quote: null })) lines.push(`${key} = ${expand(item.insertText)}`);
    }
    const parsed = xluParse(tempConfig('values.cfg', lines.join('\n') + '\n'));
    assert.equal(parsed.accepted, true, JSON.stringify(parsed.messages));
  });
});

describe('completion details are whole phrases (issue 12, point 4)', () => {
  /** Every item of every key and value, for every target release, guest type and quote. */
  function everyItem(): { where: string; item: CompletionItemData }[] {
    const out: { where: string; item: CompletionItemData }[] = [];
    for (const xenVersion of XEN_VERSIONS) {
      for (const guestType of [undefined, 'pv', 'pvh', 'hvm'] as const) {
        for (const item of keyCompletions({ options: opts(xenVersion), guestType, alreadySet: [] })) out.push({ where: `${xenVersion} key ${item.label}`, item });
        for (const quote of [null, '"'] as const) {
          for (const entry of ALL_KEYS) {
            for (const item of valueCompletions(entry.name, { options: opts(xenVersion), guestType, quote })) {
              out.push({ where: `${xenVersion} ${entry.name} = ${item.label}`, item });
            }
          }
        }
      }
    }
    return out;
  }

  /** A value item whose detail is taken from the catalogue's text (not on/off, not a size). */
  const fromText = (item: CompletionItemData) =>
    item.kind === 'value' && item.detail !== '' && !/^(on|off)( \(default\))?$|^[\d.]+ [KMG]iB$/.test(item.detail);

  const balanced = (t: string) => {
    let depth = 0;
    for (const c of t.replace(/`[^`]*`/g, '')) {
      if (c === '(' || c === '[') depth++;
      if (c === ')' || c === ']') depth--;
      if (depth < 0) return false;
    }
    return depth === 0 && (t.match(/`/g) ?? []).length % 2 === 0;
  };

  test('no detail stops inside a sentence, a bracket or a code span', () => {
    const bad: string[] = [];
    const items = everyItem();
    assert.ok(items.length > 1000, `only ${items.length} items`);
    for (const { where, item } of items) {
      const d = item.detail;
      const why: string[] = [];
      if (d.includes('…') || d.endsWith('...')) why.push('an ellipsis');
      if (!balanced(d)) why.push('an unclosed bracket or code span');
      if (/(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf)\.$/i.test(d)) why.push('an abbreviation at the end');
      if (fromText(item) && d !== item.documentation) {
        // A shortened text: it must stop at the end of a sentence, and the rest must start a new one.
        const rest = item.documentation.slice(d.length);
        if (!/[.!?]$/.test(d)) why.push('no full stop at the cut');
        if (!/^\s+[A-Z`"(0-9]/.test(rest)) why.push(`the rest does not start a sentence: '${rest.slice(0, 20)}'`);
      }
      if (/\s$|^\s/.test(d)) why.push('blanks at an end');
      if (why.length) bad.push(`${where}: '${d}' (${why.join(', ')})`);
    }
    assert.deepEqual(bad, []);
  });

  test('the documentation keeps the whole text the detail is taken from', () => {
    for (const { where, item } of everyItem()) {
      if (!fromText(item)) continue;
      assert.ok(item.documentation.startsWith(item.detail), `${where}: '${item.detail}' is not the start of '${item.documentation}'`);
      assert.ok(balanced(item.documentation), `${where}: '${item.documentation}'`);
    }
  });

  test('firstSentence: cuts after a sentence, never after an abbreviation or inside brackets', () => {
    assert.equal(firstSentence('One thing. Another thing.'), 'One thing.');
    assert.equal(firstSentence('Reset it (for guests, e.g. kexec). Then more.'), 'Reset it (for guests, e.g. kexec).');
    assert.equal(firstSentence('Change states at run time, i.e. hotplug (4.15+).'), 'Change states at run time, i.e. hotplug (4.15+).');
    assert.equal(firstSentence('Uses `a. b` as is. Next.'), 'Uses `a. b` as is.');
    assert.equal(firstSentence('Version 4.17 only'), 'Version 4.17 only');
    assert.equal(firstSentence(''), '');
  });
});
