// The analysis commands (check, config, argv); filled in as the pipeline's stages land.
import type { ParsedArgs } from './args';

export const COMMANDS: Record<string, (a: ParsedArgs) => number> = {};
