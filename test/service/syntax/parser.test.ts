// The parser on the vectors of shared/reference/grammar.md and the quirks found against the oracle;
// expectations are what Debian's libxlutil 4.17 prints (no oracle needed to run these).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/service/syntax/parser';
import { oracleParseReport } from '../../../server/src/service/syntax/oracle-view';
import { statementPath, listItemPath } from '../../../server/src/service/syntax/statement-path';
import { buildTables } from '../../../server/src/service/syntax/lalr';
import { T } from '../../../server/src/service/syntax/grammar';

const run = (text: string, opts = {}) => oracleParseReport(parse(Buffer.from(text, 'latin1'), opts), 'x.cfg');
const err = (line: number, near: string, msg: string) => `x.cfg:${line}: config parsing error near ${near}: ${msg}`;
const PY = ['warning: Config file looks like it contains Python code.', 'warning:  Arbitrary Python is no longer supported.', 'warning:  See https://wiki.xen.org/wiki/PythonInXlConfig'];
const names = (t: string) => run(t).settings.map((s) => `${s.name}${s.op}${s.value.type === 'string' ? s.value.value : JSON.stringify(s.value.items.map((i) => (i.type === 'string' ? i.value : '[..]')))}`);

describe('parser: what libxlutil accepts and stores', () => {
  test('atoms, lists, nesting, trailing comma', () => assert.deepEqual(names('a=1\nb="x"\nc=[1,"2",[3,[]],]\n'), ['a=1', 'b=x', 'c=["1","2","[..]"]']));
  test('numbers stay text', () => assert.deepEqual(names('a=010\nb=0x1f\n'), ['a=010', 'b=0x1f']));
  test('separators, comments, no final newline', () => {
    assert.deepEqual(names('a=1;b=2;;c=3\n'), ['a=1', 'b=2', 'c=3']);
    assert.deepEqual(names('a=[\n 1, # c\n\n 2,\n]\n'), ['a=["1","2"]']);
    assert.deepEqual(names('a=1'), ['a=1']);
    assert.deepEqual(names('a=1#c\nb=2\n'), ['a=1', 'b=2']);
  });
  test('+= joins strings and lists, and empties the earlier list', () => {
    assert.deepEqual(names('a="x"\na+="y"\n'), ['a=x', 'a+=xy']);
    assert.deepEqual(names('c=[1]\nc+=[2,3]\n'), ['c=[]', 'c+=["1","2","3"]']);
    assert.deepEqual(names('b+="z"\n'), ['b+=z']);
  });
  test('escapes, including the digit-escape quirk', () => {
    assert.deepEqual(run('a="t\\tb\\n\\\\\\"\\\'z"\n').settings[0]!.value, { type: 'string', line: 1, value: 't\tb\n\\"\'z' });
    assert.equal((run('a="A\\101B"\n').settings[0]!.value as any).value, 'AB');
    assert.equal((run('a="A\\012345B"\n').settings[0]!.value as any).value, 'A45B');
    assert.equal((run('a="x\\1 22"\n').settings[0]!.value as any).value, 'x');
  });
  test('lines: a list takes its first item\'s line; a nested list its `[`', () => {
    assert.deepEqual(run('a=[\n1]\n').settings[0], { name: 'a', op: '=', line: 1, value: { type: 'list', line: 2, items: [{ type: 'string', line: 2, value: '1' }] } });
    assert.equal(run('a=[\n]\n').settings[0]!.value.line, 2);
    assert.equal(run('a=[[\n0]]\n').settings[0]!.value.line, 1);
  });
  test('a lone illegal byte at the end of the file is not reported', () => {
    assert.deepEqual(run('a=1\n#'), { ...run('a=1\n#'), accepted: true, messages: [] });
    assert.equal(run('a=1\n+').accepted, true);
  });
  test('4,996 nested lists are accepted, 4,997 exhaust Bison\'s stack', () => {
    assert.equal(run('a=' + '['.repeat(4996) + ']'.repeat(4996) + '\n').accepted, true);
    assert.deepEqual(run('a=' + '['.repeat(4997) + ']'.repeat(4997) + '\n').messages, [err(1, '`]\'', 'memory exhausted')]);
    assert.deepEqual(run('a=' + '['.repeat(100000) + ']'.repeat(100000) + '\n').messages, [err(1, '`[\'', 'memory exhausted')]);
  });
  test('a million items in one list', () => {
    const r = parse(Buffer.from('a=[' + '1,'.repeat(1_000_000) + ']\n'));
    assert.equal(r.accepted, true);
    assert.equal((r.settings[0]!.value as any).items.length, 1_000_000);
  });
});

