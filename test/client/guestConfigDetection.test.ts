// The client's .cfg content detection: which files opened as plain text/ini/properties are switched
// to xl-cfg. Guest configs from the oracle corpus must be recognised; other .cfg formats must not.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  collectGuestConfigEvidence, languageToSwitchTo, looksLikeCpupoolConfig, looksLikeGuestConfig, shouldSwitchToXlCfg,
} from '../../client/src/guestConfigDetection';
import { corpus } from '../helpers/oracle';
import { GUEST_CONFIG_KEYS } from '../../client/src/guestConfigKeys';
import { KEY_FACTS } from '../../server/src/service/catalogue/key-facts';

const doc = (text: string, over: Partial<{ fileName: string; languageId: string; scheme: string }> = {}) => ({
  fileName: '/srv/vms/guest.cfg', languageId: 'properties', scheme: 'file', getText: () => text, ...over,
});

describe('the client key list', () => {
  test("is the catalogue's keys that xl 4.10-4.22 reads (the client bundle does not carry the catalogue)", () => {
    const readSince410 = KEY_FACTS.filter((k) => !k.removedIn || Number(k.removedIn.split('.')[1]) >= 10).map((k) => k.name);
    assert.deepEqual([...GUEST_CONFIG_KEYS].sort(), [...readSince410].sort());
  });
});

describe('looksLikeGuestConfig', () => {
  test('every guest config of the oracle corpus is recognised', () => {
    const guests = corpus().filter((c) => /^(hvm|pv|pvh|warn|libxl)-/.test(c.name));
    assert.ok(guests.length > 20);
    for (const c of guests) {
      assert.equal(looksLikeGuestConfig(readFileSync(c.file, 'latin1')), true, c.name);
    }
  });

  test('a small HVM guest', () => {
    assert.equal(looksLikeGuestConfig('name = "web"\ntype = "hvm"\nmemory = 2048\nvcpus = 2\n'), true);
  });

  test('a CRLF guest config is still a guest config (the server then flags every CR)', () => {
    assert.equal(looksLikeGuestConfig('name = "web"\r\nmemory = 1024\r\nvcpus = 1\r\n'), true);
  });

  test('statements after ";" count, multi-line list items do not', () => {
    const e = collectGuestConfigEvidence('name="a"; kernel="/boot/vmlinuz"\ndisk = [\n memory = 1,\n]\n');
    assert.deepEqual(e.knownKeys.sort(), ['disk', 'kernel', 'name']);
  });

  test('only ambiguous keys (a cpupool config: name, sched, cpus) is not enough', () => {
    const cpupool = '# pool for the build machines\nname = "builders"\nsched = "credit2"\ncpus = ["4", "5"]\n';
    assert.equal(looksLikeGuestConfig(cpupool), false);
  });

  test('one known key is not enough', () => {
    assert.equal(looksLikeGuestConfig('memory = 512\n'), false);
  });

  test('bare-word values are not xl values (INI/properties style)', () => {
    assert.equal(looksLikeGuestConfig('name=web\nmemory=large\nkernel=vmlinuz\n'), false);
  });

  test('an INI section header rules it out', () => {
    assert.equal(looksLikeGuestConfig('[vm]\nname = "a"\nmemory = 512\nvcpus = 2\n'), false);
  });

  test('a Python setup.cfg, a pylintrc-like file, a Nagios object file are not guest configs', () => {
    assert.equal(looksLikeGuestConfig('[metadata]\nname = demo\nversion = 1.0\n[options]\npackages = find:\n'), false);
    assert.equal(looksLikeGuestConfig('[MASTER]\njobs=4\n[FORMAT]\nmax-line-length=100\n'), false);
    assert.equal(looksLikeGuestConfig('define host {\n  host_name web\n  address 10.0.0.1\n}\n'), false);
  });

  test('mostly foreign keys: not a guest config', () => {
    const t = 'memory = 512\nvcpus = 1\nlisten_port = 80\nworkers = 4\nlog_level = 2\ntimeout = 30\n';
    assert.equal(looksLikeGuestConfig(t), false);
  });

  test('commented-out keys do not count', () => {
    assert.equal(looksLikeGuestConfig('# memory = 512\n# vcpus = 2\n# kernel = "/boot/x"\n'), false);
  });

  test('never throws on odd input', () => {
    for (const t of ['', '\n\n', '[[[[', ']]]]', '"unterminated', 'a=' + '['.repeat(10000), '\u0000\uffff', 'x'.repeat(200000)]) {
      assert.equal(typeof looksLikeGuestConfig(t), 'boolean');
    }
  });
});

