// The finding codes the service's source can emit, found with the TypeScript checker: every string
// literal in a code position of server/src/service/, that is
//   - the value of a property named `code` (`{ code: 'x' }`), or of a variable or parameter named
//     `code` (`const code = c ? 'x' : 'y'`, `code = 'x'` as a default);
//   - an argument passed to a parameter named `code` (`issueAt(piece, 'error', text, 'x')`);
//   - compared with a `.code` (`f.code === 'x'`) or a `case` of a `switch (f.code)`;
//   - any of these through a constant (`code: QEMU_REFUSES_OPTION`).
// Conditional and `||`/`??` expressions are followed into their branches.
import ts from 'typescript';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CodeUse { code: string; file: string; line: number }

function serviceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) serviceFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

export function scanFindingCodes(serviceDir: string): CodeUse[] {
  const files = serviceFiles(serviceDir);
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const out: CodeUse[] = [];

  const literals = (e: ts.Expression | undefined, sf: ts.SourceFile, seen = new Set<ts.Node>()): void => {
    if (!e || seen.has(e)) return;
    seen.add(e);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
      out.push({ code: e.text, file: sf.fileName, line: sf.getLineAndCharacterOfPosition(e.getStart(sf)).line + 1 });
    } else if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) {
      literals(e.expression, sf, seen);
    } else if (ts.isConditionalExpression(e)) {
      literals(e.whenTrue, sf, seen);
      literals(e.whenFalse, sf, seen);
    } else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
      literals(e.left, sf, seen);
      literals(e.right, sf, seen);
    } else if (ts.isIdentifier(e)) {
      // a constant: follow it to its initializer
      const sym = checker.getSymbolAtLocation(e);
      const target = sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      for (const d of target?.declarations ?? []) {
        if (ts.isVariableDeclaration(d) && d.initializer && ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const) literals(d.initializer, d.getSourceFile(), seen);
      }
    }
  };
  const isCodeName = (n: ts.Node | undefined): boolean => !!n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) && n.text === 'code';
  const isCodeAccess = (e: ts.Expression): boolean => ts.isPropertyAccessExpression(e) && e.name.text === 'code';

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAssignment(n) && isCodeName(n.name)) literals(n.initializer, sf);
      else if (ts.isShorthandPropertyAssignment(n) && n.name.text === 'code') literals(n.name, sf);
      else if ((ts.isVariableDeclaration(n) || ts.isParameter(n)) && isCodeName(n.name)) literals(n.initializer, sf);
      else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.operatorToken.kind)) {
        if (isCodeAccess(n.left)) literals(n.right, sf);
        if (isCodeAccess(n.right)) literals(n.left, sf);
      } else if (ts.isSwitchStatement(n) && isCodeAccess(n.expression)) {
        for (const c of n.caseBlock.clauses) if (ts.isCaseClause(c)) literals(c.expression, sf);
      } else if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        const sig = checker.getResolvedSignature(n);
        const params = sig?.getParameters() ?? [];
        (n.arguments ?? []).forEach((arg, i) => {
          const p = params[Math.min(i, params.length - 1)];
          if (p && p.name === 'code') literals(arg, sf);
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
