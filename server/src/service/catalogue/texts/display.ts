// xlcfg's own descriptions of the emulated graphics and remote console keys (VGA, VNC, SDL, SPICE).
import type { KeyText } from '../types';

export const DISPLAY_TEXTS: Record<string, KeyText> = {
  videoram: {
    summary: 'Video memory of the emulated graphics card, in MiB.',
    doc: 'It is taken from the guest\'s `memory`. With qemu-xen, `stdvga` needs at least 16 MiB, ' +
      '`cirrus` at least 8 and `qxl` 128, and libxl refuses less; higher resolutions want more.',
    example: 'videoram = 16',
    defaultText: 'qemu-xen: 16 for stdvga, 8 for cirrus, 128 for qxl; qemu-xen-traditional: 8 for stdvga, 4 for cirrus',
  },
  stdvga: {
    summary: 'Old switch: `1` for a standard VGA card, `0` for Cirrus.',
    doc: 'Replaced by `vga`, which also offers `qxl` and `none`. It is ignored when `vga` is set. ' +
      'Write `vga = "stdvga"` instead of `stdvga = 1`.',
    example: 'vga = "stdvga"   # replaces stdvga = 1',
  },
  vga: {
    summary: 'Emulated graphics card: `stdvga`, `cirrus`, `qxl` or `none`.',
    doc: '`stdvga` supports high resolutions and suits modern guests; `cirrus` is the default for ' +
      'old ones; `qxl` is for SPICE and needs qemu-xen; `none` leaves the guest without a graphics ' +
      'card. Each needs a minimum `videoram`.',
    example: 'vga = "stdvga"',
  },
  vnc: {
    summary: 'Serve the guest\'s screen over VNC.',
    doc: 'On for HVM unless turned off. For a PV guest without `vfb`, `vnc = 1` creates a framebuffer ' +
      'and PV keyboard from the top-level `vnc*`, `sdl` and `keymap` keys. For PVH, or PV with a ' +
      '`vfb` list, the top-level display keys do nothing. By default it only listens on localhost.',
    example: 'vnc = 1',
  },
  vnclisten: {
    summary: 'Address the VNC server listens on, optionally with `:DISPLAY`.',
    doc: 'The default `127.0.0.1` keeps VNC local (use an SSH tunnel). `0.0.0.0` exposes it to the ' +
      'network, so set `vncpasswd` or better keep it local. Giving a display number here and in ' +
      '`vncdisplay` at once is refused by xl.',
    example: 'vnclisten = "127.0.0.1"',
  },
  vncdisplay: {
    summary: 'VNC display number; the TCP port is 5900 plus this number.',
    doc: 'Fixes the port instead of letting QEMU pick a free one. Pair it with `vncunused = 0`, ' +
      'otherwise QEMU may still move to another port when this one is busy.',
    example: 'vncdisplay = 5',
  },
  vncunused: {
    summary: 'Let QEMU look for a free VNC port instead of failing.',
    doc: 'With the default `1` QEMU tries the following ports when the wanted one is busy, so the ' +
      'actual port may differ from `vncdisplay`. `xl vncviewer` finds the real port for you.',
    example: 'vncunused = 0',
  },
  vncpasswd: {
    summary: 'Password VNC clients must give.',
    doc: 'An empty string means no password. VNC passwords are weak (eight characters, no ' +
      'encryption) and this one sits in clear text in the config, so also restrict `vnclisten`.',
    example: 'vncpasswd = "s3cret"',
  },
  keymap: {
    summary: 'Keyboard layout QEMU assumes for VNC clients, e.g. `"de"`.',
    doc: 'Only needed when keys come out wrong through VNC. The available layouts depend on the QEMU ' +
      'build; xl does not check the name.',
    example: 'keymap = "de"',
    defaultText: 'QEMU\'s default (`en-us`)',
  },
  sdl: {
    summary: 'Show the guest\'s screen in an SDL window on dom0\'s desktop.',
    doc: 'Needs a graphical session in dom0, given through `display` and `xauthority` or the ' +
      'environment of `xl create`. Rarely useful on servers, where VNC is the usual choice.',
    example: 'sdl = 1',
  },
  opengl: {
    summary: 'Use OpenGL to draw the SDL window; only qemu-xen-traditional supported it.',
    doc: 'Only qemu-xen-traditional used it, so with qemu-xen it has no effect. The manual dropped it ' +
      'in 4.21 together with the traditional device model, though xl still reads the key.',
    example: 'opengl = 1',
  },
  display: {
    summary: 'X display for the SDL window, e.g. `":0"`.',
    doc: 'Passed to QEMU as its `DISPLAY`. Only used with `sdl = 1`; not described in xl.cfg(5) at ' +
      'top level, but read.',
    example: 'display = ":0"',
  },
  xauthority: {
    summary: 'X authority file for the SDL window.',
    doc: 'Passed to QEMU as its `XAUTHORITY` so it may connect to the X server named by `display`. ' +
      'Only used with `sdl = 1`.',
    example: 'xauthority = "/root/.Xauthority"',
  },
  nographic: {
    summary: 'Run the HVM guest without any graphical output.',
    doc: 'No emulated screen is shown; combine it with `serial = [ "pty" ]` to reach the guest ' +
      'through `xl console`. Consider `vga = "none"` too, so the guest sees no graphics card.',
    example: 'nographic = 1',
  },
  spice: {
    summary: 'Serve the guest\'s display over SPICE.',
    doc: 'SPICE gives a smoother remote desktop than VNC, with audio and USB redirection. It needs ' +
      '`spiceport` or `spicetls_port`, and a `spicepasswd` unless `spicedisable_ticketing = 1`; libxl ' +
      'refuses the guest otherwise. Pair it with `vga = "qxl"` for best results.',
    example: 'spice = 1',
  },
  spicehost: {
    summary: 'Address the SPICE server listens on.',
    doc: 'Without it SPICE listens on every address. Set it to `127.0.0.1` to keep the console ' +
      'local.',
    example: 'spicehost = "127.0.0.1"',
  },
  spiceport: {
    summary: 'TCP port of the SPICE server.',
    doc: 'Each guest needs its own port. Either this or `spicetls_port` must be set when `spice = 1`.',
    example: 'spiceport = 6000',
  },
  spicetls_port: {
    summary: 'TCP port for encrypted SPICE connections.',
    doc: 'xl passes the port, but the certificate options SPICE needs for TLS cannot be set from ' +
      'xl.cfg. On its own it is therefore of little use.',
    example: 'spicetls_port = 6001',
  },
  spicedisable_ticketing: {
    summary: 'Let SPICE clients connect without a password.',
    doc: 'Anyone who reaches the port gets the console. Only use it with `spicehost` set to a ' +
      'private address.',
    example: 'spicedisable_ticketing = 1',
  },
  spicepasswd: {
    summary: 'Password SPICE clients must give.',
    doc: 'Required while ticketing is on (the default), and it must not be empty. It is stored in ' +
      'clear text in the config.',
    example: 'spicepasswd = "s3cret"',
  },
  spiceagent_mouse: {
    summary: 'Let the SPICE agent in the guest drive the mouse (client mouse mode).',
    doc: 'With the guest agent running, the pointer follows the client\'s mouse without grabbing. ' +
      'Needs `spicevdagent`.',
    example: 'spiceagent_mouse = 1',
  },
  spicevdagent: {
    summary: 'Add the channel the SPICE guest agent uses.',
    doc: 'Creates the virtio-serial port for `spice-vdagent`, which enables clipboard sharing, ' +
      'automatic resolution and client mouse mode. The agent must also be installed in the guest.',
    example: 'spicevdagent = 1',
  },
  spice_clipboard_sharing: {
    summary: 'Share the clipboard between the SPICE client and the guest.',
    doc: 'Copy and paste then works across the SPICE connection. It needs `spicevdagent = 1` ' +
      'and the agent running in the guest.',
    example: 'spice_clipboard_sharing = 1',
  },
  spiceusbredirection: {
    summary: 'How many USB devices a SPICE client may redirect (1 to 4).',
    doc: 'Adds that many redirection channels and a USB 2 controller if none is configured. It is ' +
      'dropped with a warning when `spice` is off, and cannot be combined with `usb` or `usbdevice`.',
    example: 'spiceusbredirection = 2',
  },
  spice_image_compression: {
    summary: 'Image compression SPICE uses, e.g. `auto_glz` or `off`.',
    doc: 'Handed to QEMU unchecked. Compression saves bandwidth on slow links at the cost of CPU.',
    example: 'spice_image_compression = "auto_glz"',
  },
  spice_streaming_video: {
    summary: 'When SPICE switches to video streaming: `filter`, `all` or `off`.',
    doc: 'Handed to QEMU unchecked. `filter` detects video regions and streams only those.',
    example: 'spice_streaming_video = "filter"',
  },
  vncviewer: {
    summary: 'Obsolete: start a VNC viewer automatically; ignored with a warning.',
    doc: 'xl no longer honours this key. Use `xl create -V` or `xl vncviewer NAME` instead.',
    example: '# use "xl create -V" instead of vncviewer = 1',
  },
};
