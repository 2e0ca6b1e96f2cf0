// The import graph of the language-service library (server/src/service/), stated as rules:
//  1. it imports nothing outside itself (relative paths included) but an allow-list of npm packages;
//  2. no Node built-ins, no `Buffer`, no `process` or `require`: the same code runs in a browser worker;
//  3. a stage imports only the stages before it in the pipeline (LAYERS below), never after.
//  4. the checks (server/src/service/checks/) read the stages' data, never their sentences: no regular
//     expression and no string search or rewrite (`.includes(`, `.startsWith(`, `.replace(`, ...);
//     membership in a list of keys or codes goes through util/lists.ts's `has`.
//  5. the domain config (libxl_domain_config JSON) is read through model/domain-view.ts: no other module
//     declares a reader of its fields (str, int, defbool, the guest type, ...), and no stage after the
//     model reads c_info or b_info as a property.
// The rules are checked on the real tree and, to show they bite, on made-up files that break them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const REPO = resolve(__dirname, '..');
const SERVICE = join(REPO, 'server', 'src', 'service');

/** npm packages the service may import (none today: it is plain TypeScript). */
const ALLOWED_PACKAGES = new Set<string>();

/**
 * The pipeline, earliest first. A module of the service belongs to the entry named by its first
 * path segment under service/ (a folder or a top-level file); it may import its own entry and the
 * entries of lower layers. Entries on one layer do not import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['options', 'finding', 'text', 'util'],   // plain data and helpers shared by every stage
  ['catalogue', 'host'],                    // facts about keys and releases; the dom0 models
  ['syntax', 'directives'],                 // libxlutil's parser; in-file directives
  ['model'],                                // xl_parse.c: the domain config xl builds
  ['defaults'],                             // libxl's setdefault
  ['devicemodel'],                          // libxl_dm.c: the qemu argv
  ['qemu'],                                 // what the dom0's installed QEMU refuses of that argv
  ['checks'],                               // findings over the stages' outputs
  ['analyze'],                              // the facade: one lazy analysis per document
  ['features'],                             // hover, completion, code actions, preview
  ['index'],                                // the library's API
];
const LAYER_OF = new Map(LAYERS.flatMap((entries, i) => entries.map((e) => [e, i] as const)));

interface SourceFile { path: string; text: string }

function entryOf(path: string): string {
  const first = relative(SERVICE, path).split(sep)[0]!;
  return first.replace(/\.ts$/, '');
}

/** Import specifiers, comments and strings aside from the code itself. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/gm)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

/** The code without comments and string contents (for identifier checks). */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

export function violations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  const builtins = new Set(builtinModules);
  for (const f of files) {
    const where = relative(REPO, f.path);
    const from = entryOf(f.path);
    const fromLayer = LAYER_OF.get(from);
    if (fromLayer === undefined) out.push(`${where}: '${from}' is in no layer of the pipeline`);
    for (const spec of importsOf(f.text)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(f.path), spec);
        if (!target.startsWith(SERVICE + sep)) { out.push(`${where}: imports '${spec}', outside the service`); continue; }
        const to = entryOf(target);
        if (to === from) continue;
        const toLayer = LAYER_OF.get(to);
        if (toLayer === undefined || fromLayer === undefined) continue;
        if (toLayer >= fromLayer) out.push(`${where}: ${from} imports ${to} ('${spec}'), which is not before it in the pipeline`);
      } else if (spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) {
        out.push(`${where}: imports the Node built-in '${spec}'`);
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!ALLOWED_PACKAGES.has(pkg)) out.push(`${where}: imports '${spec}', not in the allow-list of npm packages`);
      }
    }
    const code = codeOnly(f.text);
    for (const name of ['Buffer', 'process', 'require', '__dirname', 'globalThis']) {
      if (new RegExp(`\\b${name}\\b`).test(code)) out.push(`${where}: uses ${name}`);
    }
  }
  return out;
}

/** Methods that search or rewrite text (and RegExp's own): what reading a message back looks like. */
const TEXT_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'match', 'matchAll', 'replace', 'replaceAll', 'search', 'split',
  'indexOf', 'lastIndexOf', 'test', 'exec',
]);

/** Rule 4: regular expressions and text searches in the checks (line: what), by the TypeScript parser. */
export function textReadingViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const rel = relative(SERVICE, f.path).split(sep);
    if (rel[0] !== 'checks') continue;
    const where = relative(REPO, f.path).split(sep).join('/');
    const src = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${where}:${src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push(`${at(n)}: a regular expression literal`);
      if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        out.push(`${at(n)}: builds a RegExp`);
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && TEXT_METHODS.has(n.expression.name.text)) {
        out.push(`${at(n)}: .${n.expression.name.text}( (read the stage's data, not its text; has() for a list)`);
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return out;
}

