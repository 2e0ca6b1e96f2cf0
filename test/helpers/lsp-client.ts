// A minimal LSP client for protocol-level tests: spawns the built server (dist/server.js --stdio),
// speaks JSON-RPC over its stdio, and collects published diagnostics.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcess;
  /** The server's answer to `initialize` (its capabilities). */
  initializeResult: any;
  open(uri: string, text: string): Promise<void>;
  change(uri: string, version: number, text: string): void;
  diagnostics(uri: string, predicate?: (d: any[]) => boolean, timeoutMs?: number): Promise<any[]>;
  request<T = any>(method: string, params: unknown): Promise<T>;
  /** What the server wrote to stderr so far (only with `captureStderr`). */
  stderr(): string;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** Answer workspace/configuration with this (null: like editors that have no settings). */
  configuration?: unknown;
  /** Advertise workspace.configuration support. */
  askConfiguration?: boolean;
  /** Sent as `initializationOptions`. */
  initializationOptions?: unknown;
  /** More client capabilities (top-level keys other than `workspace`, e.g. `window`). */
  capabilities?: Record<string, unknown>;
  /** Handlers for server -> client requests (e.g. `window/showDocument`) and notifications (e.g. `window/showMessage`). */
  onRequest?: Record<string, (params: any) => unknown>;
  onNotification?: Record<string, (params: any) => void>;
  env?: Record<string, string>;
  /** Sent as `workspaceFolders` (default none). */
  workspaceFolders?: { uri: string; name: string }[];
  /** Keep the server's stderr for the test (else it goes to the test's own stderr). */
  captureStderr?: boolean;
}

export async function startServer(o: ClientOptions = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', o.captureStderr ? 'pipe' : 'inherit'], env: { ...process.env, ...o.env } });
  let stderr = '';
  proc.stderr?.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published = new Map<string, any[]>();
  const waiters: (() => void)[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: any) => {
    published.set(p.uri, p.diagnostics);
    for (const w of waiters.splice(0)) w();
  });
  conn.onRequest('workspace/configuration', (p: any) => p.items.map(() => o.configuration ?? null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  for (const [m, h] of Object.entries(o.onRequest ?? {})) conn.onRequest(m, h);
  for (const [m, h] of Object.entries(o.onNotification ?? {})) conn.onNotification(m, h);
  conn.listen();
  const initializeResult = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: o.workspaceFolders ?? null,
    capabilities: { ...o.capabilities, workspace: { ...(o.capabilities?.workspace as object | undefined), configuration: o.askConfiguration ?? true } },
    ...(o.initializationOptions !== undefined ? { initializationOptions: o.initializationOptions } : {}),
  });
  await conn.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  return {
    conn, proc, initializeResult,
    async open(uri, text) {
      versions.set(uri, 1);
      published.delete(uri);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xl-cfg', version: 1, text } });
    },
    change(uri, version, text) {
      published.delete(uri);
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    diagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      return new Promise((res, rej) => {
        const deadline = setTimeout(() => rej(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms (last: ${JSON.stringify(published.get(uri))})`)), timeoutMs);
        const check = () => {
          const d = published.get(uri);
          if (d && predicate(d)) { clearTimeout(deadline); res(d); } else waiters.push(check);
        };
        check();
      });
    },
    request: (method, params) => conn.sendRequest(method, params),
    stderr: () => stderr,
    async close() {
      try { await conn.sendRequest('shutdown'); await conn.sendNotification('exit'); } catch { /* already gone */ }
      conn.dispose();
      proc.kill();
    },
  };
}

/** Applies LSP TextEdits (one document) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
