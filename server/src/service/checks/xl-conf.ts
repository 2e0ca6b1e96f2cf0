// xl.conf (xl's global config): its findings come from the model (model/xl-conf.ts reads the file as
// xl's parse_global_config does); here are their fixes: a misspelt key renamed to the close known
// one, an old key name to its current one.
import type { CheckHandler } from './fix';

declare module './codes' {
  interface FindingData {
    'xl-conf-unknown-key': { readonly key: string; readonly suggestion?: string; readonly since?: string };
    'xl-conf-deprecated': { readonly key: string; readonly replacement: string };
  }
}

export const handler: CheckHandler = {
  kind: 'fixes',
  fixes: {
    'xl-conf-unknown-key': (a, f) => {
      const s = a.effective.get(f.data.key);
      const to = f.data.suggestion;
      return s && to ? [{ title: `Rename to \`${to}\``, edits: [{ start: s.keyStart, end: s.keyEnd, newText: to }], preferred: true }] : [];
    },
    'xl-conf-deprecated': (a, f) => {
      const s = a.effective.get(f.data.key);
      const to = f.data.replacement;
      return s ? [{ title: `Rename to \`${to}\``, edits: [{ start: s.keyStart, end: s.keyEnd, newText: to }], preferred: true }] : [];
    },
  },
};
