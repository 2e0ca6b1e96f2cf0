// The language ids of files in libxlutil's syntax (package.json `contributes.languages`).

/** Xen guest configs (xl.cfg(5)): the language server runs for these. */
export const LANGUAGE_ID = 'xl-cfg';
/** Xen cpupool configs (xlcpupool.cfg(5)): same syntax and highlighting, no guest checks. */
export const CPUPOOL_LANGUAGE_ID = 'xl-cpupool';
/** xl's global config (/etc/xen/xl.conf, xl.conf(5)): same syntax, its own keys; the language server runs for it. */
export const XL_CONF_LANGUAGE_ID = 'xl-conf';