describe('parser: xl\'s messages', () => {
  const cases: [string, string[]][] = [
    ['c=0x1F\n', [err(1, '`F\'', 'lexical error')]],
    ['a=-1\n', [err(1, '`-1\'', 'lexical error'), ...PY]],
    ['Name="x"\n', [err(1, '`Name="x"\'', 'lexical error')]],
    ['a=1\n# comment at eof no newline', [err(2, '`#\'', 'lexical error')]],
    ['a=1\r\n', [err(1, '`\r\'', 'lexical error')]],
    ['a="x"\na+=[1]\n', [err(2, '`]\'', 'can\'t add [list] to "string" or vice versa')]],
    ['a=[1]\na+="x"\n', [err(2, '`"x"\'', 'can\'t add [list] to "string" or vice versa')]],
    ['a=\n', [err(0, '<newline>', "syntax error, unexpected NEWLINE, expecting STRING or NUMBER or '['")]],
    ['a b\n', [err(1, '`b\'', "syntax error, unexpected IDENT, expecting += or '='")]],
    ['=1\n', [err(1, '`=\'', "syntax error, unexpected '=', expecting $end or IDENT or NEWLINE or ';'")]],
    ['a=[1 2]\n', [err(1, '`2\'', "syntax error, unexpected NUMBER, expecting ']'")]],
    ['a=1 2\n', [err(1, '`2\'', 'syntax error, unexpected NUMBER, expecting $end')]],
    ['a=[1', [err(1, '`\'', "syntax error, unexpected $end, expecting ']'")]],
    ['a=[1\n+', [err(1, '`+\'', "syntax error, unexpected $end, expecting ']'"), ...PY]],
    ['a="abc\n', [err(1, '`"abc\'', 'lexical error')]],
    ['a="A\\x41B"\n', [err(1, '`"A\\x41B"\'', 'invalid digit after backslash hexnumerical character escape in quoted string')]],
    ['a="A\\0B"\n', [err(1, '`"A\\0B"\'', 'invalid digit after backslash octalnumerical character escape in quoted string')]],
    ['a="A\\qB"\n', [err(1, '`"A\\qB"\'', 'invalid character after backlash in quoted string')]],
    ['a=1\nb c\nd=2\ne f\ng=3\n', [err(2, '`c\'', "syntax error, unexpected IDENT, expecting += or '='"), err(4, '`f\'', "syntax error, unexpected IDENT, expecting += or '='")]],
    ['a=1+\nb c\nd e\n', [err(1, '`+\'', 'lexical error'), ...PY]],
    ['\xef\xbb\xbfname = "bom"\n', [err(1, '`\xef\xbb\xbfname\'', 'lexical error').replace('\xef\xbb\xbf', '\ufeff')]],
  ];
  for (const [input, messages] of cases) test(JSON.stringify(input), () => assert.deepEqual(run(input).messages, messages));
  test('an assignment is stored once reduced, even if an error follows on its line', () => {
    assert.deepEqual(names('a=1 -x\nb=2\n'), ['a=1']);
  });
  test('before Xen 4.13 `+=` is an illegal byte', () => {
    assert.deepEqual(oracleParseReport(parse(Buffer.from('a+="x"\n'), { addAssign: false }), 'x.cfg').messages, [err(1, '`+="x"\'', 'lexical error'), ...PY]);
  });
});

describe('the statement and list item paths (syntax/statement-path.ts)', () => {
  test('the tables have their shape, so parse takes them', () => {
    const path = statementPath(buildTables());
    assert.ok(path, 'no statement path in the tables: every statement would go through them');
    assert.equal(new Set(Object.values(path)).size, 5, 'five distinct states');
    const item = listItemPath(buildTables());
    assert.ok(item, 'no list item path in the tables: every list item would go through them');
    assert.equal(new Set(Object.values(item)).size, 5, 'five distinct states');
  });
  test('tables without that shape give none (the parser then uses the tables alone)', () => {
    const t = buildTables();
    const path = statementPath(t)!;
    // The state after IDENT no longer shifts `=`: the walk would leave the tables' steps.
    const action = t.action.slice();
    action[path.ident * (action.length / t.stateCount) + T.Assign] = 0;
    assert.equal(statementPath({ ...t, action }), undefined);
    // After `= STRING` a lookahead would be needed before the reduction.
    const needsNoLookahead = t.needsNoLookahead.slice();
    needsNoLookahead[t.action[path.set * (action.length / t.stateCount) + T.String]! - 1] = 0;
    assert.equal(statementPath({ ...t, needsNoLookahead }), undefined);
    // A list item followed by `,` no longer joins the list before the next item.
    const item = listItemPath(t)!;
    const noJoin = t.action.slice();
    noJoin[item.itemNl * (noJoin.length / t.stateCount) + T.Comma] = 0;
    assert.equal(listItemPath({ ...t, action: noJoin, defaultReduction: t.defaultReduction.map((r, s) => (s === item.itemNl ? -1 : r)) }), undefined);
  });
});
