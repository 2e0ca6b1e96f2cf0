// The effective config for the LSP faces (the VS Code client's request, the server command of other
// editors): reads the overrides argument and answers the view's text.
import { effectiveConfig, splitOverrideWords, type Analysis } from '../service';

/** `overrides`: the words after CFG (string[]), or the typed text (string), or nothing. */
export function overrideWords(overrides: unknown): { words: string[] } | { error: string } {
  if (overrides === undefined || overrides === null) return { words: [] };
  if (typeof overrides === 'string') return splitOverrideWords(overrides);
  if (Array.isArray(overrides) && overrides.every((w) => typeof w === 'string')) return { words: overrides as string[] };
  return { error: 'the overrides are a string (as typed after `xl create CFG`) or a list of key=value words' };
}

/** The view's text (a comment saying what is wrong when the overrides cannot be read). */
export function effectiveConfigText(a: Analysis, overrides: unknown): string {
  const w = overrideWords(overrides);
  if ('error' in w) return `# xlcfg cannot read the overrides: ${w.error}.\n`;
  try {
    return effectiveConfig(a, w.words).text;
  } catch (e) {
    return `# xlcfg could not build the effective config: ${String(e)}\n`;
  }
}
