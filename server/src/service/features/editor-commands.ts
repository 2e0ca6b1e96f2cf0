// Commands of the editor client that features refer to (code lenses, code actions that a text edit
// cannot express). The client registers them under these ids; protocol.ts re-exports them.
export const EDITOR_COMMANDS = {
  /** args: [uri: string]: open the device-model preview beside the config. */
  showDeviceModelPreview: 'xlcfg.showDeviceModelPreview',
  /** args: [uri: string]: set the editor's end of line to LF (VS Code normalises text edits). */
  convertToLf: 'xlcfg.convertToLf',
  /** args: [uri: string]: rewrite the file on disk as UTF-8 without a BOM. */
  saveWithoutBom: 'xlcfg.saveWithoutBom',
  /** args: [uri?: string]: ask for two releases, then show what changes for this guest between them. */
  showUpgradeReport: 'xlcfg.showUpgradeReport',
  /** args: [uri?: string, overrides?: string]: ask for `key=value` overrides, then show what xl uses of the config. */
  showEffectiveConfig: 'xlcfg.showEffectiveConfig',
} as const;
