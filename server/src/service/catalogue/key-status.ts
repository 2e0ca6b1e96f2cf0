// Whether a key exists, is deprecated or was dropped in a given Xen release (from the catalogue's
// since / removedIn / deprecated facts).
import { versionNumber } from '../options';
import type { KeyFacts } from './types';

export type KeyStatus = 'present' | 'absent' | 'deprecated' | 'removed';

export interface KeyStatusInfo {
  readonly status: KeyStatus;
  /** First release whose xl reads the key ('4.1' = 4.1 or earlier). */
  readonly since: string;
  /** Last release whose xl reads the key (only for keys dropped). */
  readonly until?: string;
  /** Release from which the key counts as deprecated. */
  readonly deprecatedSince?: string;
  /** xl reads it but ignores it (or it has no effect). */
  readonly ignored?: boolean;
  readonly replacedBy?: string;
}

export function statusOf(facts: KeyFacts, version: string): KeyStatusInfo {
  const v = versionNumber(version);
  const until = facts.removedIn ? lastBefore(facts.removedIn) : undefined;
  const base = {
    since: facts.since,
    ...(until ? { until } : {}),
    ...(facts.replacedBy ? { replacedBy: facts.replacedBy } : {}),
  };
  if (v < versionNumber(facts.since)) return { status: 'absent', ...base };
  if (facts.removedIn && v >= versionNumber(facts.removedIn)) return { status: 'removed', ...base };
  if (facts.deprecated && v >= versionNumber(facts.deprecated.since)) {
    return {
      status: 'deprecated',
      ...base,
      deprecatedSince: facts.deprecated.since,
      ...(facts.deprecated.ignored ? { ignored: true } : {}),
    };
  }
  return { status: 'present', ...base };
}

function lastBefore(version: string): string {
  const [major, minor] = version.split('.').map((x) => Number.parseInt(x, 10));
  return `${major ?? 4}.${Math.max(0, (minor ?? 1) - 1)}`;
}

/** Human wording for a version range, e.g. '4.1 or earlier' for the oldest xl scanned. */
export function sinceText(since: string): string {
  return since === '4.1' ? '4.1 or earlier' : since;
}
