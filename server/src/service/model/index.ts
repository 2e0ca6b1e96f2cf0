// The domain model: xl's reading of a config (tools/xl/xl_parse.c, Xen 4.17) as a pure function.
export { buildDomainConfig, type XlModelResult } from './xl-parse';
export { ConfigReader, listItem, type Errno, type Lookup } from './accessors';
export { XlReport } from './xl-report';
export { REFERENCE_HOST, type HostInfo, type GuestType } from './parse-state';