describe('shouldSwitchToXlCfg', () => {
  const guest = 'name = "db"\nmemory = 4096\nvcpus = 4\ndisk = [ "phy:/dev/vg/db,xvda,w" ]\n';

  test('a .cfg guest config opened as properties, ini or plain text is switched', () => {
    for (const languageId of ['properties', 'ini', 'plaintext']) {
      assert.equal(shouldSwitchToXlCfg(doc(guest, { languageId }), true), true, languageId);
    }
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: 'C:\\vms\\DB.CFG' }), true), true);
  });

  test('the setting xlcfg.detectCfgContent = false turns it off', () => {
    assert.equal(shouldSwitchToXlCfg(doc(guest), false), false);
  });

  test('already xl-cfg, or a specific language chosen elsewhere: left alone', () => {
    assert.equal(shouldSwitchToXlCfg(doc(guest, { languageId: 'xl-cfg' }), true), false);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { languageId: 'python' }), true), false);
  });

  test('a file without extension opened as plain text is switched too (guests named after themselves)', () => {
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: '/etc/xen/web01', languageId: 'plaintext' }), true), true);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: 'C:\\xen\\web01', languageId: 'plaintext' }), true), true);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: '/etc/xen/web01', languageId: 'shellscript' }), true), false);
    assert.equal(shouldSwitchToXlCfg(doc('# notes\nremember to patch\n', { fileName: '/etc/xen/TODO', languageId: 'plaintext' }), true), false);
  });

  test('only .cfg files (or extension-less ones), only files on disk', () => {
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: '/srv/notes.txt' }), true), false);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: '/srv/notes.txt', languageId: 'plaintext' }), true), false);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { fileName: '/srv/guest.conf' }), true), false);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { scheme: 'git' }), true), false);
    assert.equal(shouldSwitchToXlCfg(doc(guest, { scheme: 'untitled', fileName: 'Untitled-1', languageId: 'plaintext' }), true), false);
  });

  test('a .cfg that is not a guest config stays as it is', () => {
    assert.equal(shouldSwitchToXlCfg(doc('[server]\nport = 80\n'), true), false);
  });
});

describe('cpupool configs opened as xl-cfg', () => {
  const pool = '# fast cores\nname = "Pool-fast"\nsched = "credit2"\ncpus = ["4", "5", "6", "7"]\n';

  test('a cpupool config is recognised (name/sched/nodes/cpus only, with sched or nodes)', () => {
    assert.equal(looksLikeCpupoolConfig(pool), true);
    assert.equal(looksLikeCpupoolConfig('name="p"\nnodes=["1"]\n'), true);
    assert.equal(looksLikeCpupoolConfig('name="p"\ncpus=["1"]\n'), false, 'nothing says cpupool');
    assert.equal(looksLikeCpupoolConfig(pool + 'memory = 512\n'), false, 'a guest key');
    assert.equal(looksLikeCpupoolConfig(''), false);
  });

  test('an xl-cfg document with cpupool content goes to xl-cpupool; guests stay xl-cfg', () => {
    assert.equal(languageToSwitchTo(doc(pool, { fileName: '/etc/xen/pool-fast.cfg', languageId: 'xl-cfg' }), true), 'xl-cpupool');
    assert.equal(languageToSwitchTo(doc(pool, { fileName: '/etc/xen/pool-fast.cfg', languageId: 'xl-cfg' }), false), undefined);
    assert.equal(languageToSwitchTo(doc('name = "g"\nmemory = 512\nvcpus = 1\n', { languageId: 'xl-cfg' }), true), undefined);
  });

  test('a cpupool .cfg opened as properties is not taken for a guest', () => {
    assert.equal(languageToSwitchTo(doc(pool), true), undefined);
  });

  test('every guest config of the oracle corpus opened as xl-cfg stays xl-cfg', () => {
    for (const c of corpus()) {
      assert.equal(languageToSwitchTo(doc(readFileSync(c.file, 'latin1'), { languageId: 'xl-cfg' }), true), undefined, c.name);
    }
  });
});
