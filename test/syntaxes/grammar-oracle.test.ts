// Cross-checks the TextMate grammar with libxlutil itself: for each one-line config below, the
// grammar marks something invalid.illegal exactly when the real parser (xlu-parse) rejects the line.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { CORPUS_DIR, GOLDEN_DIR, corpus, requireOracle, tempConfig, xluParse } from '../helpers/oracle';

const ROOT = resolve(__dirname, '..', '..');

const LINES = [
  'name = "guest"', "name = 'guest'", 'memory = 2048', 'vcpus = 0x1f', 'maxvcpus = 010', 'x = 08',
  'x = 12abc', 'a.b_c9 = 1', 'extra += " debug"', 'a=1;b=2;;c=3', 'a=1;', ';a=1', 'a=1 # c', 'a=1#c',
  'disk = [ "phy:/dev/vg/a,xvda,w", ]', 'vnuma = [ [ "pnode=0", 1 ], [] ]', 'a = []',
  'a = "t\\tab\\n\\a\\b\\f\\r\\v\\\\\\"\\\'z"', 'a = "A\\101B"', 'a = "A\\012345B"', 'a = "A\\7999Z"',
  'a = "é ✓"', "a = 'say \"hi\" #x'",
  'Name = "x"', '_a = 1', 'on-crash = "x"', 'é = 1', 'type = hvm', 'pae = True', 'vcpus = -1',
  'memory = 1.5', 'mask = 0x1F', 'size = 12g', 'pci = ("01:00.0",)', 'serial = "pty", "vc"',
  'a = 1:2', 'a==1', 'orphan', '[1]', 'a = "no end', 'a = "A\\x41B"', 'a = "\\1"', 'a = "\\12"',
  'a = "\\0B"', 'a = "\\8"', 'a = "\\q"', 'a = "\\u0041"', 'a = "A\\19x"', 'a = \'x\\\'',
];

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => scope === 'source.xl-cfg'
      ? textmate.parseRawGrammar(readFileSync(join(ROOT, 'syntaxes/xl-cfg.tmLanguage.json'), 'utf8'), 'xl-cfg.tmLanguage.json')
      : null,
  });
  const g = await registry.loadGrammar('source.xl-cfg');
  if (!g) throw new Error('grammar did not load');
  return g;
}

function flagsInvalid(grammar: textmate.IGrammar, line: string): boolean {
  const r = grammar.tokenizeLine(line, textmate.INITIAL);
  return r.tokens.some((t) => t.scopes.some((s) => s.startsWith('invalid.illegal')));
}

describe('TextMate grammar agrees with libxlutil on one-line configs', () => {
  if (!requireOracle('grammar vs libxlutil')) return;
  let grammar: textmate.IGrammar;
  test('load grammar', async () => { grammar = await loadGrammar(); });
  for (const line of LINES) {
    test(line, () => {
      const parsed = xluParse(tempConfig('g.cfg', line + '\n'));
      assert.equal(flagsInvalid(grammar, line), !parsed.accepted,
        `grammar ${flagsInvalid(grammar, line) ? 'flags' : 'accepts'} it, xl ${parsed.accepted ? 'accepts' : 'rejects'}: ${parsed.messages.join(' | ')}`);
    });
  }
});

/** Tokenizes a whole file line by line (as VS Code does: lines without their LF) and lists the invalid tokens. */
function invalidTokens(grammar: textmate.IGrammar, text: string): string[] {
  const out: string[] = [];
  let stack = textmate.INITIAL;
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      if (t.scopes.some((s) => s.startsWith('invalid.illegal'))) out.push(`${i + 1}: ${line.slice(t.startIndex, t.endIndex)}`);
    }
    stack = r.ruleStack;
  });
  return out;
}

describe('TextMate grammar on whole files: the oracle corpus and the examples', () => {
  let grammar: textmate.IGrammar;
  test('load grammar', async () => { grammar = await loadGrammar(); });
  const fixtures = join(ROOT, 'test/fixtures/oracle');
  const entries = corpus([
    { corpus: CORPUS_DIR, golden: GOLDEN_DIR },
    { corpus: join(fixtures, 'corpus'), golden: join(fixtures, 'golden') },
  ]).filter((c) => c.parse);
  test('every config libxlutil accepts is highlighted without an invalid token', () => {
    const accepted = entries.filter((c) => c.parse.accepted);
    assert.ok(accepted.length > 30);
    for (const c of accepted) assert.deepEqual(invalidTokens(grammar, readFileSync(c.file, 'latin1')), [], c.name);
  });
  test('every config the grammar flags is one libxlutil rejects', () => {
    for (const c of entries) {
      const flagged = invalidTokens(grammar, readFileSync(c.file, 'latin1'));
      if (flagged.length) assert.equal(c.parse.accepted, false, `${c.name}: ${flagged.join(' | ')}`);
    }
  });
  test('the bundled examples are highlighted without an invalid token', () => {
    const dir = join(ROOT, 'examples');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.cfg'))) {
      assert.deepEqual(invalidTokens(grammar, readFileSync(join(dir, f), 'utf8')), [], f);
    }
  });
});
