// Neovim as a user sets it up (issue 15): Debian's Neovim, headless, runs the "Built-in LSP" block of
// docs/editors.md as it is written (the server on PATH as `xlcfg-language-server`), opens a copy of
// the headline config and reports from Neovim's side (a JSON file written by Lua): the file types,
// the diagnostics (the `dm-restrict-traditional` error), a hover, the quick fix applied by Neovim
// and the diagnostics after it, the CodeLens run, and `:XlcfgPreview`.
// Skips loudly without nvim (`apt-get install -y neovim`); XLCFG_REQUIRE_E2E=1 (CI) turns that into a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const APT_LINE = 'apt-get install -y neovim';

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The Lua block of docs/editors.md that follows the marker naming this test. */
function docsInitLua(): string {
  const md = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
  const marker = md.indexOf('<!-- test/editors/neovim.test.ts');
  assert.ok(marker >= 0, 'docs/editors.md lost the marker before the tested Neovim block');
  const m = /```lua\n([\s\S]*?)```/.exec(md.slice(marker));
  assert.ok(m, 'no ```lua block after the marker in docs/editors.md');
  return m[1]!;
}

// What the test does inside Neovim, after the docs' init: Lua 5.1 (LuaJIT), works on Neovim 0.7 to 0.11.
const HARNESS = String.raw`
local R = { errors = {} }
local function finish()
  local f = assert(io.open(os.getenv('XLCFG_NVIM_OUT'), 'w'))
  f:write(vim.fn.json_encode(R))
  f:close()
  vim.cmd('qall!')
end
-- Messages from the server (window/showMessage), kept for the report instead of printed.
R.messages = {}
vim.lsp.handlers['window/showMessage'] = function(_, result) table.insert(R.messages, result.message) end

local function diags(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  return out
end
local function has_code(buf, code)
  for _, d in ipairs(diags(buf)) do if d.code == code then return true end end
  return false
end
local function clients(buf)
  return vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
end

local ok, err = xpcall(function()
  local v = vim.version()
  R.nvim = v.major .. '.' .. v.minor .. '.' .. v.patch
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('XLCFG_NVIM_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  R.filetype = vim.bo[buf].filetype
  R.attached = vim.wait(15000, function() return next(clients(buf)) ~= nil end, 20)
  R.gotDiagnostics = vim.wait(20000, function() return has_code(buf, 'dm-restrict-traditional') end, 50)
  R.diagnostics = diags(buf)

  -- Hover on dm_restrict (line 9), as K asks it.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = 8, character = 3 } }, 10000) or {}
  for _, r in pairs(hover) do
    if r.result then R.hover = type(r.result.contents) == 'table' and r.result.contents.value or r.result.contents end
  end

  -- The CodeLens, and running it (line 1).
  vim.lsp.codelens.refresh()
  vim.wait(10000, function() return #vim.lsp.codelens.get(buf) > 0 end, 50)
  local lens = vim.lsp.codelens.get(buf)[1]
  R.codelens = lens and lens.command or vim.NIL
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.lsp.codelens.run()
  R.lensShown = vim.wait(10000, function()
    if #R.messages > 0 then return true end
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(b):match('%.argv$') then return true end
    end
    return false
  end, 50)
  vim.cmd('buffer ' .. buf)

  -- The quick fix for the error on line 9, as vim.lsp.buf.code_action asks and applies it.
  local context = { diagnostics = {} }
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = 8 })) do
    table.insert(context.diagnostics, {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    })
  end
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = 8, character = 0 }, ['end'] = { line = 8, character = 0 } },
    context = context,
  }, 10000) or {}
  R.actions = {}
  local fix
  for _, r in pairs(actions) do
    for _, a in ipairs(r.result or {}) do
      table.insert(R.actions, a.title)
      if not fix and a.kind == 'quickfix' and a.edit and a.title:match('qemu%-xen') and not a.title:match('traditional') then fix = a end
    end
  end
  R.fix = fix and fix.title or vim.NIL
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    R.fixedLines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    R.fixCleared = vim.wait(20000, function() return not has_code(buf, 'dm-restrict-traditional') and #vim.diagnostic.get(buf) >= 0 end, 50)
    vim.wait(300)
    R.after = diags(buf)
  end

  -- :XlcfgPreview (docs/editors.md): a scratch window with the command line.
  local before = #vim.api.nvim_list_wins()
  vim.cmd('XlcfgPreview')
  vim.wait(10000, function() return #vim.api.nvim_list_wins() > before end, 50)
  R.preview = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.cmd('close')

  -- The file type patterns: a config under /etc/xen (not created) and a *.xlcfg.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('XLCFG_NVIM_PROBE')))
  R.etcXenFiletype = vim.bo.filetype
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('XLCFG_NVIM_XLCFG')))
  R.xlcfgFiletype = vim.bo.filetype
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('XLCFG_NVIM_OTHER_CFG')))
  R.otherCfgFiletype = vim.bo.filetype
end, debug.traceback)
if not ok then table.insert(R.errors, err) end
finish()
`;

interface Report {
  nvim: string; errors: string[]; messages: string[];
  filetype: string; attached: boolean; gotDiagnostics: boolean;
  diagnostics: { lnum: number; col: number; severity: number; message: string; code: string }[];
  hover?: string; codelens: { title: string; command: string; arguments: unknown[] } | null; lensShown: boolean;
  actions: string[]; fix: string | null; fixedLines?: string[]; fixCleared?: boolean; after?: Report['diagnostics'];
  preview: string[]; etcXenFiletype: string; xlcfgFiletype: string; otherCfgFiletype: string;
}