/** The readers model/domain-view.ts owns: no other module of the service declares one (at its top level). */
const VIEW_READERS = [
  'str', 'num', 'int', 'memkb', 'defbool', 'defboolVal', 'enumOf', 'list', 'strList', 'obj', 'isObject',
  'guestType', 'guestTypeOf', 'domainType', 'domainView',
];

/** Rule 5: one view of the domain config (line: what). */
export function domainConfigViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const rel = relative(SERVICE, f.path).split(sep);
    if (rel.join('/') === 'model/domain-view.ts') continue;
    const where = relative(REPO, f.path).split(sep).join('/');
    const code = codeOnly(f.text);
    for (const name of VIEW_READERS) {
      if (new RegExp(`^(?:export\\s+)?(?:function\\s+${name}\\s*[<(]|const\\s+${name}\\s*=)`, 'm').test(code)) {
        out.push(`${where}: declares its own ${name}; read the domain config with model/domain-view.ts`);
      }
    }
    if (rel[0] !== 'model' && /\.(?:c_info|b_info)\b/.test(code)) out.push(`${where}: reads c_info/b_info as a property; use domainView()`);
  }
  return out;
}

function serviceFiles(dir = SERVICE, out: SourceFile[] = []): SourceFile[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) serviceFiles(p, out);
    else if (name.endsWith('.ts')) out.push({ path: p, text: readFileSync(p, 'utf8') });
  }
  return out;
}

/**
 * The shells around the service (server.ts, lsp/, cli/, node/) import it through its API,
 * server/src/service/index.ts, never a stage's file. Exceptions: protocol.ts, which the VS Code
 * client bundles (it takes types and the command names only, not the whole library).
 */
const SHELL_EXCEPTIONS = new Set(['server/src/protocol.ts']);

export function shellViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const where = relative(REPO, f.path).split(sep).join('/');
    if (SHELL_EXCEPTIONS.has(where)) continue;
    for (const spec of importsOf(f.text)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(f.path), spec);
      if (target.startsWith(SERVICE + sep)) out.push(`${where}: imports '${spec}'; import the service's API ('${relative(dirname(f.path), SERVICE).split(sep).join('/')}')`);
    }
  }
  return out;
}

function shellFiles(): SourceFile[] {
  const src = join(REPO, 'server', 'src');
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (p === SERVICE) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(src);
  return out;
}

/**
 * The LSP wiring (lsp/) and the browser worker's entry run in a browser too: no Node built-ins, no
 * Node-only entry of vscode-languageserver, no Node globals. Node's part comes in as a ServerEnvironment.
 */
export function browserShellViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  const builtins = new Set(builtinModules);
  for (const f of files) {
    const where = relative(REPO, f.path).split(sep).join('/');
    for (const spec of importsOf(f.text)) {
      if (spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) out.push(`${where}: imports the Node built-in '${spec}'`);
      else if (/^vscode-languageserver(-protocol)?\/node$/.test(spec)) out.push(`${where}: imports '${spec}', Node's entry`);
      else if (spec.startsWith('.') && resolve(dirname(f.path), spec).startsWith(join(REPO, 'server', 'src', 'node'))) out.push(`${where}: imports '${spec}', the Node shell`);
    }
    const code = codeOnly(f.text);
    for (const name of ['Buffer', 'process', 'require', '__dirname']) {
      if (new RegExp(`\\b${name}\\b`).test(code)) out.push(`${where}: uses ${name}`);
    }
  }
  return out;
}

