// Mirrors tools/libs/light/libxl_cpuid.c (Xen 4.17): libxl_cpuid_parse_config (host,flag=value),
// libxl_cpuid_parse_config_xend (the xend list form) and the JSON libxl prints for the policy.
import { CPUID_FEATURE_BITS } from './cpuid-features';
import type { Json } from './libxl-json';
import { strtoul } from './strtol';

const UNUSED = 0xffffffff;
const EAX = 1, EBX = 2, ECX = 3, EDX = 4;

interface CpuidEntry { leaf: number; subleaf: number; regs: (string | null)[] }
interface MsrEntry { index: number; policy: string[] }
interface Flag { name: string; leaf: number; subleaf: number; reg: number; bit: number; length: number }

/** libxl's named fields that are not plain feature bits. */
const NAMED_FIELDS: readonly Flag[] = ([
  ['maxleaf', 0x0, UNUSED, EAX, 0, 32], ['stepping', 0x1, UNUSED, EAX, 0, 4], ['model', 0x1, UNUSED, EAX, 4, 8],
  ['family', 0x1, UNUSED, EAX, 8, 8], ['brandid', 0x1, UNUSED, EBX, 0, 8], ['clflush', 0x1, UNUSED, EBX, 8, 8],
  ['proccount', 0x1, UNUSED, EBX, 16, 8], ['localapicid', 0x1, UNUSED, EBX, 24, 8], ['est', 0x1, UNUSED, ECX, 7, 1],
  ['cntxid', 0x1, UNUSED, ECX, 10, 1], ['cmpxchg16', 0x1, UNUSED, ECX, 13, 1], ['sse4_1', 0x1, UNUSED, ECX, 19, 1],
  ['sse4.1', 0x1, UNUSED, ECX, 19, 1], ['sse4_2', 0x1, UNUSED, ECX, 20, 1], ['sse4.2', 0x1, UNUSED, ECX, 20, 1],
  ['aes', 0x1, UNUSED, ECX, 25, 1], ['cmpxchg8', 0x1, UNUSED, EDX, 8, 1], ['sysenter', 0x1, UNUSED, EDX, 11, 1],
  ['psn', 0x1, UNUSED, EDX, 18, 1], ['clfsh', 0x1, UNUSED, EDX, 19, 1], ['tm', 0x1, UNUSED, EDX, 29, 1],
  ['ia64', 0x1, UNUSED, EDX, 30, 1], ['pbe', 0x1, UNUSED, EDX, 31, 1], ['arat', 0x6, UNUSED, EAX, 2, 1],
  ['tsc_adjust', 0x7, 0, EBX, 1, 1], ['cmt', 0x7, 0, EBX, 12, 1], ['lahfsahf', 0x80000001, UNUSED, ECX, 0, 1],
  ['cmplegacy', 0x80000001, UNUSED, ECX, 1, 1], ['altmovcr8', 0x80000001, UNUSED, ECX, 4, 1],
  ['nodeid', 0x80000001, UNUSED, ECX, 19, 1], ['perfctr_core', 0x80000001, UNUSED, ECX, 23, 1],
  ['perfctr_nb', 0x80000001, UNUSED, ECX, 24, 1], ['procpkg', 0x4, 0, EAX, 26, 6], ['invtsc', 0x80000007, UNUSED, EDX, 8, 1],
  ['ppin', 0x80000008, UNUSED, EBX, 23, 1], ['btc-no', 0x80000008, UNUSED, EBX, 29, 1], ['nc', 0x80000008, UNUSED, ECX, 0, 8],
  ['apicidsize', 0x80000008, UNUSED, ECX, 12, 4], ['svm_npt', 0x8000000a, UNUSED, EDX, 0, 1],
  ['svm_lbrv', 0x8000000a, UNUSED, EDX, 1, 1], ['svm_nrips', 0x8000000a, UNUSED, EDX, 3, 1],
  ['svm_tscrate', 0x8000000a, UNUSED, EDX, 4, 1], ['svm_vmcbclean', 0x8000000a, UNUSED, EDX, 5, 1],
  ['svm_decode', 0x8000000a, UNUSED, EDX, 7, 1], ['svm_pausefilt', 0x8000000a, UNUSED, EDX, 10, 1],
  ['lfence+', 0x80000021, UNUSED, EAX, 2, 1], ['maxhvleaf', 0x40000000, UNUSED, EAX, 0, 8],
] as const).map(([name, leaf, subleaf, reg, bit, length]) => ({ name, leaf, subleaf, reg, bit, length }));

/** Where each 32-bit word of the featureset lives (cpuid leaf/subleaf/register, or an MSR half). */
type Word = { cpuid: [number, number, number] } | { msr: [number, number] };
const FEATURE_WORDS: readonly Word[] = [
  { cpuid: [0x1, UNUSED, EDX] }, { cpuid: [0x1, UNUSED, ECX] }, { cpuid: [0x80000001, UNUSED, EDX] },
  { cpuid: [0x80000001, UNUSED, ECX] }, { cpuid: [0xd, 1, EAX] }, { cpuid: [0x7, 0, EBX] }, { cpuid: [0x7, 0, ECX] },
  { cpuid: [0x80000007, UNUSED, EDX] }, { cpuid: [0x80000008, UNUSED, EBX] }, { cpuid: [0x7, 0, EDX] },
  { cpuid: [0x7, 1, EAX] }, { cpuid: [0x80000021, UNUSED, EAX] }, { cpuid: [0x7, 1, EBX] }, { cpuid: [0x7, 2, EDX] },
  { cpuid: [0x7, 1, ECX] }, { cpuid: [0x7, 1, EDX] }, { msr: [0x10a, EAX] }, { msr: [0x10a, EDX] },
  { cpuid: [0x80000021, UNUSED, ECX] },
];

