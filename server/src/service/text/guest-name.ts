// A guest name for a config that has none: the file's name without its directory and extension.

export function guestNameFromFile(sourceName: string): string {
  const base = sourceName.replace(/^.*[\\/]/, '').replace(/\.(cfg|conf|hvm|pv|xl)$/i, '');
  const clean = base.replace(/[^A-Za-z0-9_.-]/g, '-');
  return clean && clean !== 'xl' ? clean : 'guest';
}
