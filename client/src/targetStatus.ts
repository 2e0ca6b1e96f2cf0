// The language status item of xl-cfg editors: which Xen release and dom0 model the checks target
// (settings xlcfg.xenVersion and xlcfg.host), with a click that lets the user pick another release.
// A file may still target another release with its own `# xlcfg: xen=...` line.
import * as vscode from 'vscode';
import { XEN_VERSIONS } from '../../server/src/service/options';
import { LANGUAGE_ID } from './xlCfgLanguage';
import { effectiveHost, isTrusted } from './workspaceTrust';

export const CHANGE_TARGET_COMMAND = 'xlcfg.changeTargetRelease';

/** The status text; in Restricted Mode the host the server really uses (never `local`). */
export function targetText(xenVersion: string, host: string, trusted = true): string {
  const used = effectiveHost(host, trusted);
  return `Xen ${xenVersion} · ${used} host${used !== host ? ' (Restricted Mode)' : ''}`;
}

export function registerTargetStatus(): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('xlcfg.target', { language: LANGUAGE_ID });
  item.name = 'xl.cfg target';
  item.detail = 'release and dom0 the checks assume';
  item.command = { title: 'Change', command: CHANGE_TARGET_COMMAND, tooltip: 'Pick the Xen release the configs are checked against' };
  const update = () => {
    const c = vscode.workspace.getConfiguration('xlcfg');
    item.text = targetText(c.get<string>('xenVersion', '4.17'), c.get<string>('host', 'reference'), isTrusted());
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('xlcfg')) update(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(update),
    vscode.commands.registerCommand(CHANGE_TARGET_COMMAND, async () => {
      const c = vscode.workspace.getConfiguration('xlcfg');
      const current = c.get<string>('xenVersion', '4.17');
      const picked = await vscode.window.showQuickPick([...XEN_VERSIONS].reverse().map((v) => (v === current ? `${v} (current)` : v)),
        { title: 'Xen release the configs are checked against' });
      if (!picked) return;
      await c.update('xenVersion', picked.replace(' (current)', ''), vscode.ConfigurationTarget.Global);
    }),
  );
}