export class CpuidPolicy {
  private readonly cpuid: CpuidEntry[] = [];
  private readonly msr: MsrEntry[] = [];
  /** libxl allocates the policy on first use; an allocated but empty policy still prints. */
  private allocated = false;

  private findMatch(leaf: number, subleaf: number): CpuidEntry {
    this.allocated = true;
    let e = this.cpuid.find((x) => x.leaf === leaf && x.subleaf === subleaf);
    if (!e) {
      e = { leaf, subleaf, regs: [null, null, null, null] };
      this.cpuid.push(e);
    }
    return e;
  }

  private add(flag: Flag, val: string): number {
    const entry = this.findMatch(flag.leaf, flag.subleaf);
    const n = strtoul(val, 0);
    let num = n.value;
    const flags = new Array<string>(flag.length).fill('\0');
    if (n.end !== 0) {
      for (let i = 0; i < flag.length; i++) flags[flag.length - 1 - i] = (num >> BigInt(i)) & 1n ? '1' : '0';
    } else if (val[0] === 'x' || val[0] === 'k' || val[0] === 's') {
      flags.fill(val[0]);
      num = 0n;
    } else return 3;
    const res = (entry.regs[flag.reg - 1] ?? 'x'.repeat(32)).split('');
    const put = (at: number, chars: string[]) => chars.forEach((c, i) => { res[at + i] = c; });
    if (flag.name === 'family') {
      if (num < 16n) {
        put(28 - flag.bit, flags.slice(4, 8));
        put(4, '00000000'.split(''));
      } else {
        num -= 15n;
        put(28 - flag.bit, '1111'.split(''));
        for (let i = 0; i < 7; i++) {
          flags[7 - i] = num & 1n ? '1' : '0';
          num >>= 1n;
        }
        put(4, flags.slice(0, 8));
      }
    } else if (flag.name === 'model') {
      put(12, flags.slice(0, 4));
      put(28 - flag.bit, flags.slice(4, 8));
    } else {
      put(32 - flag.length - flag.bit, flags);
    }
    entry.regs[flag.reg - 1] = res.join('');
    return 0;
  }

  private addMsr(index: number, bit: number, val: string): number {
    this.allocated = true;
    let e = this.msr.find((m) => m.index === index);
    if (!e) {
      e = { index, policy: new Array<string>(64).fill('x') };
      this.msr.push(e);
    }
    if (val.length !== 1 || !'01xks'.includes(val)) return 3;
    e.policy[63 - bit] = val === 's' ? 'k' : val;
    return 0;
  }

  /** libxl_cpuid_parse_config: one `name=value`; 0 or libxl's error number. */
  parseFlag(str: string): number {
    const eq = str.indexOf('=');
    if (eq < 0) return 1;
    const name = str.slice(0, eq);
    const val = str.slice(eq + 1);
    const named = NAMED_FIELDS.find((f) => f.name === name);
    if (named) return this.add(named, val);
    const bit = CPUID_FEATURE_BITS.get(name);
    if (bit === undefined) return 2;
    const word = FEATURE_WORDS[Math.floor(bit / 32)];
    if (!word) return 2;
    if ('cpuid' in word) {
      const [leaf, subleaf, reg] = word.cpuid;
      return this.add({ name, leaf, subleaf, reg, bit: bit % 32, length: 1 }, val);
    }
    const [index, reg] = word.msr;
    return this.addMsr(index, (bit % 32) + (reg === EDX ? 32 : 0), val);
  }

  /** libxl_cpuid_parse_config_xend: `leaf[,subleaf]:eXx=<32 chars>,...`; 0 or 1..5. */
  parseXend(input: string): number {
    const l = strtoul(input, 0);
    if (l.end === 0) return 1;
    const leaf = Number(BigInt.asUintN(32, l.value));
    let subleaf = UNUSED;
    let rest = input.slice(l.end);
    if (rest[0] === ',') {
      const s = strtoul(rest.slice(1), 0);
      if (s.end === 0) return 2;
      subleaf = Number(BigInt.asUintN(32, s.value));
      rest = rest.slice(1 + s.end);
    }
    if (rest[0] !== ':') return 3;
    const entry = this.findMatch(leaf, subleaf);
    let str = rest.slice(1);
    while (str.length > 0) {
      if (str[0] !== 'e' || str[2] !== 'x') return 4;
      const reg = (str.charCodeAt(1) || 0) - 97;
      const eq = str.indexOf('=');
      if (reg < 0 || reg > 3 || eq < 0) return 4;
      str = str.slice(eq + 1);
      let comma = str.indexOf(',');
      if (comma < 0) comma = str.length;
      if (comma !== 32) return 5;
      entry.regs[reg] = str.slice(0, 32);
      if (comma === str.length) break;
      str = str.slice(comma + 1).replace(/^[ \n]*/, '');
    }
    return 0;
  }

  /** libxl_cpuid_policy_list_gen_json; null when libxl__cpuid_policy_is_empty. */
  toJson(): Json | null {
    if (!this.allocated || (this.cpuid.length === 0 && this.msr.length === 0)) return null;
    const names = ['eax', 'ebx', 'ecx', 'edx'];
    return {
      cpuid: this.cpuid.map((e) => {
        const o: Json = { leaf: e.leaf };
        if (e.subleaf !== UNUSED) o.subleaf = e.subleaf;
        e.regs.forEach((r, i) => { if (r !== null) o[names[i]!] = r; });
        return o;
      }),
      msr: this.msr.map((m) => ({ index: m.index, policy: m.policy.join('') })),
    };
  }
}
