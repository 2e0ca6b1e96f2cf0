// The language contribution in package.json: which files VS Code opens as xl-cfg (file name
// patterns resolved the way VS Code does), the first-line rule, commands and settings that match
// the client/server protocol, and the files the contribution points to.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { COMMANDS } from '../../server/src/protocol';
import { XEN_VERSIONS } from '../../server/src/service/options';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lang = pkg.contributes.languages.find((l: any) => l.id === 'xl-cfg');

/** The built-in association every .cfg file falls back to (VS Code's extensions/ini). */
const BUILT_IN = [{ id: 'properties', extensions: ['.properties', '.cfg', '.conf', '.directory'], filenames: [], filenamePatterns: [] }];

/**
 * The language VS Code picks for a file (languagesAssociations.ts): the path is lower-cased; an
 * exact file name wins, then the longest matching pattern (a pattern containing `/` is matched
 * against the whole path, any other against the base name), then the longest extension; only
 * when none applies does a language's firstLine regex look at the first line.
 */
function languageFor(path: string, firstLine = ''): string | undefined {
  const p = path.toLowerCase();
  const name = basename(p);
  const all = [...BUILT_IN, ...pkg.contributes.languages];
  const byName = all.find((l: any) => (l.filenames ?? []).some((f: string) => f.toLowerCase() === name));
  if (byName) return byName.id;
  let pattern: { id: string; length: number } | undefined;
  let extension: { id: string; length: number } | undefined;
  for (const l of all) {
    for (const pat of (l.filenamePatterns ?? []) as string[]) {
      if ((!pattern || pat.length > pattern.length) && minimatch(pat.includes('/') ? p : name, pat.toLowerCase(), { dot: true })) {
        pattern = { id: l.id, length: pat.length };
      }
    }
    for (const e of (l.extensions ?? []) as string[]) {
      if ((!extension || e.length > extension.length) && name.endsWith(e)) extension = { id: l.id, length: e.length };
    }
  }
  if (pattern) return pattern.id;
  if (extension) return extension.id;
  return all.find((l: any) => l.firstLine && new RegExp(l.firstLine).test(firstLine))?.id;
}
const opensAsXlCfg = (path: string, firstLine = '') => languageFor(path, firstLine) === 'xl-cfg';

