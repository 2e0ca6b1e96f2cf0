// Mirrors parse_usbctrl_config() and parse_usbdev_config() in tools/xl/xl_parse.c (Xen 4.17) and
// their loops: any unknown item or bad type makes xl exit.
import { atoi, strtoul, toUint8 } from './c-numbers';
import { issueAt, strtokItems, valueAfterEquals, type SpecPiece } from './strtok';
import type { SpecContext, SpecIssue, SpecResult, UsbctrlJson, UsbdevJson } from './types';

const USBCTRL_TYPES = ['auto', 'pv', 'devicemodel', 'qusb'];

function fatal<T>(at: SpecPiece, message: string, code: string): SpecResult<T> {
  const issue: SpecIssue = issueAt(at, 'error', message, code);
  return { device: null, issues: [issue], fatal: true };
}

/** One `usbctrl=[...]` element: type, version, ports. */
export function parseUsbctrlSpec(spec: string, ctx: SpecContext): SpecResult<UsbctrlJson> {
  let type: string | undefined;
  let version = 0;
  let ports = 0;
  for (const item of strtokItems(spec)) {
    const key = item.text.includes('=') ? item.text.slice(0, item.text.indexOf('=')) : null;
    const value = valueAfterEquals(item);
    if (key === 'type') {
      const t = value.text.toLowerCase();
      if (!USBCTRL_TYPES.includes(t)) return fatal(value, `Invalid usb controller type '${value.text}'`, 'usbctrl-bad-type');
      type = t;
    } else if (key === 'version') version = atoi(value.text);
    else if (key === 'ports') ports = atoi(value.text);
    else return fatal(item, `Unknown string \`${item.text}' in usbctrl spec`, 'usbctrl-unknown');
  }
  const out: UsbctrlJson = {};
  if (type !== undefined && type !== 'auto') out.type = type;
  out.devid = ctx.index;
  if (version) out.version = version;
  if (ports) out.ports = ports;
  return { device: out, issues: [], fatal: false };
}

/** One `usbdev=[...]` element: type=hostdev, hostbus, hostaddr, controller, port. */
export function parseUsbdevSpec(spec: string, _ctx: SpecContext): SpecResult<UsbdevJson> {
  let typed = false;
  let ctrl = -1;
  let port = 0;
  let hostbus = 0;
  let hostaddr = 0;
  for (const item of strtokItems(spec)) {
    const key = item.text.includes('=') ? item.text.slice(0, item.text.indexOf('=')) : null;
    const value = valueAfterEquals(item);
    if (key === 'type') {
      // xl prints getopt's optarg here, which is NULL while parsing a config file.
      if (value.text.toLowerCase() !== 'hostdev') return fatal(value, 'Invalid usb device type: (null)', 'usbdev-bad-type');
      typed = true;
    } else if (key === 'hostbus') hostbus = toUint8(strtoul(value.text, 0).value);
    else if (key === 'hostaddr') hostaddr = toUint8(strtoul(value.text, 0).value);
    else if (key === 'controller') ctrl = atoi(value.text);
    else if (key === 'port') port = atoi(value.text);
    else return fatal(item, `Unknown string \`${item.text}' in usbdev spec`, 'usbdev-unknown');
  }
  const out: UsbdevJson = {};
  if (ctrl !== -1) out.ctrl = ctrl;
  if (port) out.port = port;
  if (typed) {
    const host: Record<string, number> = {};
    if (hostbus) host.hostbus = hostbus;
    if (hostaddr) host.hostaddr = hostaddr;
    out['type.hostdev'] = host;
  }
  return { device: out, issues: [], fatal: false };
}
