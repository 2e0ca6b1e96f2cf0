// Rewrites test/fixtures/reference/idl-domain-fields.json: the names and IDL types of the fields of
// the structs model/domain-view.ts declares (libxl_domain_create_info, libxl_domain_build_info with
// its `u` union members and arch structs, the display infos and the devices the device model reads),
// per release, from tools/libs/light/libxl_types.idl. Facts only (no comments, no prose).
//   npx tsx scripts/vendor-idl-fields.ts XEN_GIT_DIR
// XEN_GIT_DIR: a git directory of Xen's sources with the RELEASE-* tags.
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const IDL_TAGS = ['RELEASE-4.17.7', 'RELEASE-4.20.4', 'RELEASE-4.22.0'];
/** The IDL names of the structs (libxl_<name>). */
export const STRUCTS = [
  'domain_create_info', 'domain_build_info', 'vnc_info', 'sdl_info', 'spice_info', 'vga_interface_info',
  'device_disk', 'device_nic', 'device_vfb', 'device_pci',
];
const OUT = resolve(__dirname, '..', 'test', 'fixtures', 'reference', 'idl-domain-fields.json');

/** field path (`u.hvm.vnc`) -> IDL type (`libxl_vnc_info`, `Array(libxl_bitmap)`), for one Struct. */
export function structFields(idl: string, name: string): Record<string, string> {
  const text = idl.replace(/#.*$/gm, '');
  const start = text.indexOf(`Struct("${name}",`);
  if (start < 0) throw new Error(`no Struct("${name}")`);
  const open = text.indexOf('[', start);
  const out: Record<string, string> = {};
  const path: string[] = [];
  const token = /\("(\w+)",\s*(?:(Struct\(None,\s*\[)|(KeyedUnion\([^[]*\[)|Array\((\w+)|(\w+))|(\[)|(\])/g;
  token.lastIndex = open + 1;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const [, field, struct, union, arrayOf, type, lb, rb] = m;
    if (rb) { if (path.length === 0) return out; path.pop(); continue; }
    if (lb) { path.push(''); continue; }
    if (struct || union) { path.push(field!); continue; }
    if (type === 'None') continue;
    out[[...path, field].join('.')] = arrayOf ? `Array(${arrayOf})` : type!;
  }
  throw new Error(`Struct("${name}") does not end`);
}

if (require.main === module) {
  const [xenGit] = process.argv.slice(2);
  if (!xenGit) { console.error('usage: npx tsx scripts/vendor-idl-fields.ts XEN_GIT_DIR'); process.exit(2); }
  const releases: Record<string, Record<string, Record<string, string>>> = {};
  for (const tag of IDL_TAGS) {
    const idl = execFileSync('git', ['-C', xenGit, 'show', `${tag}:tools/libs/light/libxl_types.idl`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    releases[tag] = Object.fromEntries(STRUCTS.map((name) => [name, structFields(idl, name)]));
  }
  const doc = { source: 'xen.git tools/libs/light/libxl_types.idl at each tag; field names and types only (scripts/vendor-idl-fields.ts)', releases };
  writeFileSync(OUT, JSON.stringify(doc, null, 1) + '\n');
}