describe('language contribution', () => {
  test('language ids: xl-cfg for guests, xl-conf for xl\'s global config, xl-cpupool for cpupool configs', () => {
    assert.deepEqual(pkg.contributes.languages.map((l: any) => l.id), ['xl-cfg', 'xl-conf', 'xl-cpupool']);
  });

  test('language id, aliases, configuration, grammar and snippets', () => {
    assert.ok(lang);
    assert.equal(lang.aliases[0], 'Xen xl.cfg');
    assert.deepEqual(lang.extensions, ['.xl', '.xlcfg']);
    const grammar = pkg.contributes.grammars.find((g: any) => g.language === 'xl-cfg');
    assert.equal(grammar.scopeName, 'source.xl-cfg');
    for (const p of [lang.configuration, grammar.path, pkg.contributes.snippets[0].path, pkg.icon]) {
      assert.ok(existsSync(join(ROOT, p)), p);
    }
    assert.equal(JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')).scopeName, 'source.xl-cfg');
  });

  test('guest configs under /etc/xen, Xen example files, .xl and .xlcfg open as xl-cfg', () => {
    for (const p of [
      '/etc/xen/web.cfg', '/etc/xen/auto/web.cfg', '/etc/xen/guests/prod/db.cfg', '/home/me/backup/etc/xen/db.cfg',
      '/etc/xen/x.cfg', '/etc/xen/xl.cfg', '/etc/xen/xlcpu.cfg', '/etc/xen/XEN-GUEST.CFG', '/etc/xen/xlcpupool2.cfg',
      '/etc/xen/xlexample.hvm', '/usr/share/doc/xen/xlexample.pvlinux', '/srv/vm/guest.xl', '/srv/vm/guest.xlcfg',
    ]) assert.equal(opensAsXlCfg(p), true, p);
  });

  test("xl's own config, cpupool configs and other files are not claimed as guest configs", () => {
    for (const p of [
      '/etc/xen/xl.conf', '/etc/xen/xlcpupool.cfg', '/etc/xen/cpupool', '/etc/xen/xlcpupool', '/etc/xen/README',
      '/etc/xen/scripts/vif-bridge', '/etc/xenfoo/a.cfg', '/etc/default/xen.cfg', '/srv/app/setup.cfg', '/etc/xen/web.cfg.bak',
    ]) assert.equal(opensAsXlCfg(p), false, p);
    assert.equal(languageFor('/etc/xen/xl.conf'), 'xl-conf', 'xl.conf has a language of its own');
    const grammar = pkg.contributes.grammars.find((g: any) => g.language === 'xl-conf');
    assert.deepEqual(JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')).patterns, [{ include: 'source.xl-cfg' }]);
    assert.equal(languageFor('/srv/app/setup.cfg'), 'properties');
  });

  test('cpupool configs get their own language, even when their first line is `name = ...`', () => {
    for (const p of ['/etc/xen/cpupool', '/etc/xen/xlcpupool', '/etc/xen/xlcpupool.cfg', '/root/XLCPUPOOL.CFG']) {
      assert.equal(languageFor(p, 'name = "Pool-node0"'), 'xl-cpupool', p);
    }
    const grammar = pkg.contributes.grammars.find((g: any) => g.language === 'xl-cpupool');
    const raw = JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8'));
    assert.equal(raw.scopeName, grammar.scopeName);
    assert.deepEqual(raw.patterns, [{ include: 'source.xl-cfg' }]);
  });

  test('a file no name or extension claims is xl-cfg by its first line', () => {
    assert.equal(languageFor('/srv/guests/web01', 'name = "web01"'), 'xl-cfg');
    assert.equal(languageFor('/srv/guests/web01', '# a comment first'), undefined);
    assert.equal(languageFor('/srv/app/app.cfg', 'name = "web01"'), 'properties', 'an extension match comes first');
  });

  test('firstLine recognises a guest config starting with a key, not comments or other formats', () => {
    const re = new RegExp(lang.firstLine);
    for (const l of ['name = "x"', '  type="hvm"', 'builder = "hvm"', 'kernel="/boot/vmlinuz"', 'memory = 512', 'vcpus += 1']) {
      assert.ok(re.test(l), l);
    }
    for (const l of ['# name = "x"', 'autoballoon="auto"', '[main]', 'names = 1', 'name: x']) assert.ok(!re.test(l), l);
  });

  test('activation covers xl-cfg and the languages .cfg files open as (for content detection)', () => {
    for (const e of ['onLanguage:xl-cfg', 'onLanguage:plaintext', 'onLanguage:ini', 'onLanguage:properties']) {
      assert.ok(pkg.activationEvents.includes(e), e);
    }
  });

  test('the commands are the protocol ones, shown for xl-cfg editors only', () => {
    const ids = pkg.contributes.commands.map((c: any) => c.command).sort();
    assert.deepEqual(ids, Object.values(COMMANDS).sort());
    const preview = pkg.contributes.commands.find((c: any) => c.command === COMMANDS.showDeviceModelPreview);
    assert.equal(`${preview.category}: ${preview.title}`, 'xl.cfg: Preview Device-Model Command Line');
    for (const m of pkg.contributes.menus.commandPalette) assert.equal(m.when, 'editorLangId == xl-cfg');
    assert.equal(pkg.contributes.menus['editor/title'][0].command, COMMANDS.showDeviceModelPreview);
  });

  test('settings: every field of XlcfgSettings plus trace, with the agreed defaults', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      'xlcfg.detectCfgContent', 'xlcfg.host', 'xlcfg.inlayHints', 'xlcfg.manPage', 'xlcfg.paths', 'xlcfg.severity', 'xlcfg.trace.server', 'xlcfg.xenVersion',
    ]);
    assert.equal(props['xlcfg.xenVersion'].default, '4.17');
    assert.deepEqual(props['xlcfg.xenVersion'].enum, [...XEN_VERSIONS]);
    assert.deepEqual(props['xlcfg.host'].enum, ['reference', 'debian-12', 'debian-13', 'local']);
    assert.deepEqual(props['xlcfg.paths'].enum, ['debian', 'upstream']);
    assert.equal(props['xlcfg.detectCfgContent'].default, true);
    assert.equal(props['xlcfg.manPage'].default, true);
    assert.equal(props['xlcfg.inlayHints'].default, true);
    // The settings page lists them by importance: the target release first.
    const byOrder = Object.keys(props).sort((a, b) => props[a].order - props[b].order);
    assert.deepEqual(byOrder.slice(0, 3), ['xlcfg.xenVersion', 'xlcfg.host', 'xlcfg.paths']);
    assert.ok(Object.values(props).every((p: any) => Number.isInteger(p.order)));
    assert.deepEqual(props['xlcfg.severity'].additionalProperties.enum, ['error', 'warning', 'information', 'hint', 'off']);
  });

  test('xl-cfg files default to LF and a final newline (xl rejects CR and a comment without LF at the end)', () => {
    const d = pkg.contributes.configurationDefaults['[xl-cfg]'];
    assert.equal(d['files.eol'], '\n');
    assert.equal(d['files.insertFinalNewline'], true);
  });

  test('language configuration: # comments, [ ] brackets, auto-closed quotes, keys with dots as words', () => {
    const lc = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));
    assert.equal(lc.comments.lineComment, '#');
    assert.deepEqual(lc.brackets, [['[', ']']]);
    const closes = lc.autoClosingPairs.map((p: any) => p.open + p.close);
    assert.deepEqual(closes.sort(), ['""', "''", '[]']);
    const word = new RegExp(lc.wordPattern);
    assert.equal(word.exec('  vif.default.script_x = 1')?.[0], 'vif.default.script_x');
  });
});
