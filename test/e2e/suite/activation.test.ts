// The extension loads in a real VS Code and its language server answers; how long the first answer
// takes (issue 15): from opening the first config, while the language server has not started, to its first
// diagnostics ("cold": it includes the start of the language server, which the client starts with the
// first xl-cfg document), then for fresh files once it runs ("warm"). This file runs first (the suite
// runs its files in alphabetical order), so parse-error.xl is the first xl-cfg file of the run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, LANGUAGE_ID, closeAllEditors, openFile, openToDiagnosticsMs, serverIsDead, waitFor, waitForDiagnostic, writeFile,
} from './helpers';

/** Fresh files opened once the server runs, one after the other. */
const WARM_FILES = 7;

let cold: { ms: number; activeBefore: boolean; openBefore: string[] } | undefined;

suite('activation', () => {
  suiteSetup(() => {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, ` +
      `remote ${vscode.env.remoteName ?? '-'}), extension host on Node ${process.version}`);
  });
  suiteTeardown(closeAllEditors);

  test('an .xl file opens as xl-cfg, the extension activates and shows diagnostics (cold start)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
    const activeBefore = extension.isActive;
    // The server starts lazily, with the first xl-cfg document: none may be open yet. (The extension
    // itself may already be active: its activation events include onLanguage:plaintext, which any
    // plain-text model of the workbench fires.)
    const openBefore = vscode.workspace.textDocuments.map((d) => `${d.uri.scheme}:${d.uri.path.split('/').pop()} (${d.languageId})`);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID), `an xl-cfg document is already open: ${openBefore.join(', ')}`);
    const { doc, elapsedMs } = await openToDiagnosticsMs('parse-error.xl', 25_000).catch((e: Error) => {
      serverIsDead();
      throw e;
    });
    cold = { ms: elapsedMs, activeBefore, openBefore };
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    await waitFor('the extension to activate', () => extension.isActive, 5_000);
    console.log(`cold: open to first diagnostics ${elapsedMs} ms (extension active before: ${activeBefore}; ` +
      `documents open before: ${openBefore.join(', ') || 'none'})`);
  });

  test('the language server publishes diagnostics', async () => {
    const doc = await openFile('parse-error.xl');
    await waitForDiagnostic(doc.uri, 'parse-error', 25_000).catch((e: Error) => {
      serverIsDead();
      throw e;
    });
  });

  test(`start-up figures: cold, then ${WARM_FILES} fresh files once the server runs (test-output/e2e/startup.json)`, async () => {
    assert.ok(cold, 'the cold measurement did not run');
    const samples: number[] = [];
    for (let i = 1; i <= WARM_FILES; i++) {
      // Each file is new to the server, and has a finding (an unknown key) so that diagnostics come.
      const file = `startup/warm-${i}.xl`;
      await writeFile(file, `name = "warm-${i}"\ntype = "hvm"\nmemory = ${512 * i}\nnot_a_key_${i} = 1\n`);
      const { elapsedMs } = await openToDiagnosticsMs(file);
      samples.push(elapsedMs);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    const figures = {
      cold_open_to_diagnostics_ms: cold.ms,
      warm_open_to_diagnostics_median_ms: median,
      samples: [cold.ms, ...samples],
      extension_active_before_cold_open: cold.activeBefore,
      language_server_started_before_cold_open: false,
      vscode: `${vscode.version} (${vscode.env.appHost})`,
    };
    console.log(`startup: ${JSON.stringify(figures)}`);
    const out = process.env.XLCFG_E2E_OUT;
    if (out) {
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'startup.json'), JSON.stringify(figures, null, 2) + '\n');
    }
    assert.ok(figures.samples.every((x) => x > 0), 'every sample is a real time');
  });
});
