// The texts for the items of spec strings (catalogue/spec-docs.ts): one for every field the
// catalogue lists, with a meaning for every enumerated value, in our own words.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shingles, shingleHash } from '../../helpers/shingles';
import { SPEC_FIELDS, SPEC_FIELD_DOCS, SPEC_FIELD_GATES, specFieldDoc } from '../../../server/src/service/catalogue';

const MAN_PAGES: Record<string, string[]> = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'reference', 'man-page-shingles.json'), 'utf8')).releases;

describe('spec field docs', () => {
  test('every field of every spec kind has a doc, and every enumerated value a meaning', () => {
    for (const [key, fields] of Object.entries(SPEC_FIELDS)) {
      for (const f of fields) {
        const doc = specFieldDoc(key, f.name);
        assert.ok(doc && doc.doc.length > 10, `${key}.${f.name}`);
        for (const v of f.values ?? []) assert.ok(doc.values?.[v], `${key}.${f.name}=${v}`);
      }
    }
  });

  test('docs name only fields the catalogue lists (vsnd is documented here alone)', () => {
    for (const [key, fields] of Object.entries(SPEC_FIELD_DOCS)) {
      if (key === 'vsnd') continue;
      for (const name of Object.keys(fields)) assert.ok(SPEC_FIELDS[key]?.some((f) => f.name === name), `${key}.${name}`);
    }
  });

  test('release gates name fields the catalogue lists', () => {
    for (const g of SPEC_FIELD_GATES) {
      const f = SPEC_FIELDS[g.key]?.find((x) => x.name === g.field);
      assert.ok(f, `${g.key}.${g.field}`);
      if (g.value !== undefined) assert.ok(f.values?.includes(g.value), `${g.key}.${g.field}=${g.value}`);
    }
  });

  for (const [release, hashes] of Object.entries(MAN_PAGES)) {
    test(`no 6-word run of xl.cfg(5) of ${release}`, () => {
      const theirs = new Set(hashes);
      for (const [key, fields] of Object.entries(SPEC_FIELD_DOCS)) {
        for (const [name, d] of Object.entries(fields)) {
          const text = [d.doc, ...Object.values(d.values ?? {})].join(' ');
          assert.deepEqual(shingles(text, 6).filter((s) => theirs.has(shingleHash(s))), [], `${key}.${name}`);
        }
      }
    });
  }
});
