// Fields inside device spec strings that only some Xen releases understand (checked against the
// libxlutil spec parsers of each release).

export interface SpecFieldGate {
  /** The top-level key whose spec strings hold the field (disk, vif, p9, ...). */
  readonly key: string;
  readonly field: string;
  /** Only this value of the field (e.g. `backendtype=standalone`); the field itself is older. */
  readonly value?: string;
  readonly since?: string;
  readonly until?: string;
}

export const SPEC_FIELD_GATES: readonly SpecFieldGate[] = [
  { key: 'p9', field: 'type', since: '4.19' },
  { key: 'p9', field: 'max-files', since: '4.19' },
  { key: 'p9', field: 'max-open-files', since: '4.19' },
  { key: 'p9', field: 'max-space', since: '4.19' },
  { key: 'p9', field: 'auto-delete', since: '4.19' },
  { key: 'vif', field: 'vlan', since: '4.19' },
  { key: 'disk', field: 'grant_usage', since: '4.19' },
  // The disk scanner generated for 4.17 and 4.18 predates the two flags (disk-lexer.ts).
  { key: 'disk', field: 'trusted', since: '4.19' },
  { key: 'disk', field: 'untrusted', since: '4.19' },
  { key: 'disk', field: 'specification', since: '4.17' },
  { key: 'vif', field: 'mtu', since: '4.15' },
  { key: 'vif', field: 'trusted', since: '4.17' },
  { key: 'vif', field: 'untrusted', since: '4.17' },
  // libxl_disk_backend gained STANDALONE in 4.17 (libxl_types.idl); older xl: unknown value.
  { key: 'disk', field: 'backendtype', value: 'standalone', since: '4.17' },
];

export function specFieldGate(key: string, field: string): SpecFieldGate | undefined {
  return SPEC_FIELD_GATES.find((g) => g.key === key && g.field === field && g.value === undefined);
}

/** The gate of one value of a field, when only some releases know that value. */
export function specValueGate(key: string, field: string, value: string): SpecFieldGate | undefined {
  return SPEC_FIELD_GATES.find((g) => g.key === key && g.field === field && g.value === value);
}
