/**
 * A small pool of worker threads, one job at a time each: `run` queues a job and resolves with
 * its result; `close` ends the threads. A thread that fails takes its job down with a clear
 * error rather than hanging the build.
 *
 * `sharedPool` hands out one pool for a script and its settings to every loader that asks while
 * it is open, so two collections loading side by side share one thread per core instead of
 * starting twice as many (each thread pays for loading the Markdown pipeline).
 */
import { Worker } from 'node:worker_threads';

interface Pending<R> {
  resolve(result: R): void;
  reject(error: Error): void;
}

export class WorkerPool<J, R> {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { id: number; job: J }[] = [];
  readonly #pending = new Map<number, Pending<R>>();
  readonly #busy = new Map<Worker, number>();
  #next = 0;

  constructor(script: URL, size: number, workerData: unknown) {
    const name = script.pathname.split('/').pop();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData });
      worker.on('message', ({ id, result, error }: { id: number; result?: R; error?: string }) => {
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        this.#busy.delete(worker);
        if (error !== undefined) pending?.reject(new Error(error));
        else pending?.resolve(result as R);
        this.#idle.push(worker);
        this.#dispatch();
      });
      worker.on('error', (error) => this.#fail(worker, error));
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(worker, new Error(`a worker thread (${name}) stopped with exit code ${code}`));
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  run(job: J): Promise<R> {
    const id = this.#next++;
    const result = new Promise<R>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    this.#queue.push({ id, job });
    this.#dispatch();
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length && this.#queue.length) {
      const worker = this.#idle.pop()!;
      const { id, job } = this.#queue.shift()!;
      this.#busy.set(worker, id);
      worker.postMessage({ id, job });
    }
  }

  #fail(worker: Worker, error: Error): void {
    const id = this.#busy.get(worker);
    if (id !== undefined) this.#pending.get(id)?.reject(error);
    // Everything still queued would wait forever on a pool that lost a thread: fail it too.
    for (const { id: queued } of this.#queue.splice(0)) this.#pending.get(queued)?.reject(error);
  }
}

const shared = new Map<string, { pool: WorkerPool<unknown, unknown>; users: number }>();

/**
 * The pool for `script` and `workerData` (compared as JSON), opened on first use. Call the
 * returned `release` when done; the last user's release ends the threads.
 */
export function sharedPool<J, R>(
  script: URL,
  size: number,
  workerData: unknown,
): { pool: WorkerPool<J, R>; release(): Promise<void> } {
  const key = `${script.href}\n${JSON.stringify(workerData)}`;
  let entry = shared.get(key);
  if (!entry) shared.set(key, (entry = { pool: new WorkerPool(script, size, workerData), users: 0 }));
  entry.users++;
  let released = false;
  return {
    pool: entry.pool as WorkerPool<J, R>,
    async release() {
      if (released) return;
      released = true;
      if (--entry.users === 0) {
        shared.delete(key);
        await entry.pool.close();
      }
    },
  };
}
