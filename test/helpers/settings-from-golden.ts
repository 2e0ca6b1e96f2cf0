// Builds the Setting[] libxlutil stored from a golden *.parse.json (xlu-parse output). Offsets are
// 0: libxlutil tracks only lines, and these tests compare what xl makes of the values.
import type { Setting, Value } from '../../server/src/service/syntax/settings';

interface GoldenValue { type: 'string' | 'list'; line: number; value?: string; items?: GoldenValue[] }
interface GoldenSetting { name: string; op: '=' | '+='; line: number; value: GoldenValue }

function toValue(v: GoldenValue): Value {
  if (v.type === 'list') {
    return { type: 'list', line: v.line, items: (v.items ?? []).map(toValue), start: 0, end: 0 };
  }
  return { type: 'string', line: v.line, value: v.value ?? '', start: 0, end: 0 };
}

export function settingsFromGolden(parse: { settings?: GoldenSetting[] }): Setting[] {
  return (parse.settings ?? []).map((s) => {
    const value = toValue(s.value);
    return { name: s.name, op: s.op, line: s.line, value, written: value, keyStart: 0, keyEnd: 0, opStart: 0, end: 0 };
  });
}
