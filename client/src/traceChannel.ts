// The channel the language client writes its protocol trace to. vscode-languageclient 11 traces only
// when its channel's log level is Trace, so the setting `xlcfg.trace.server` alone showed nothing:
// this channel reports Trace always and writes every line, so the setting decides on its own
// ("off", "messages", "verbose").
import * as vscode from 'vscode';

export function traceOutputChannel(name: string): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel(name);
  const levels = new vscode.EventEmitter<vscode.LogLevel>();
  const write = (message: string | Error) => channel.appendLine(message instanceof Error ? message.stack ?? message.message : message);
  return {
    name: channel.name,
    logLevel: vscode.LogLevel.Trace,
    onDidChangeLogLevel: levels.event,
    trace: write, debug: write, info: write, warn: write, error: write,
    append: (v: string) => channel.append(v),
    appendLine: (v: string) => channel.appendLine(v),
    replace: (v: string) => channel.replace(v),
    clear: () => channel.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? channel.show(a) : channel.show(a as vscode.ViewColumn | undefined, b)),
    hide: () => channel.hide(),
    dispose: () => { levels.dispose(); channel.dispose(); },
  };
}
