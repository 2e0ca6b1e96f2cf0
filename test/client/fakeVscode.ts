// A small stand-in for the `vscode` module, enough to run the client's glue (commands, preview
// provider, language switch, BOM handling) under node's test runner. It records what the client
// asks VS Code to do. The real-VS-Code suite checks the same glue inside an extension host.
import Module from 'node:module';
import { promises as fs } from 'node:fs';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return new Disposable(() => { this.listeners = this.listeners.filter((x) => x !== l); });
  };
  fire(e: T): void { for (const l of [...this.listeners]) l(e); }
  dispose(): void { this.listeners = []; }
}

export class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => { for (const i of items) i.dispose(); });
  }
  dispose(): void { this.fn(); }
}

export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly query: string) {}
  static parse(value: string): Uri {
    const u = new URL(value);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, decodeURIComponent(u.pathname), decodeURIComponent(u.search.replace(/^\?/, '')));
  }
  static file(path: string): Uri { return new Uri('file', '', path, ''); }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '');
  }
  get fsPath(): string { return this.path; }
  toString(): string {
    const auth = this.scheme === 'file' || this.authority ? `//${this.authority}` : '';
    return `${this.scheme}:${auth}${encodeURI(this.path).replace(/#/g, '%23')}${this.query ? `?${encodeURIComponent(this.query)}` : ''}`;
  }
}

export enum EndOfLine { LF = 1, CRLF = 2 }
export enum ViewColumn { Active = -1, Beside = -2, One = 1 }

export class FakeDocument {
  isClosed = false;
  isDirty = false;
  saved = 0;
  constructor(public uri: Uri, public languageId: string, public text: string, public eol = EndOfLine.LF) {}
  get fileName(): string { return this.uri.fsPath; }
  getText(): string { return this.text; }
  async save(): Promise<boolean> { this.saved++; this.isDirty = false; return true; }
}

export class FakeEditor {
  edits: string[] = [];
  constructor(public document: FakeDocument) {}
  async edit(cb: (b: { setEndOfLine(eol: EndOfLine): void }) => void): Promise<boolean> {
    cb({ setEndOfLine: (eol) => { this.edits.push(`eol:${EndOfLine[eol]}`); this.document.eol = eol; } });
    return true;
  }
}

/** Everything the fake records, and the knobs a test turns. */
export const state = {
  documents: [] as FakeDocument[],
  visibleEditors: [] as FakeEditor[],
  activeEditor: undefined as FakeEditor | undefined,
  shown: [] as { uri: string; options: unknown }[],
  languageSwitches: [] as { uri: string; languageId: string }[],
  providers: new Map<string, { provideTextDocumentContent(uri: Uri, token: unknown): Promise<string> | string }>(),
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  settings: new Map<string, unknown>(),
  messages: [] as string[],
  statusItems: [] as { id: string; selector: unknown; text?: string; command?: { command: string }; disposed?: boolean }[],
  /** What window.showQuickPick answers next (undefined: the user pressed Escape). */
  quickPickAnswer: undefined as string | undefined,
  quickPickItems: [] as string[][],
  /** What window.showInputBox answers next (undefined: Escape), and the options it was shown with. */
  inputBoxAnswer: undefined as string | undefined,
  inputBoxes: [] as { title?: string; prompt?: string; value?: string; placeHolder?: string }[],
  outputChannels: [] as { name: string; lines: string[] }[],
  onOpen: new EventEmitter<FakeDocument>(),
  onChange: new EventEmitter<{ document: FakeDocument; contentChanges: unknown[] }>(),
  onSave: new EventEmitter<FakeDocument>(),
  onConfig: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  /** workspace.isTrusted; `grantTrust()` trusts the workspace as the user would. */
  trusted: true,
  onGrantTrust: new EventEmitter<void>(),
  grantTrust(): void { this.trusted = true; this.onGrantTrust.fire(); },
  reset(): void {
    this.documents = []; this.visibleEditors = []; this.activeEditor = undefined; this.shown = [];
    this.languageSwitches = []; this.providers.clear(); this.commands.clear(); this.settings.clear(); this.messages = [];
    this.statusItems = []; this.quickPickAnswer = undefined; this.quickPickItems = []; this.trusted = true;
    this.inputBoxAnswer = undefined; this.inputBoxes = [];
  },
  /** Opens a document the way VS Code does, firing onDidOpenTextDocument. */
  open(doc: FakeDocument): FakeDocument {
    this.documents.push(doc);
    this.onOpen.fire(doc);
    return doc;
  },
};

