// The few custom messages between the VS Code client and the xlcfg language server, beyond LSP.
// Plain constants and types: the client bundles this file too.

/** client -> server notification: the file on disk starts with a UTF-8 BOM that VS Code stripped. */
export const BOM_NOTIFICATION = 'xlcfg/bom';
export interface BomParams { uri: string; hasBom: boolean }

/** client -> server request: the device-model (qemu) command-line preview for a document. */
export const DEVICE_MODEL_PREVIEW_REQUEST = 'xlcfg/deviceModelPreview';
export interface DeviceModelPreviewParams { uri: string }
export interface DeviceModelPreviewResult { content: string }

/** Client-side commands the server refers to (code lenses, code actions). */
export { EDITOR_COMMANDS as COMMANDS } from './service/features/editor-commands';

/** The preview's virtual documents: `xlcfg-dm:/<encoded config uri>.argv`. */
export const PREVIEW_SCHEME = 'xlcfg-dm';

/** Settings (section `xlcfg`). */
export interface XlcfgSettings {
  xenVersion: string;                 // '4.10'..'4.22', default '4.17'
  host: 'reference' | 'debian-12' | 'local';
  paths: 'debian' | 'upstream';
  detectCfgContent: boolean;          // switch plain .cfg files with guest keys to xl-cfg
  manPage: boolean;                   // offer the local xl.cfg.5 section on hover
  severity: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
}