function browserShellFiles(): SourceFile[] {
  const lsp = join(REPO, 'server', 'src', 'lsp');
  const paths = [...readdirSync(lsp).filter((n) => n.endsWith('.ts')).map((n) => join(lsp, n)), join(REPO, 'server', 'src', 'browser-server.ts')];
  return paths.map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

describe('architecture of the language-service library', () => {
  const files = serviceFiles();
  test('the service is there', () => assert.ok(files.length > 50, `${files.length} files`));
  test('the service follows the import rules', () => assert.deepEqual(violations(files), []));

  const at = (rel: string, text: string): SourceFile => ({ path: join(SERVICE, rel), text });
  test('the checks read data, not text: no regular expression, no string search (issue 9)', () => {
    assert.deepEqual(textReadingViolations(files), []);
    assert.equal(textReadingViolations([at('checks/x.ts', 'const k = /^dm_restrict/.test(line);\n')]).length, 2);
    assert.equal(textReadingViolations([at('checks/sub/x.ts', "const re = new RegExp('x');\n")]).length, 1);
    assert.equal(textReadingViolations([at('checks/x.ts', "if (dm.error?.includes('not supported')) f();\n")]).length, 1);
    assert.equal(textReadingViolations([at('checks/x.ts', "const t = m.text.replace('warning: ', '');\nconst x = c.startsWith('xl-');\n")]).length, 2);
    assert.deepEqual(textReadingViolations([at('checks/x.ts', "// /regex/ in a comment, '.includes(' in a string\nconst ok = has(m.keys, 'vnc');\n")]), []);
    assert.deepEqual(textReadingViolations([at('syntax/x.ts', 'const k = /^x/.test(line);\n')]), [], 'only the checks are held to it');
  });
  test('the domain config is read through model/domain-view.ts (issue 9)', () => {
    assert.deepEqual(domainConfigViolations(files), []);
    assert.equal(domainConfigViolations([at('devicemodel/x.ts', 'export function int(v: unknown): number { return 0; }\n')]).length, 1);
    assert.equal(domainConfigViolations([at('defaults/x.ts', 'export const defbool = (o: Json, k: string) => o[k];\n')]).length, 1);
    assert.equal(domainConfigViolations([at('features/x.ts', 'const t = (a.xl?.config as X).c_info?.type;\n')]).length, 1);
    assert.deepEqual(domainConfigViolations([at('features/x.ts', "function f() { const list = g(); }\nconst b = child(config, 'b_info');\n")]), []);
    assert.deepEqual(domainConfigViolations([at('model/x.ts', 'st.c.type = st.type; const t = d.c_info;\n')]), [], 'the model builds the config');
  });
  test('a stage that imports a later one is caught', () => {
    assert.equal(violations([at('syntax/x.ts', "import { runChecks } from '../checks';\n")]).length, 1);
    assert.equal(violations([at('checks/x.ts', "import type { Analysis } from '../analyze';\n")]).length, 1);
    assert.equal(violations([at('model/x.ts', "import { a } from '../defaults/build-info';\n")]).length, 1);
    assert.deepEqual(violations([at('checks/x.ts', "import { a } from '../defaults';\nimport { b } from './y';\n")]), []);
  });
  test('the shells import the service through its API (service/index.ts)', () => {
    const shells = shellFiles();
    assert.ok(shells.length > 10, `${shells.length} shell files`);
    assert.deepEqual(shellViolations(shells), []);
    const shell = (rel: string, text: string): SourceFile => ({ path: join(REPO, 'server', 'src', rel), text });
    assert.equal(shellViolations([shell('lsp/x.ts', "import { hover } from '../service/features/hover';\n")]).length, 1);
    assert.deepEqual(shellViolations([shell('lsp/x.ts', "import { hover } from '../service';\nimport { y } from './y';\n")]), []);
  });
  test('the LSP wiring and the browser worker use no Node (they run in a web worker too)', () => {
    const shells = browserShellFiles();
    assert.ok(shells.length >= 5, `${shells.length} files`);
    assert.deepEqual(browserShellViolations(shells), []);
    const lsp = (text: string): SourceFile => ({ path: join(REPO, 'server', 'src', 'lsp', 'x.ts'), text });
    assert.equal(browserShellViolations([lsp("import { createConnection } from 'vscode-languageserver/node';\n")]).length, 1);
    assert.equal(browserShellViolations([lsp("import { tmpdir } from 'node:os';\n")]).length, 1);
    assert.equal(browserShellViolations([lsp("import { ShownFiles } from '../node/shown-files';\n")]).length, 1);
    assert.equal(browserShellViolations([lsp('const v = process.env.X;\n')]).length, 1);
    assert.deepEqual(browserShellViolations([lsp("import { TextDocuments } from 'vscode-languageserver';\n")]), []);
  });
  test('imports from outside, built-ins, npm packages and Node globals are caught', () => {
    assert.equal(violations([at('features/x.ts', "import { COMMANDS } from '../../protocol';\n")]).length, 1);
    assert.equal(violations([at('host/x.ts', "import { readFileSync } from 'node:fs';\n")]).length, 1);
    assert.equal(violations([at('host/x.ts', "import * as path from 'path';\n")]).length, 1);
    assert.equal(violations([at('features/x.ts', "import { TextDocument } from 'vscode-languageserver-textdocument';\n")]).length, 1);
    assert.equal(violations([at('text/x.ts', 'export const n = Buffer.byteLength("x");\n')]).length, 1);
    assert.deepEqual(violations([at('text/x.ts', "// Buffer in a comment, 'process' in a string\nexport const s = 'require';\n")]), []);
  });
});