const token = { isCancellationRequested: false, onCancellationRequested: () => new Disposable() };

export const workspace = {
  get textDocuments() { return state.documents.filter((d) => !d.isClosed); },
  onDidOpenTextDocument: state.onOpen.event,
  onDidChangeTextDocument: state.onChange.event,
  onDidSaveTextDocument: state.onSave.event,
  onDidChangeConfiguration: state.onConfig.event,
  get isTrusted() { return state.trusted; },
  onDidGrantWorkspaceTrust: state.onGrantTrust.event,
  registerTextDocumentContentProvider(scheme: string, p: { provideTextDocumentContent(uri: Uri, token: unknown): Promise<string> }) {
    state.providers.set(scheme, p);
    return new Disposable(() => state.providers.delete(scheme));
  },
  getConfiguration(section: string) {
    return {
      get: <T>(key: string, dflt: T): T => (state.settings.has(`${section}.${key}`) ? state.settings.get(`${section}.${key}`) as T : dflt),
      async update(key: string, value: unknown): Promise<void> {
        state.settings.set(`${section}.${key}`, value);
        state.onConfig.fire({ affectsConfiguration: (s: string) => `${section}.${key}`.startsWith(s) });
      },
    };
  },
  async openTextDocument(uri: Uri): Promise<FakeDocument> {
    const found = state.documents.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (found) return found;
    const provider = state.providers.get(uri.scheme);
    const text = provider ? await provider.provideTextDocumentContent(uri, token) : await fs.readFile(uri.fsPath, 'utf8');
    return state.open(new FakeDocument(uri, provider ? 'plaintext' : 'xl-cfg', text));
  },
  fs: {
    readFile: async (uri: Uri) => new Uint8Array(await fs.readFile(uri.fsPath)),
    writeFile: async (uri: Uri, bytes: Uint8Array) => fs.writeFile(uri.fsPath, bytes),
  },
};

export const window = {
  get activeTextEditor() { return state.activeEditor; },
  get visibleTextEditors() { return state.visibleEditors; },
  async showTextDocument(doc: FakeDocument, options: unknown): Promise<FakeEditor> {
    state.shown.push({ uri: doc.uri.toString(), options });
    const editor = state.visibleEditors.find((e) => e.document === doc) ?? new FakeEditor(doc);
    if (!state.visibleEditors.includes(editor)) state.visibleEditors.push(editor);
    return editor;
  },
  async showInformationMessage(m: string) { state.messages.push(m); return undefined; },
  createOutputChannel(name: string) {
    const lines: string[] = [];
    const ch = { name, lines, append: (v: string) => lines.push(v), appendLine: (v: string) => lines.push(v), replace: (v: string) => { lines.length = 0; lines.push(v); },
      clear: () => { lines.length = 0; }, show() {}, hide() {}, dispose() {} };
    state.outputChannels.push(ch);
    return ch;
  },
  async showQuickPick(items: string[]) { state.quickPickItems.push(items); return state.quickPickAnswer; },
  async showWarningMessage(m: string) { state.messages.push(m); return undefined; },
  async showInputBox(o: (typeof state.inputBoxes)[number]) { state.inputBoxes.push(o); return state.inputBoxAnswer; },
};

export const languages = {
  createLanguageStatusItem(id: string, selector: unknown) {
    const item: (typeof state.statusItems)[number] & { dispose(): void } = { id, selector, dispose() { item.disposed = true; } };
    state.statusItems.push(item);
    return item;
  },
  async setTextDocumentLanguage(doc: FakeDocument, languageId: string): Promise<FakeDocument> {
    state.languageSwitches.push({ uri: doc.uri.toString(), languageId });
    // VS Code closes the document and opens it again under the new language.
    doc.isClosed = true;
    return state.open(new FakeDocument(doc.uri, languageId, doc.text, doc.eol));
  },
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
};

export const CancellationToken = token;
export enum LogLevel { Off = 0, Trace = 1, Debug = 2, Info = 3, Warning = 4, Error = 5 }
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };

/** Makes `require('vscode')` return this module. Call before requiring client code. */
export function installFakeVscode(): void {
  const M = Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : original.call(this, request, ...rest);
  };
  require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: module.exports } as NodeJS.Module;
}
