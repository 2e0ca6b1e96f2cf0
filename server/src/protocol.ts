// The few custom messages between the VS Code client and the xlcfg language server, beyond LSP.
// Plain constants and types: the client bundles this file too.

/** client -> server notification: the file on disk starts with a UTF-8 BOM that VS Code stripped. */
export const BOM_NOTIFICATION = 'xlcfg/bom';
export interface BomParams { uri: string; hasBom: boolean }

/** client -> server request: the device-model (qemu) command-line preview for a document. */
export const DEVICE_MODEL_PREVIEW_REQUEST = 'xlcfg/deviceModelPreview';
export interface DeviceModelPreviewParams { uri: string }
export interface DeviceModelPreviewResult { content: string }

/**
 * client -> server request: the effective config of a document (what xl uses, `xl create CFG
 * key=value...` overrides applied). `overrides`: the words after CFG, or the text typed after it
 * (split as a shell would).
 */
export const EFFECTIVE_CONFIG_REQUEST = 'xlcfg/effectiveConfig';
export interface EffectiveConfigParams { uri: string; overrides?: string | string[] }
export interface EffectiveConfigResult { content: string }
/** The effective config's virtual documents: `xlcfg-effective:/<config file name>.effective?<query>`. */
export const EFFECTIVE_SCHEME = 'xlcfg-effective';

/**
 * client -> server notification: the workspace is trusted (VS Code's workspace trust, granted after
 * start). Only then, and only on the `local` host, do the document links say whether a file exists.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'xlcfg/workspaceTrust';
export interface WorkspaceTrustParams { trusted: boolean }

import type { HostProfile, PathsProfile, XenVersion } from './service/options';

/** Client-side commands the server refers to (code lenses, code actions). */
export { EDITOR_COMMANDS as COMMANDS } from './service/features/editor-commands';

/**
 * Commands the server itself executes (workspace/executeCommand), for editors without the VS Code
 * client. Their ids differ from the client's: vscode-languageclient registers every announced id.
 */
export const SERVER_COMMANDS = {
  /** args: [uri: string] -> ServerCommandResult: the device-model preview (shown where the editor can). */
  deviceModelPreview: 'xlcfg.server.deviceModelPreview',
  /** args: [uri: string, from: XenVersion, to: XenVersion, host?: HostProfile] -> ServerCommandResult: `xlcfg upgrade` for the open document. */
  upgradeReport: 'xlcfg.server.upgradeReport',
  /** args: [uri: string, overrides?: string | string[]] -> ServerCommandResult: what xl uses of the config, with `xl create CFG key=value...` overrides. */
  effectiveConfig: 'xlcfg.server.effectiveConfig',
} as const;
/** What a server command answers: the text, and the file:// URI of the copy written for the editor (if any). */
export interface ServerCommandResult { content: string; uri?: string }

/** The preview's virtual documents: `xlcfg-dm:/<encoded config uri>.argv`. */
export const PREVIEW_SCHEME = 'xlcfg-dm';

/** Settings (section `xlcfg`). */
export interface XlcfgSettings {
  xenVersion: XenVersion;             // one of XEN_VERSIONS (service/options.ts), default DEFAULT_XEN_VERSION
  host: HostProfile;                  // one of HOST_PROFILES
  paths: PathsProfile;                // one of PATHS_PROFILES
  detectCfgContent: boolean;          // switch plain .cfg files with guest keys to xl-cfg
  manPage: boolean;                   // offer the local xl.cfg.5 section on hover
  inlayHints: boolean;                // show what libxl decides silently, as inlay hints
  severity: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
}
