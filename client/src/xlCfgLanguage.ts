// The language ids of files in libxlutil's syntax (package.json `contributes.languages`).

/** Xen guest configs (xl.cfg(5)): the language server runs for these. */
export const LANGUAGE_ID = 'xl-cfg';
/** Xen cpupool configs (xlcpupool.cfg(5)): same syntax and highlighting, no guest checks. */
export const CPUPOOL_LANGUAGE_ID = 'xl-cpupool';
