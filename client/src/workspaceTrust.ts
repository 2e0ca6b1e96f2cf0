// Restricted Mode (a workspace the user has not trusted): xlcfg then reads the open documents and
// nothing else. Two settings would make the language server reach beyond them: the `local` host
// (it runs `xl info` and `getent`, and reads /proc/xen, dpkg's status file and the paths a config
// names) and the man page on hover (it reads the installed xl.cfg(5)). Until the workspace is
// trusted the server is told `reference` instead of `local` and no man page, whatever the user's
// or the workspace's settings say (package.json declares both as restricted configurations, so VS
// Code already ignores the workspace's own values of them).
//
// The server learns its settings two ways, and both go through here: the answers to its
// `workspace/configuration` requests, and the `workspace/didChangeConfiguration` notifications the
// client pushes (and the host argument of the server's upgrade-report command). Untrusted, the push carries no settings (`null`: "ask again"), so the server only
// ever sees the restricted answers. When the user grants trust the server is told to ask again.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { SERVER_COMMANDS, WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from '../../server/src/protocol';

/** The host that replaces `local` in Restricted Mode: the fixed model, which reads nothing. */
export const RESTRICTED_HOST = 'reference';
export const SECTION = 'xlcfg';
const DID_CHANGE_CONFIGURATION = 'workspace/didChangeConfiguration';

export function isTrusted(): boolean {
  return vscode.workspace.isTrusted !== false;
}

/** The host the server will use for a configured host, in a trusted workspace or not. */
export function effectiveHost(host: string, trusted = isTrusted()): string {
  return !trusted && host === 'local' ? RESTRICTED_HOST : host;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * One answer to a `workspace/configuration` item (`section` as the server asked for it: `xlcfg`,
 * `xlcfg.host`, ... or none for the whole configuration), made safe for an untrusted workspace.
 */
export function restrictAnswer(section: string | undefined, value: unknown, trusted = isTrusted()): unknown {
  if (trusted) return value;
  if (section === undefined || section === '') {
    return isObject(value) && isObject(value[SECTION]) ? { ...value, [SECTION]: restrictAnswer(SECTION, value[SECTION], false) } : value;
  }
  if (section === SECTION) {
    if (!isObject(value)) return value;
    const out: Record<string, unknown> = { ...value, manPage: false };
    if (typeof value.host === 'string') out.host = effectiveHost(value.host, false);
    return out;
  }
  if (section === `${SECTION}.host`) return typeof value === 'string' ? effectiveHost(value, false) : value;
  if (section === `${SECTION}.manPage`) return false;
  return value;
}

/** What the middleware needs of the language client. */
export interface NotifyingClient {
  sendNotification(method: string, params: unknown): Promise<void>;
}

/** The language client's middleware that keeps the restricted settings from the server. */
export function trustMiddleware(client: () => NotifyingClient | undefined): Middleware {
  return {
    // The server's upgrade report takes a host as its fourth argument (other editors pass one).
    executeCommand: (command, args, next) =>
      next(command, isTrusted() || command !== SERVER_COMMANDS.upgradeReport ? args : args.map((a, i) => (i === 3 && typeof a === 'string' ? effectiveHost(a, false) : a))),
    workspace: {
      configuration: async (params, token, next) => {
        const answers = await next(params, token);
        if (isTrusted() || !Array.isArray(answers)) return answers;
        return answers.map((v, i) => restrictAnswer(params.items[i]?.section, v, false));
      },
      didChangeConfiguration: async (sections, next) => {
        if (isTrusted()) return next(sections);
        await client()?.sendNotification(DID_CHANGE_CONFIGURATION, { settings: null });
      },
    },
  };
}

/** When the user trusts the workspace: the server asks for its settings again, unrestricted now. */
export function onTrustGranted(client: () => NotifyingClient | undefined, also: () => void = () => {}): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    also();
    void client()?.sendNotification(DID_CHANGE_CONFIGURATION, { settings: null })?.catch(() => undefined);
    // Document links may now say whether a file exists (host `local`).
    const trust: WorkspaceTrustParams = { trusted: true };
    void client()?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, trust)?.catch(() => undefined);
  });
}
