// All key texts, gathered from the per-topic files. Every word here is xlcfg's own.
import type { KeyText } from './types';

export const KEY_TEXTS: Readonly<Record<string, KeyText>> = {
};
