// Mirrors tools/xl/xl_parse.c (Xen 4.17) string helpers: split_string_into_string_list (strtok_r),
// split_string_into_pair, trim(isspace), and strtok-style splitting.
import { isCSpace } from './strtol';

/** strtok over any of `delims`: the non-empty pieces. */
export function strtokAll(s: string, delims: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (delims.includes(ch)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** split_string_into_string_list. */
export function splitStringList(s: string, delims: string): string[] {
  return strtokAll(s, delims);
}

/** split_string_into_pair: first two strtok pieces; null when there are fewer. */
export function splitPair(s: string, delims: string): [string, string] | null {
  const parts = strtokAll(s, delims);
  if (parts.length < 2) return null;
  return [parts[0]!, parts[1]!];
}

/**
 * split_string_into_pair from Xen 4.18 on: cut at the first `delim`; null when there is none or
 * nothing follows it (the caller trims both parts, as xl's isspace predicate does).
 */
export function splitPairAtFirst(s: string, delim: string): [string, string] | null {
  const at = s.indexOf(delim);
  if (at < 0 || at === s.length - 1) return null;
  return [s.slice(0, at), s.slice(at + 1)];
}

/** trim(isspace, ...). */
export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isCSpace(s[a])) a++;
  while (b > a && isCSpace(s[b - 1])) b--;
  return s.slice(a, b);
}
