// Emacs with Eglot as a user sets it up (issue 15): Debian's Emacs in batch mode loads the Eglot block
// of docs/editors.md as it is written (the server on PATH as `xlcfg-language-server`), opens a copy of
// the headline config and reports from Emacs's side (a JSON file written by Lisp): the major mode,
// Flymake's diagnostics (the `dm-restrict-traditional` error), a hover, the quick fix applied by
// Eglot and the diagnostics after it, and the preview command (with the settings of the docs).
// Skips loudly without Emacs and Eglot; XLCFG_REQUIRE_E2E=1 (CI) turns that into a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const APT_LINE = 'apt-get install -y emacs-nox elpa-eglot';

/** Emacs is installed and finds Eglot (built in from Emacs 29, Debian's elpa-eglot on 28). */
function hasEglot(): boolean {
  return spawnSync('emacs', ['--batch', '-q', '--eval', "(require 'eglot)"], { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

function docsInitEl(): string {
  const md = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
  const marker = md.indexOf('<!-- test/editors/emacs.test.ts');
  assert.ok(marker >= 0, 'docs/editors.md lost the marker before the tested Eglot block');
  const m = /```elisp\n([\s\S]*?)```/.exec(md.slice(marker));
  assert.ok(m, 'no ```elisp block after the marker in docs/editors.md');
  return m[1]!;
}

// Batch mode has no command loop: the hooks and timers Eglot relies on are run by hand
// (post-command-hook for eglot-ensure, didChange after the edit).
const HARNESS = String.raw`
(require 'eglot)
(require 'json)
(load-file (getenv "XLCFG_EMACS_INIT"))
(defvar xlcfg-report nil)
(defun xlcfg-put (k v) (push (cons k v) xlcfg-report))
(defun xlcfg-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))
(defun xlcfg-diags ()
  (mapcar (lambda (d)
            (let ((lsp (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data d)))))
              (list (cons 'line (1- (line-number-at-pos (flymake-diagnostic-beg d))))
                    (cons 'type (symbol-name (flymake-diagnostic-type d)))
                    (cons 'code (or (plist-get lsp :code) ""))
                    (cons 'message (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))
(defun xlcfg-has-code (code)
  (seq-find (lambda (d) (equal (cdr (assq 'code d)) code)) (xlcfg-diags)))
(condition-case err
    (progn
      (find-file (getenv "XLCFG_EMACS_FILE"))
      (xlcfg-put 'mode (symbol-name major-mode))
      (run-hooks 'post-command-hook)
      (xlcfg-put 'managed (if (xlcfg-wait (lambda () eglot--managed-mode) 15) t :json-false))
      (xlcfg-wait (lambda () (xlcfg-has-code "dm-restrict-traditional")) 20)
      (xlcfg-put 'diagnostics (vconcat (xlcfg-diags)))
      (let ((server (eglot-current-server)))
        (goto-char (point-min)) (forward-line 8) (forward-char 2)
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (xlcfg-put 'hover (plist-get (plist-get hover :contents) :value)))
        (let ((actions (jsonrpc-request server :textDocument/codeAction
                                        (list :textDocument (eglot--TextDocumentIdentifier)
                                              :range (list :start (eglot--pos-to-lsp-position) :end (eglot--pos-to-lsp-position))
                                              :context (list :diagnostics [])))))
          (xlcfg-put 'actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
          (let ((fix (seq-find (lambda (a) (and (equal (plist-get a :kind) "quickfix") (plist-get a :edit)
                                               (string-match-p "qemu-xen\"" (plist-get a :title))))
                               actions)))
            (when fix
              (xlcfg-put 'fix (plist-get fix :title))
              (eglot--apply-workspace-edit (plist-get fix :edit))
              (xlcfg-put 'line8 (save-excursion (goto-char (point-min)) (forward-line 7)
                                                (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
              (eglot--signal-textDocument/didChange)
              (xlcfg-put 'fixCleared (if (xlcfg-wait (lambda () (not (xlcfg-has-code "dm-restrict-traditional"))) 20) t :json-false))
              (xlcfg-put 'after (vconcat (xlcfg-diags))))))
        ;; The preview as docs/editors.md runs it: no arguments, the document last opened or edited.
        (xlcfg-put 'preview (plist-get (eglot-execute-command server "xlcfg.server.deviceModelPreview" []) :content))))
  (error (xlcfg-put 'error (format "%S" err))))
(with-temp-file (getenv "XLCFG_EMACS_OUT") (insert (json-encode xlcfg-report)))
(kill-emacs 0)
`;

interface Diag { line: number; type: string; code: string; message: string }
interface Report {
  error?: string; mode: string; managed: boolean; diagnostics: Diag[]; hover?: string; actions?: string[];
  fix?: string; line8?: string; fixCleared?: boolean; after?: Diag[]; preview?: string;
}

function runEmacs(dir: string): Promise<Report> {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(SERVER, join(bin, 'xlcfg-language-server'));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(dir, 'init.el'), docsInitEl());
  writeFileSync(join(dir, 'harness.el'), HARNESS);
  const file = join(dir, 'hvm-dm-restrict-traditional.xl');
  copyFileSync(join(ROOT, 'examples', 'hvm-dm-restrict-traditional.cfg'), file);
  const out = join(dir, 'report.json');
  const env = {
    ...process.env,
    PATH: [bin, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    HOME: home, XLCFG_EMACS_INIT: join(dir, 'init.el'), XLCFG_EMACS_FILE: file, XLCFG_EMACS_OUT: out,
  };
  return new Promise((res, rej) => {
    // -q: no user init, but Debian's site start-up (it puts elpa-eglot on the load path).
    const emacs = spawn('emacs', ['--batch', '-q', '-l', join(dir, 'harness.el')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    emacs.stdout.on('data', (b: Buffer) => { output += b.toString(); });
    emacs.stderr.on('data', (b: Buffer) => { output += b.toString(); });
    const timer = setTimeout(() => { emacs.kill('SIGKILL'); rej(new Error(`emacs did not finish in 120 s; output:\n${output}`)); }, 120_000);
    emacs.on('exit', (code) => {
      clearTimeout(timer);
      if (!existsSync(out)) { rej(new Error(`emacs exited with ${code} without a report; output:\n${output}`)); return; }
      res(JSON.parse(readFileSync(out, 'utf8')) as Report);
    });
  });
}

const present = hasEglot();
if (!present) {
  console.log(`SKIPPED emacs-eglot: ${APT_LINE}`);
  if (process.env.XLCFG_REQUIRE_E2E === '1') {
    test('emacs and eglot are installed (XLCFG_REQUIRE_E2E=1)', () => assert.fail(`XLCFG_REQUIRE_E2E=1 and emacs/eglot are missing: ${APT_LINE} (.ci/e2e-deps.sh)`));
  }
}

test('Emacs (Eglot) with the docs/editors.md configuration: diagnostics, hover, quick fix, preview', { skip: present ? false : `SKIPPED emacs-eglot: ${APT_LINE}` }, async () => {
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: node scripts/build.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-emacs-'));
  try {
    const r = await runEmacs(dir);
    if (process.env.XLCFG_EMACS_DEBUG) console.log(JSON.stringify(r, null, 1));
    assert.equal(r.error, undefined);
    assert.equal(r.mode, 'xlcfg-mode');
    assert.equal(r.managed, true, 'eglot manages the buffer');

    const headline = r.diagnostics.find((d) => d.code === 'dm-restrict-traditional');
    assert.ok(headline, JSON.stringify(r.diagnostics));
    assert.equal(headline.line, 8);
    assert.equal(headline.type, 'eglot-error');
    assert.match(headline.message, /dm_restrict not supported by qemu-xen-traditional/);

    assert.match(r.hover ?? '', /dm_restrict/);

    assert.ok(r.fix, `a quick fix among ${JSON.stringify(r.actions)}`);
    assert.equal(r.line8, 'device_model_version = "qemu-xen"');
    assert.equal(r.fixCleared, true, JSON.stringify(r.after));

    // eglot-workspace-configuration of the docs (xenVersion 4.20) reached the server.
    assert.match(r.preview ?? '', /^# Device model \(qemu\) for this guest, as Xen 4\.20 builds it/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
