// Mocha entry point that VS Code's extension host loads (--extensionTestsPath). The same file serves
// desktop VS Code (@vscode/test-electron) and code-server's Node extension host. Besides mocha's
// console output it writes one line per test and a closing 'N passed, N failed' to $EXT_TEST_REPORT,
// because the console of a remote extension host does not reach the runner by itself.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.XLCFG_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  const lines: string[] = [];
  const report = process.env.EXT_TEST_REPORT;
  // Written after every test, so a run cut short by the runner's time limit still reports.
  const save = (closing?: string) => {
    if (report) fs.writeFileSync(report, [...lines, ...(closing ? [closing] : [])].join('\n') + '\n');
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      save(`${stats?.passes ?? 0} passed, ${stats?.failures ?? failures} failed` +
        (stats?.pending ? `, ${stats.pending} skipped` : ''));
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      lines.push(`ok   - ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      save();
    });
    runner.on('fail', (t, err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      lines.push(`FAIL - ${t.fullTitle()}: ${message.split('\n').join(' | ')}`);
      save();
    });
  });
}
