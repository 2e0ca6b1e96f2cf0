// Hover: what the key or value under the cursor means, for this guest and the target Xen.
import type { Analysis } from '../analyze';
import { locate } from './locate';
import { hoverContext } from './hover-context';
import { keyHover, valueHover } from './hover-content';
import { manPageSection } from './man-page';
import { specHover } from './spec-hover';
import { xlConfHover } from './xl-conf';

export interface HoverOut { markdown: string; start: number; end: number }

export function hover(a: Analysis, offset: number, opts: { manPage?: () => string | null } = {}): HoverOut | null {
  if (a.isXlConf) return xlConfHover(a, offset);
  const at = locate(a, offset);
  if (at.kind === 'none') return null;
  const ctx = hoverContext(a);
  if (at.kind === 'key') {
    const man = opts.manPage?.();
    const section = man ? manPageSection(man, at.name) ?? undefined : undefined;
    const md = keyHover(at.name, { ...ctx, manSection: section });
    return md ? { markdown: md, start: at.start, end: at.end } : null;
  }
  const inSpec = specHover(a, at, offset, ctx.guestType);
  if (inSpec) return inSpec;
  const md = valueHover(at.key, at.value, ctx);
  return md ? { markdown: md, start: at.start, end: at.end } : null;
}
