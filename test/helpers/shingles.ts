// Word runs ("shingles") of a text, for spotting wording copied from Xen's documents. The vendored
// fixtures keep only hashes of the runs, never the sentences; the test and the script that writes
// those fixtures share this one normalisation.
import { createHash } from 'node:crypto';

/** Lower-cased words, punctuation and markup stripped. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/[`*_<>"'()[\]{},;:.!?]/g, ' ').split(/\s+/).filter(Boolean);
}

/** Every run of n consecutive words, joined by one space. */
export function shingles(text: string, n: number): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** A run's fingerprint: 48 bits of its SHA-256, as 12 hex digits. */
export function shingleHash(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 12);
}

/** POD markup (B<..>, I<..>, C<..>, L<..>) replaced by its content. */
export function stripPod(pod: string): string {
  return pod.replace(/[BICL]<([^>]*)>/g, '$1');
}
