// Which files VS Code treats as xl.cfg: the language contribution and the .cfg content detection.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, closeAllEditors, currentDocument, openFile, sleep, waitFor, workspaceUri } from './helpers';

/** Files that must never become xl-cfg, opened together so one wait covers them all. */
const NOT_GUEST_CONFIGS = ['detect/app.cfg', 'etc/xen/xl.conf', 'etc/xen/xlcpupool.cfg', 'etc/xen/cpupool'];

function languageOf(relative: string): string | undefined {
  return currentDocument(workspaceUri(relative))?.languageId;
}

async function expectGuestConfig(relative: string): Promise<void> {
  await openFile(relative);
  await waitFor(`${relative} to be xl-cfg (it is ${languageOf(relative)})`, () => languageOf(relative) === LANGUAGE_ID);
}

suite('language detection', () => {
  suiteTeardown(closeAllEditors);

  test('a .cfg under /etc/xen is xl-cfg', () => expectGuestConfig('etc/xen/web01.cfg'));

  test("Xen's example names (xlexample.*) are xl-cfg", () => expectGuestConfig('xlexample.hvm'));

  test('a .cfg elsewhere whose content is a guest config is switched to xl-cfg', () => expectGuestConfig('detect/guest.cfg'));

  test('an unrelated .cfg, xl.conf and cpupool files are not xl-cfg', async () => {
    for (const file of NOT_GUEST_CONFIGS) await openFile(file);
    await sleep(3000); // long enough for the content detection to have acted
    const wrong = NOT_GUEST_CONFIGS.filter((f) => languageOf(f) === LANGUAGE_ID);
    assert.deepStrictEqual(wrong, [], 'these files were taken for guest configs');
    assert.ok(NOT_GUEST_CONFIGS.every((f) => languageOf(f) !== undefined), 'all files are open');
  });
});
