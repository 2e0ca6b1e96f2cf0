// `xlcfg check --jobs N`: the files are checked by N threads: the main thread and N-1 worker threads,
// each a copy of this very bundle (dist/cli.js is one CommonJS file: the worker re-enters it with
// workerData and runs workerMain instead of the command line). The main thread hands out chunks of
// file indexes, checks chunks itself between the workers' replies (on a machine with N cores an idle
// main thread would leave one core to the others' start-up and messages only), keeps each outcome at
// its file's index (the output order is the sorted order, whatever finishes first) and draws a
// progress line on stderr when stderr is a terminal.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { UsageError, type ParsedArgs } from './args';
import { FileError } from './io';
import { checkFile, type FileOutcome, type FixMode } from './check-file';

/** What a worker is started with. */
interface WorkerInit { xlcfgCheckWorker: true; args: SerialArgs; files: string[]; mode: FixMode }
interface SerialArgs { command: string; files: string[]; flags: string[]; values: [string, string][] }
type Reply = { done: { index: number; outcome: FileOutcome }[] } | { error: { kind: 'usage' | 'file' | 'other'; message: string } };

const CHUNK = 16;

const serial = (a: ParsedArgs): SerialArgs => ({ command: a.command, files: a.files, flags: [...a.flags], values: [...a.values] });
const parsed = (s: SerialArgs): ParsedArgs => ({ command: s.command, files: s.files, flags: new Set(s.flags), values: new Map(s.values) });

/** True in a worker started by runPool: the caller runs workerMain and nothing else. */
export const isCheckWorker = (): boolean => !isMainThread && (workerData as WorkerInit | undefined)?.xlcfgCheckWorker === true;

/** The worker's loop: check the files of each chunk it is sent, reply with the outcomes. */
export function workerMain(): void {
  const init = workerData as WorkerInit;
  const args = parsed(init.args);
  parentPort!.on('message', (indexes: number[] | null) => {
    if (indexes === null) { parentPort!.close(); return; }
    let reply: Reply;
    try {
      reply = { done: indexes.map((index) => ({ index, outcome: checkFile(args, init.files[index]!, init.mode) })) };
    } catch (e) {
      const kind = e instanceof UsageError ? 'usage' : e instanceof FileError ? 'file' : 'other';
      reply = { error: { kind, message: kind === 'other' ? String((e as Error).stack ?? e) : (e as Error).message } };
    }
    parentPort!.postMessage(reply);
  });
}

/** Progress on stderr, at most ten times a second, only on a terminal. */
export class Progress {
  private readonly on = process.stderr.isTTY === true;
  private readonly t0 = Date.now();
  private last = 0;
  constructor(private readonly total: number) {}
  update(done: number, force = false): void {
    if (!this.on) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const rate = Math.round(done / Math.max((now - this.t0) / 1000, 1e-3));
    process.stderr.write(`\r  ${done}/${this.total} configs, ${rate}/s\x1b[K`);
  }
  /** Clears the line before the summary is printed. */
  end(): void {
    if (this.on) process.stderr.write('\r\x1b[K');
  }
}

/** Checks `files` with `jobs` threads (this one and jobs-1 workers); the outcomes in the order of the files. */
export function runPool(args: ParsedArgs, files: readonly string[], mode: FixMode, jobs: number, progress: Progress): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const out: FileOutcome[] = new Array(files.length);
    let next = 0, done = 0, failed = false, finished = false;
    const workers: Worker[] = [];
    const init: WorkerInit = { xlcfgCheckWorker: true, args: serial(args), files: [...files], mode };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const take = (): number[] => {
      const chunk: number[] = [];
      while (chunk.length < CHUNK && next < files.length) chunk.push(next++);
      return chunk;
    };
    const feed = (w: Worker) => {
      const chunk = take();
      w.postMessage(chunk.length ? chunk : null);
    };
    let exited = 0;
    const count = Math.max(0, Math.min(jobs - 1, Math.ceil(files.length / CHUNK) - 1));
    const finish = () => {
      if (finished || failed || exited < count || next < files.length) return;
      finished = true;
      if (done === files.length) resolve(out);
      else fail(new Error(`the workers stopped after ${done} of ${files.length} files`));
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(__filename, { workerData: init });
      workers.push(w);
      w.on('message', (r: Reply) => {
        if ('error' in r) {
          fail(r.error.kind === 'usage' ? new UsageError(r.error.message) : r.error.kind === 'file' ? new FileError(r.error.message) : new Error(r.error.message));
          return;
        }
        for (const d of r.done) out[d.index] = d.outcome;
        done += r.done.length;
        progress.update(done);
        feed(w);
      });
      w.on('error', fail);
      w.on('exit', () => { exited++; finish(); });
      feed(w);
    }
    // This thread's share: a chunk at a time, yielding to the workers' messages in between.
    const own = () => {
      if (failed) return;
      const chunk = take();
      if (!chunk.length) { finish(); return; }
      try {
        for (const index of chunk) out[index] = checkFile(args, files[index]!, mode);
      } catch (e) {
        fail(e as Error);
        return;
      }
      done += chunk.length;
      progress.update(done);
      setImmediate(own);
    };
    setImmediate(own);
  });
}
