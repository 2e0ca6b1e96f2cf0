// Document links for the local files a guest config names: `kernel`, `ramdisk`, `bootloader` and
// the target of each `disk` entry. Pure: the ranges and the absolute paths; whether a file exists is
// for the shell to say (it may look only on the `local` host, in a trusted workspace).
//
// Which paths get a link:
// - `kernel`, `ramdisk` and disk targets only when absolute. xl hands a relative path to libxl as
//   written, and libxl opens it from the folder `xl create` runs in, which the config does not
//   name (not necessarily the config's folder), so a relative path gets no link.
// - `bootloader`: an absolute path as written; a bare name (`pygrub`) is looked up by libxl in its
//   private bin folder (libxl__abs_path(..., libxl__private_bindir_path()) in libxl_bootloader.c),
//   e.g. /usr/lib/xen-4.17/bin/pygrub with Debian's paths.
// - A disk target under /dev/ (a block device) gets none: it is no file to open in an editor. A
//   target handed to a `script=` (iscsi, drbd, ...) gets none either: the script reads it.
import type { Analysis } from '../analyze';
import { NodeKind } from '../syntax/parsed-config';
import { parseDiskSpec } from '../model/specs';
import { issueSpan } from '../model/xl-parse-spec-glue';
import { xenPaths, absPath } from '../host/paths';
import { statements, childrenOf, atomText } from './statements';

export interface DocumentLinkOut {
  /** Byte span of the path in the source (inside the quotes). */
  readonly start: number;
  readonly end: number;
  /** The key the path belongs to: kernel, ramdisk, bootloader or disk. */
  readonly key: string;
  /** The absolute path xl / libxl would open. */
  readonly path: string;
}

const SINGLE_PATH_KEYS = new Set(['kernel', 'ramdisk', 'bootloader']);

/** libxl's private bin folder (LIBEXEC_BIN), where qemu-dm and pygrub live. */
function privateBinDir(a: Analysis): string {
  const trad = xenPaths(a.options.paths, a.options.xenVersion).qemuTraditional;
  return trad.slice(0, trad.lastIndexOf('/'));
}

export function documentLinks(a: Analysis): DocumentLinkOut[] {
  if (!a.semantic) return [];
  const p = a.parsed;
  const out: DocumentLinkOut[] = [];
  for (const s of statements(a)) {
    if (SINGLE_PATH_KEYS.has(s.name)) {
      if (p.nodeKind.get(s.node) !== NodeKind.String) continue;
      const text = atomText(p, s.node);
      const path = s.name === 'bootloader' && text !== '' && !text.includes('/') ? absPath(privateBinDir(a), text) : text;
      if (!path.startsWith('/')) continue;
      const span = innerSpan(s.valueStart, s.valueEnd, text, 0, text.length);
      out.push({ ...span, key: s.name, path });
    } else if (s.name === 'disk') {
      childrenOf(p, s.node).forEach((item, index) => {
        if (p.nodeKind.get(item) !== NodeKind.String) return;
        const spec = atomText(p, item);
        const res = parseDiskSpec(spec, { guestType: 'hvm', index, options: a.options });
        const d = res.device;
        const target = typeof d?.pdev_path === 'string' ? d.pdev_path : '';
        if (!target.startsWith('/') || target.startsWith('/dev/') || d?.script !== undefined) return;
        // `target=` takes the rest of the spec; a positional target is the first field.
        const at = spec.endsWith(target) ? spec.length - target.length : spec.indexOf(target);
        if (at < 0) return;
        out.push({ ...innerSpan(p.nodeStart.get(item), p.nodeEnd.get(item), spec, at, at + target.length), key: 'disk', path: target });
      });
    }
  }
  return out;
}

/** The bytes of [from, to) of a quoted token's decoded text; the whole token when it is not verbatim. */
function innerSpan(start: number, end: number, value: string, from: number, to: number): { start: number; end: number } {
  const span = issueSpan({ type: 'string', line: 0, value, start, end }, from, to);
  return span.start === start && span.end === end && end - start >= 2 ? { start: start + 1, end: end - 1 } : span;
}
