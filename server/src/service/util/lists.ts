// Membership in a list of keys or codes. The checks use it instead of `.includes(`, which the
// architecture test bans there: on a string it would read another stage's message text.

export function has<T>(list: readonly T[], x: T): boolean {
  return list.includes(x);
}
