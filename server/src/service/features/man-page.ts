// Extracts one key's section from the roff source of an installed xl.cfg(5) (as pod2man writes it)
// and turns it into Markdown for the hover. The page is read at run time on the user's machine;
// xlcfg never ships its text.

/** roff escapes pod2man emits, in the order they must be replaced. */
const ESCAPES: readonly [RegExp, string][] = [
  [/\\\*\(L"|\\\*\(R"|\\\*\(C"/g, '"'],
  [/\\\*\(C`|\\\*\(C'/g, '`'],
  [/\\\*\([A-Za-z]{2}|\\\*[A-Za-z]/g, ''],
  [/\\s[-+]?\d/g, ''],
  [/\\\(bu/g, '•'],
  [/\\\(em/g, '—'],
  [/\\\(en/g, '–'],
  [/\\\(co/g, '©'],
  [/\\\([a-zA-Z*]{2}/g, ''],
  [/\\[&|^%]/g, ''],
  [/\\-/g, '-'],
  [/\\ /g, ' '],
  [/\\e/g, '\\'],
  [/\\\\/g, '\\'],
];

function unescapeRoff(text: string, fonts: 'markdown' | 'plain'): string {
  let out = text;
  if (fonts === 'markdown') {
    out = out.replace(/\\f[BI]([^\\]*?)\\f[RP]/g, (_m, inner: string) => (inner.trim() ? `\`${inner}\`` : inner));
  }
  out = out.replace(/\\f(\(..|\[[^\]]*\]|.)/g, '');
  for (const [re, rep] of ESCAPES) out = out.replace(re, rep);
  return out;
}

/** The quoted first argument of a request line such as `.IP "\fBkey=VALUE\fR" 4`. */
function firstArgument(line: string): string {
  const rest = line.replace(/^\.(?:ie\s+n\s+|el\s+)?\.?[A-Za-z]+\s*/, '').replace(/^\.[A-Za-z]+\s*/, '');
  if (!rest.startsWith('"')) return rest.split(/\s+/)[0] ?? '';
  let arg = '';
  for (let i = 1; i < rest.length; i++) {
    if (rest[i] === '"') {
      if (rest[i + 1] === '"') { arg += '"'; i++; continue; }
      break;
    }
    arg += rest[i];
  }
  return arg;
}

/** The key an item heading documents: the text before `=`, ` ` or `[`. */
function itemKey(heading: string): string {
  const plain = unescapeRoff(heading, 'plain').trim();
  return (plain.match(/^[A-Za-z0-9_]+/) ?? [''])[0];
}

interface Item { start: number; depth: number; heading: string }

function itemsOf(lines: readonly string[]): Item[] {
  const items: Item[] = [];
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\.RS\b/.test(line)) depth++;
    else if (/^\.RE\b/.test(line)) depth = Math.max(0, depth - 1);
    else if (/^\.el\s+\.IP\b/.test(line)) continue; // troff variant of the `.ie n` line before it
    else if (/^\.(?:ie\s+n\s+\.)?IP\b/.test(line)) items.push({ start: i, depth, heading: firstArgument(line) });
  }
  return items;
}

/** Where the section that starts at `item` ends (exclusive). */
function sectionEnd(lines: readonly string[], item: Item): number {
  let depth = item.depth;
  for (let i = item.start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\.RS\b/.test(line)) { depth++; continue; }
    if (/^\.RE\b/.test(line)) { depth--; if (depth < item.depth) return i; continue; }
    if (/^\.S[HS]\b/.test(line)) return i;
    if (depth === item.depth && (/^\.(?:ie\s+n\s+\.)?IP\b/.test(line) || /^\.(?:PP|LP|P)\b/.test(line))) return i;
  }
  return lines.length;
}

/** Roff lines of one section to Markdown: paragraphs, nested items as bullets, verbatim blocks. */
function toMarkdown(lines: readonly string[]): string {
  const out: string[] = [];
  let para: string[] = [];
  let verbatim: string[] | null = null;
  const flush = () => {
    if (para.length) out.push(para.join(' ').replace(/\s+/g, ' ').trim());
    para = [];
  };
  lines.forEach((line, index) => {
    if (verbatim) {
      if (/^\.Ve\b/.test(line)) { out.push('```\n' + verbatim.join('\n') + '\n```'); verbatim = null; }
      else if (!line.startsWith('.')) verbatim.push(unescapeRoff(line, 'plain'));
      return;
    }
    if (/^\.Vb\b/.test(line)) { flush(); verbatim = []; return; }
    if (/^\.el\b/.test(line) || /^\.IX\b/.test(line) || /^\.\\"/.test(line)) return;
    const ip = /^\.(?:ie\s+n\s+\.)?IP\b/.test(line);
    if (ip) {
      flush();
      const heading = unescapeRoff(firstArgument(line), 'plain').trim();
      if (index === 0) out.push(`**${heading}**`);
      else if (heading && heading !== '•') para.push(`- **${heading}**:`);
      else para.push('-');
      return;
    }
    if (/^\.(?:Sp|sp|PP|LP|P|br)\b/.test(line)) { flush(); return; }
    if (line.startsWith('.') || line.startsWith("'")) return; // other requests carry no text
    para.push(unescapeRoff(line, 'markdown'));
  });
  flush();
  return out.filter((p) => p.length > 0).join('\n\n');
}

/**
 * The section of xl.cfg(5) (roff source, as installed in /usr/share/man/man5) that documents `key`,
 * as Markdown; all items about the key (e.g. `firmware="bios"`, `firmware="uefi"`) are joined.
 * Null when the page has no such item.
 */
export function manPageSection(manText: string, key: string): string | null {
  if (!key) return null;
  const lines = manText.replace(/\r\n?/g, '\n').split('\n');
  const items = itemsOf(lines);
  const matching = items.filter((item) => itemKey(item.heading) === key);
  if (matching.length === 0) return null;
  // A top-level item wins over a sub-item of the same name (vnc= inside a vfb spec).
  const depth = Math.min(...matching.map((item) => item.depth));
  const sections: string[] = [];
  for (const item of matching) {
    if (item.depth !== depth) continue;
    const body = toMarkdown(lines.slice(item.start, sectionEnd(lines, item)));
    if (body) sections.push(body);
  }
  return sections.length ? sections.join('\n\n') : null;
}
