// The guest configs in the workspace folders (for the findings across configs): files named as
// `xlcfg check DIR` takes them (*.cfg, *.xl, *.xlcfg, xlexample.*; not xl.conf), below each folder,
// skipping hidden folders and node_modules, at most MAX_FILES, listed again at most every few
// seconds. The listing runs on the way to a document's diagnostics, so it also stops after
// MAX_ENTRIES directory entries: a large workspace (a monorepo) costs a bounded walk, not a full
// one every few seconds while the user types. Read only in a trusted workspace (the server decides).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceConfig } from '../lsp/across-configs';

const MAX_FILES = 2000;
const MAX_DEPTH = 6;
const MAX_ENTRIES = 20000;
const RELIST_MS = 5000;
const CONFIG_NAME = /\.(cfg|xl|xlcfg)$/;

let listed: { key: string; at: number; configs: WorkspaceConfig[] } | undefined;

export function workspaceConfigs(folders: readonly string[]): WorkspaceConfig[] {
  const key = folders.join('\n');
  const now = Date.now();
  if (listed && listed.key === key && now - listed.at < RELIST_MS) return listed.configs;
  const configs: WorkspaceConfig[] = [];
  let entries = 0;
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch { return; }
    for (const name of names) {
      if (configs.length >= MAX_FILES || ++entries > MAX_ENTRIES) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      let st;
      try { st = statSync(path); } catch { continue; }
      if (st.isDirectory()) { if (depth < MAX_DEPTH) walk(path, depth + 1); continue; }
      if (!st.isFile() || name === 'xl.conf' || !(CONFIG_NAME.test(name) || name.startsWith('xlexample.')) || st.size > 1 << 20) continue;
      configs.push({ uri: pathToFileURL(path).href, stamp: `${st.mtimeMs}:${st.size}`, read: () => readFileSync(path) });
    }
  };
  for (const f of folders) {
    if (!f.startsWith('file:')) continue;
    try { walk(fileURLToPath(f), 0); } catch { /* not a local folder */ }
  }
  listed = { key, at: now, configs };
  return configs;
}
