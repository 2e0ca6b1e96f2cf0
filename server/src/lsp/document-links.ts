// textDocument/documentLink: the service's paths as LSP links. Whether a file exists is asked only
// when the caller passes `exists` (the server does so on the `local` host in a trusted workspace);
// a missing file keeps its link, with a tooltip that says it is not there.
import { documentLinks, type Analysis } from '../service';

export interface DocumentLinkLsp {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  target: string;
  tooltip: string;
}

/** The URI of `path` next to the document: the same scheme and authority (a remote stays remote); file: otherwise. */
export function linkTarget(documentUri: string, path: string): string {
  const encoded = path.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(documentUri);
  if (!m || m[1]!.toLowerCase() === 'untitled') return `file://${encoded}`;
  return `${m[1]}://${m[2]}${encoded}`;
}

export function documentLinksOf(a: Analysis, uri: string, exists?: (path: string) => boolean): DocumentLinkLsp[] {
  return documentLinks(a).map((l) => {
    const found = exists?.(l.path);
    return {
      range: { start: a.lines.positionAt(l.start), end: a.lines.positionAt(l.end) },
      target: linkTarget(uri, l.path),
      tooltip: found === false ? `${l.path}: not found on this host` : found ? `Open ${l.path} (found on this host)` : `Open ${l.path}`,
    };
  });
}
