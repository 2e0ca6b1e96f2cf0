// Text that a server command shows in an editor without the VS Code client: written to a file in a
// private folder under the OS temp dir (removed when the server exits), one file per document and
// kind, rewritten on each run, so that the editor can open it (window/showDocument) or the user can.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class ShownFiles {
  private dir: string | undefined;
  private readonly paths = new Map<string, string>();
  private readonly used = new Set<string>();

  /** Writes `text` as `<name><suffix>` (the same path for the same key), and answers its file:// URI. */
  write(key: string, name: string, suffix: string, text: string): string {
    let path = this.paths.get(key);
    if (!path) {
      if (!this.dir) {
        this.dir = mkdtempSync(join(tmpdir(), 'xlcfg-'));
        const dir = this.dir;
        const remove = () => { try { rmSync(dir, { recursive: true, force: true }); } catch { /* gone */ } };
        process.once('exit', remove);
        // An editor may end the server with a signal rather than `exit`: remove the files then too.
        for (const [sig, n] of [['SIGTERM', 15], ['SIGINT', 2], ['SIGHUP', 1]] as const) process.once(sig, () => { remove(); process.exit(128 + n); });
      }
      const safe = name.replace(/[^A-Za-z0-9._-]/g, '_') || 'xl.cfg';
      let file = `${safe}${suffix}`;
      for (let n = 2; this.used.has(file); n++) file = `${safe}-${n}${suffix}`;
      this.used.add(file);
      path = join(this.dir, file);
      this.paths.set(key, path);
    }
    writeFileSync(path, text, { mode: 0o600 });
    return pathToFileURL(path).href;
  }
}
