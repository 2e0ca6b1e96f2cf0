// xl's domain config to the device-model command line, as initiate_domain_create goes: libxl's
// defaults (helper C's applyLibxlDefaults), then the launch path of build.ts. A refusal of the
// defaults becomes an `error` result with libxl's line.
import { applyLibxlDefaults, libxlLogText } from '../defaults';
import type { AnalysisOptions } from '../options';
import type { HostModel } from '../host/host-model';
import { buildDeviceModelArgv } from './build';
import { deviceModelRules } from './versions';
import type { DeviceModelResult } from './types';

export interface FromConfigContext {
  readonly options: AnalysisOptions;
  readonly host: HostModel;
  readonly domid?: number;
}

/** `config`: the libxl_domain_config JSON as `xl -N create` prints it. */
export function deviceModelFromConfig(config: Record<string, unknown>, ctx: FromConfigContext): DeviceModelResult {
  const domid = ctx.domid ?? 1;
  const defaults = applyLibxlDefaults(config, { options: ctx.options, host: ctx.host });
  const warnings = defaults.messages.filter((m) => m.level === 'warning').map(libxlLogText);
  if (!defaults.resolved) {
    const errors = defaults.messages.filter((m) => m.level === 'error');
    const first = errors.find((m) => !m.secondary) ?? errors[0];
    const error = first ? libxlLogText(first) : 'libxl__domain_config_setdefault: refused';
    return {
      outcome: 'error', device_model_version: defaults.deviceModelVersion, argv: [], env: {}, error,
      log: [...warnings, ...errors.map(libxlLogText)], lines: [], notes: [], placeholders: [],
      label: deviceModelRules(ctx.options.xenVersion).label, assumptions: defaults.assumptions ?? [],
    };
  }
  const result = buildDeviceModelArgv(defaults.resolved, { options: ctx.options, host: ctx.host, domid, generated: defaults.generated });
  return {
    ...result,
    log: [...warnings, ...result.log],
    assumptions: [...(defaults.assumptions ?? []), ...result.assumptions],
  };
}