function runNeovim(dir: string): Promise<Report> {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(SERVER, join(bin, 'xlcfg-language-server'));
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(dir, 'init.lua'), docsInitLua());
  writeFileSync(join(dir, 'harness.lua'), HARNESS);
  const file = join(dir, 'hvm-dm-restrict-traditional.xl');
  copyFileSync(join(ROOT, 'examples', 'hvm-dm-restrict-traditional.cfg'), file);
  writeFileSync(join(dir, 'other.xlcfg'), 'name = "x"\n');
  writeFileSync(join(dir, 'not-a-guest.cfg'), '[section]\nkey = value\n');
  const out = join(dir, 'report.json');
  const env = {
    ...process.env,
    PATH: [bin, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'),
    XDG_STATE_HOME: join(home, '.local/state'), XDG_CACHE_HOME: join(home, '.cache'),
    XLCFG_NVIM_OUT: out, XLCFG_NVIM_FILE: file,
    XLCFG_NVIM_PROBE: `/etc/xen/xlcfg-neovim-probe-${process.pid}.cfg`,
    XLCFG_NVIM_XLCFG: join(dir, 'other.xlcfg'), XLCFG_NVIM_OTHER_CFG: join(dir, 'not-a-guest.cfg'),
  };
  return new Promise((res, rej) => {
    const nvim = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), '-c', `luafile ${join(dir, 'harness.lua')}`],
      { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    nvim.stdout.on('data', (b: Buffer) => { output += b.toString(); });
    nvim.stderr.on('data', (b: Buffer) => { output += b.toString(); });
    const timer = setTimeout(() => { nvim.kill('SIGKILL'); rej(new Error(`nvim did not finish in 120 s; output:\n${output}`)); }, 120_000);
    nvim.on('exit', (code) => {
      clearTimeout(timer);
      if (!existsSync(out)) { rej(new Error(`nvim exited with ${code} without a report; output:\n${output}`)); return; }
      res(JSON.parse(readFileSync(out, 'utf8')) as Report);
    });
  });
}

const present = hasNvim();
if (!present) {
  console.log(`SKIPPED neovim: ${APT_LINE}`);
  if (process.env.XLCFG_REQUIRE_E2E === '1') {
    test('neovim is installed (XLCFG_REQUIRE_E2E=1)', () => assert.fail(`XLCFG_REQUIRE_E2E=1 and nvim is missing: ${APT_LINE} (.ci/e2e-deps.sh)`));
  }
}

test('Neovim with the docs/editors.md configuration: diagnostics, hover, quick fix, CodeLens, preview', { skip: present ? false : `SKIPPED neovim: ${APT_LINE}` }, async () => {
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: node scripts/build.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-neovim-'));
  try {
    const r = await runNeovim(dir);
    if (process.env.XLCFG_NVIM_DEBUG) console.log(JSON.stringify(r, null, 1));
    assert.deepEqual(r.errors, [], `Lua errors in Neovim ${r.nvim}`);
    assert.equal(r.filetype, 'xlcfg');
    assert.equal(r.attached, true, 'the client attached');
    assert.equal(r.gotDiagnostics, true, `diagnostics: ${JSON.stringify(r.diagnostics)}`);

    // The headline: libxl refuses dm_restrict with qemu-xen-traditional, on line 9.
    const headline = r.diagnostics.find((d) => d.code === 'dm-restrict-traditional');
    assert.ok(headline);
    assert.equal(headline.lnum, 8);
    assert.equal(headline.severity, 1); // vim.diagnostic.severity.ERROR
    assert.match(headline.message, /dm_restrict not supported by qemu-xen-traditional/);

    // Hover on dm_restrict.
    assert.match(r.hover ?? '', /dm_restrict/);

    // The CodeLens names the server's command, and running it reaches the server (a message or a shown file).
    assert.equal(r.codelens?.command, 'xlcfg.server.deviceModelPreview');
    assert.equal(r.lensShown, true, 'running the CodeLens showed the preview or said where it is');
    if (r.messages.length) assert.match(r.messages.join('\n'), /device-model preview of hvm-dm-restrict-traditional\.xl written to /);

    // The quick fix, applied by Neovim: qemu-xen, and the error is gone.
    assert.ok(r.fix, `a quick fix among ${JSON.stringify(r.actions)}`);
    assert.ok(r.fixedLines?.includes('device_model_version = "qemu-xen"'), JSON.stringify(r.fixedLines));
    assert.equal(r.fixCleared, true);
    assert.ok(!r.after?.some((d) => d.code === 'dm-restrict-traditional'), JSON.stringify(r.after));

    // :XlcfgPreview after the fix: qemu-xen's command line, for the release the docs' settings name.
    assert.ok(r.preview.some((l) => /xen-domid/.test(l)), r.preview.join('\n'));
    assert.match(r.preview[0] ?? '', /as Xen 4\.20 builds it/, 'the settings of the docs (xenVersion 4.20) reached the server');

    assert.equal(r.etcXenFiletype, 'xlcfg');
    assert.equal(r.xlcfgFiletype, 'xlcfg');
    assert.notEqual(r.otherCfgFiletype, 'xlcfg');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
