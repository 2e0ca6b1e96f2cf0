// Each snippet, with its placeholders replaced by their defaults, is a config that the real
// libxlutil parser accepts and that real `xl -N create` takes without an error.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dmArgv, requireOracle, tempConfig, xlDryrun, xluParse } from '../helpers/oracle';

const ROOT = resolve(__dirname, '..', '..');
interface Snippet { prefix: string | string[]; description: string; body: string | string[] }
const SNIPPETS: Record<string, Snippet> = JSON.parse(readFileSync(join(ROOT, 'snippets/xl-cfg.json'), 'utf8'));

/**
 * Expands a VS Code snippet body the way accepting every default would: `${n:default}` gives its
 * default (which may hold other placeholders), `${n|a,b|}` its first choice, `$n`/`${n}` repeat the
 * value placeholder n got, `$0` is empty, `\$` `\}` `\\` are literal.
 */
function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  function expand(s: string): string {
    let out = '';
    for (let i = 0; i < s.length;) {
      const ch = s[i];
      if (ch === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) { out += s[i + 1]; i += 2; continue; }
      if (ch !== '$') { out += ch; i++; continue; }
      const simple = /^\$(\d+)/.exec(s.slice(i));
      if (simple) { out += values.get(simple[1]) ?? ''; i += simple[0].length; continue; }
      const open = /^\$\{(\d+)(:|\||\})/.exec(s.slice(i));
      if (!open) { out += ch; i++; continue; }
      const [whole, n, kind] = open;
      let j = i + whole.length;
      if (kind === '}') { out += values.get(n) ?? ''; i = j; continue; }
      let depth = 1; const start = j;
      for (; j < s.length && depth > 0; j++) {
        if (s[j] === '\\') { j++; continue; }
        if (s[j] === '$' && s[j + 1] === '{') { depth++; j++; } else if (s[j] === '}') depth--;
      }
      const inner = s.slice(start, j - 1);
      const value = kind === ':' ? expand(inner) : inner.replace(/\|$/, '').split(',')[0];
      values.set(n, value);
      out += value;
      i = j;
    }
    return out;
  }
  return expand(body);
}

const asText = (s: Snippet) => expandSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body) + '\n';
const isWholeGuest = (s: Snippet) => /^name = /.test(asText(s));
/** A minimal PVH guest that the fragment snippets (disk, vif) are added to. */
const BASE = 'name = "snippet-host"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 512\n';

describe('snippets', () => {
  test('the expander follows placeholders, mirrors and choices', () => {
    assert.equal(expandSnippet('a = "${1:x}" b = "$1" c = ${2|p,q|} d = \'${3:k/${1}}\' $0'),
      'a = "x" b = "x" c = p d = \'k/x\' ');
  });

  test('the required snippets exist, with prefixes and descriptions', () => {
    const names = Object.keys(SNIPPETS);
    for (const want of ['HVM guest', 'PV guest', 'PVH guest', 'Hardened HVM guest (dm_restrict)', 'disk', 'vif']) {
      assert.ok(names.includes(want), want);
    }
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.ok(s.prefix.length > 0 && s.description.length > 10, name);
    }
  });

  test('the hardened guest sets dm_restrict on qemu-xen', () => {
    const t = asText(SNIPPETS['Hardened HVM guest (dm_restrict)']);
    assert.match(t, /^dm_restrict = 1$/m);
    assert.match(t, /^device_model_version = "qemu-xen"$/m);
  });

  const oracle = requireOracle('snippets accepted by libxlutil and xl');
  for (const [name, s] of Object.entries(SNIPPETS)) {
    test(`${name}: libxlutil parses it and xl -N create accepts it`, { skip: !oracle }, () => {
      const text = isWholeGuest(s) ? asText(s) : BASE + asText(s);
      const file = tempConfig('snippet.cfg', text);
      const parsed = xluParse(file);
      assert.equal(parsed.accepted, true, `${text}\n${parsed.messages.join('\n')}`);
      const dry = xlDryrun(file);
      assert.equal(dry.exit_status, 0, `${text}\n${dry.stderr}`);
      assert.doesNotMatch(dry.stderr ?? '', /warning|error/i, text);
      const dm = dmArgv(file);
      assert.ok(['spawn', 'no_device_model'].includes(dm.outcome), `${dm.outcome}: ${dm.error ?? ''}`);
    });
  }

  test('the hardened guest gets a restricted qemu-xen from libxl', { skip: !oracle }, () => {
    const file = tempConfig('hardened.cfg', asText(SNIPPETS['Hardened HVM guest (dm_restrict)']));
    const r = dmArgv(file);
    assert.equal(r.outcome, 'spawn', JSON.stringify(r).slice(0, 2000));
    assert.equal(r.device_model_version, 'qemu_xen');
    assert.ok(r.argv.includes('-xen-domid-restrict'), r.argv.join(' '));
    assert.ok(r.argv.includes('-runas'), r.argv.join(' '));
  });
});
