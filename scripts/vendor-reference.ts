// Rewrites the vendored reference fixtures under test/fixtures/reference/ (see its README):
//   npx tsx scripts/vendor-reference.ts KEYS_JSON XEN_GIT_DIR
// KEYS_JSON is the team's keys.json (shared/reference/keys.json); XEN_GIT_DIR a git directory of
// Xen's sources with the RELEASE-* tags (the search tool's fetch of xen-project/xen). Facts are kept
// as they are; prose is kept only as hashed 6-word runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { shingles, shingleHash, stripPod } from '../test/helpers/shingles';

export const MAN_PAGE_TAGS = ['RELEASE-4.17.7', 'RELEASE-4.20.4', 'RELEASE-4.22.0'];
const PROSE = new Set(['summary', 'notes', 'status', 'note', 'shape', 'terms', 'doc']);
const OUT = resolve(__dirname, '..', 'test', 'fixtures', 'reference');

const [keysPath, xenGit] = process.argv.slice(2);
if (!keysPath || !xenGit) {
  console.error('usage: npx tsx scripts/vendor-reference.ts KEYS_JSON XEN_GIT_DIR');
  process.exit(2);
}

/** The same value without its prose fields (recursively); the prose goes to `prose`. */
function facts(v: unknown, prose: string[]): unknown {
  if (Array.isArray(v)) return v.map((x) => facts(x, prose));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (PROSE.has(k)) { collect(x, prose); continue; }
      out[k] = facts(x, prose);
    }
    return out;
  }
  return v;
}
function collect(v: unknown, prose: string[]): void {
  if (typeof v === 'string') prose.push(v);
  else if (Array.isArray(v)) v.forEach((x) => collect(x, prose));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => collect(x, prose));
}

const keys = JSON.parse(readFileSync(keysPath, 'utf8'));
const keyProse: Record<string, string[]> = {};
const pick = (list: any[]) => list.map((k) => {
  const prose: string[] = [];
  const f = facts(k, prose) as Record<string, unknown>;
  keyProse[k.name] = [...new Set(prose.flatMap((p) => shingles(p, 6)).map(shingleHash))].sort();
  return f;
});
const out = {
  source: 'keys.json of the xlcfg team (facts gathered from Xen 4.17.7 and 4.22.0 sources); prose fields removed',
  keys: pick(keys.keys),
  removed_before_4_17: pick(keys.removed_before_4_17),
  specs: facts(keys.specs, []),
};
writeFileSync(join(OUT, 'keys-facts.json'), JSON.stringify(out, null, 1) + '\n');
writeFileSync(join(OUT, 'keys-prose-shingles.json'), JSON.stringify({ n: 6, hash: 'sha256/48', keys: keyProse }) + '\n');

const man: Record<string, string[]> = {};
for (const tag of MAN_PAGE_TAGS) {
  const pod = execFileSync('git', ['-C', xenGit, 'show', `${tag}:docs/man/xl.cfg.5.pod.in`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  man[tag] = [...new Set(shingles(stripPod(pod), 6).map(shingleHash))].sort();
}
writeFileSync(join(OUT, 'man-page-shingles.json'), JSON.stringify({ n: 6, hash: 'sha256/48', file: 'docs/man/xl.cfg.5.pod.in', releases: man }) + '\n');
console.log(`keys: ${out.keys.length} + ${out.removed_before_4_17.length}; man pages: ${MAN_PAGE_TAGS.map((t) => `${t} ${man[t].length}`).join(', ')}`);
