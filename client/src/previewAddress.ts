// Addresses of the device-model preview's virtual documents, and back. Pure, no vscode import.
//
// A preview is `xlcfg-dm:/<config file name>.argv?<config uri, percent-encoded>`: the path gives
// the editor tab a readable title, the query carries the config document it shows. The older form
// `xlcfg-dm:/<percent-encoded config uri>.argv` (no query) is read too.
import { PREVIEW_SCHEME } from '../../server/src/protocol';

export const PREVIEW_SUFFIX = '.argv';

export interface PreviewAddress { scheme: string; path: string; query: string }

/** The address of the preview for the config document `configUri` (a URI string). */
export function previewAddressFor(configUri: string): PreviewAddress {
  const withoutQuery = configUri.replace(/[?#].*$/, '');
  const name = decodeSafely(withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1)) || 'config';
  return { scheme: PREVIEW_SCHEME, path: `/${name}${PREVIEW_SUFFIX}`, query: encodeURIComponent(configUri) };
}

/** The config URI a preview address shows, or undefined when it is not a preview address. */
export function configUriOfPreview(address: { scheme: string; path: string; query: string }): string | undefined {
  if (address.scheme !== PREVIEW_SCHEME) return undefined;
  if (address.query) return decodeSafely(address.query) || undefined;
  const p = address.path.replace(/^\//, '');
  if (!p.endsWith(PREVIEW_SUFFIX)) return undefined;
  return decodeSafely(p.slice(0, -PREVIEW_SUFFIX.length)) || undefined;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
