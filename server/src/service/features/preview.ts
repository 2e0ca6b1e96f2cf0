// The device-model command-line preview document and the CodeLens that opens it.
import type { Analysis } from '../analyze';
import { formatPreview } from '../devicemodel';
import type { Range } from '../text/line-index';

export function previewText(a: Analysis): string {
  if (!a.parsed.accepted) {
    const first = a.parsed.errors.find((e) => !e.hidden);
    return `# xl cannot parse this file, so no device model would start.\n# ${first ? `line ${first.line}: ${first.message}` : ''}\n`;
  }
  const xl = a.xl;
  if (!xl?.config) {
    const last = xl?.stderr.filter((l) => l.trim()).pop() ?? 'xl refuses this config';
    return `# xl refuses this config before libxl is asked, so no device model would start:\n#   ${last}\n`;
  }
  const dm = a.deviceModel;
  return dm ? formatPreview(dm, a.options) : '# no device model\n';
}

export interface CodeLensOut { range: Range; command: { title: string; command: string; arguments: unknown[] } }

export function previewCodeLens(a: Analysis, uri: string, command: string): CodeLensOut[] {
  if (a.isXlConf) return []; // xl's global config starts no guest
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  let title = 'Preview device-model command line';
  const dm = a.parsed.accepted ? a.deviceModel : null;
  if (dm?.outcome === 'no_device_model') title = 'No device model for this guest: see why';
  else if (dm?.outcome === 'error') title = 'libxl would refuse to start the device model: see why';
  return [{ range, command: { title, command, arguments: [uri] } }];
}
