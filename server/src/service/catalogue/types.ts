// The shape of one xl.cfg key in the catalogue: the facts (what xl reads, when, for whom) and
// the texts written for xlcfg's hover and completion.

export type GuestType = 'pv' | 'pvh' | 'hvm';

export type Arch = 'x86' | 'arm' | 'arm64' | 'any';

/** How xl reads the value (see the `kind` convention of keys.json). */
export type KeyKind =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'enum-string'
  | 'enum-or-path'
  | 'integer-or-enum-string'
  | 'boolean-or-enum-string'
  | 'boolean-or-list'
  | 'string-or-list'
  | 'list-of-strings'
  | 'nested-list'
  | 'spec-list'
  | 'spec-string';

export type Unit = 'MiB' | 'KiB' | 's';

/** One allowed value of an enumerated key, possibly limited to some versions or guest types. */
export interface EnumValue {
  readonly value: string;
  /** First Xen version (x.y) that accepts it; absent = every version the key exists in. */
  readonly since?: string;
  /** Last Xen version (x.y) that accepts it. */
  readonly until?: string;
  readonly guestTypes?: readonly GuestType[];
  /** xl accepts any leading part of this value (firmware="uefi" / "bios"). */
  readonly prefix?: boolean;
  /** Matched without regard to case even though the key's other values are not. */
  readonly anyCase?: boolean;
}

/** A default that depends on the architecture or guest type. */
export type DefaultValue = string | number | Readonly<Record<string, string | number>>;

export interface Deprecation {
  /** Version (x.y) from which the key counts as deprecated. */
  readonly since: string;
  /** xl still reads it but it has no effect (or is ignored with a warning). */
  readonly ignored?: boolean;
}

/** The facts about a key, from xl_parse.c, libxl and xl.cfg(5) across Xen releases. */
export interface KeyFacts {
  readonly name: string;
  readonly kind: KeyKind;
  /** The string is a path in dom0. */
  readonly isPath?: boolean;
  readonly values?: readonly EnumValue[];
  /** True: xl compares with strcmp; false: libxl's strcasecmp helpers. */
  readonly caseSensitive?: boolean;
  /** Who rejects a value outside `values`: xl while parsing (the default for enumerated kinds),
   *  libxl when the guest starts, or only QEMU (xl and libxl pass it on unchecked). */
  readonly valuesCheckedBy?: 'xl' | 'libxl' | 'qemu';
  /** xl accepts any prefix of a value (type=, builder=, firmware=). */
  readonly prefixMatch?: boolean;
  /** The documented default (xl.cfg(5)), when there is a simple one. */
  readonly default?: DefaultValue;
  /** What libxl really uses, where it differs from the documented default. */
  readonly libxlDefault?: DefaultValue;
  readonly unit?: Unit;
  readonly guestTypes: readonly GuestType[];
  readonly arch: Arch;
  readonly required?: boolean;
  /** First Xen release (x.y) whose xl reads the key; '4.1' means 4.1 or earlier. */
  readonly since: string;
  /** First release whose xl no longer reads it (keys dropped before 4.10). */
  readonly removedIn?: string;
  /** First release whose xl.cfg(5) documents it; null = never as a top-level key. */
  readonly documentedSince: string | null;
  /** Not in the current xl.cfg(5) although xl reads it. */
  readonly undocumented?: boolean;
  readonly deprecated?: Deprecation;
  readonly replacedBy?: string;
  readonly aliases?: readonly string[];
}

/** The words written for xlcfg (never Xen's): what a user reads in hover and completion. */
export interface KeyText {
  /** One line. */
  readonly summary: string;
  /** Two to six sentences: meaning, unit, interactions, the usual pitfall. */
  readonly doc: string;
  /** A config line that uses the key. */
  readonly example: string;
  /** The default in words, where it needs more than a value (or libxl differs from the docs). */
  readonly defaultText?: string;
}

export interface KeyEntry extends KeyFacts, KeyText {}
