// All key texts, gathered from the per-topic files. Every word here is xlcfg's own.
import type { KeyText } from './types';
import { ARM_TEXTS } from './texts/arm';
import { BOOT_TEXTS } from './texts/boot';
import { CPU_MEMORY_TEXTS } from './texts/cpu-memory';
import { DEVICE_MODEL_TEXTS } from './texts/device-model';
import { DEVICE_TEXTS } from './texts/devices';
import { DISPLAY_TEXTS } from './texts/display';
import { DOMAIN_TEXTS } from './texts/domain';
import { HVM_TEXTS } from './texts/hvm';

export const KEY_TEXTS: Readonly<Record<string, KeyText>> = {
  ...DOMAIN_TEXTS,
  ...CPU_MEMORY_TEXTS,
  ...BOOT_TEXTS,
  ...DEVICE_TEXTS,
  ...HVM_TEXTS,
  ...DISPLAY_TEXTS,
  ...DEVICE_MODEL_TEXTS,
  ...ARM_TEXTS,
};
