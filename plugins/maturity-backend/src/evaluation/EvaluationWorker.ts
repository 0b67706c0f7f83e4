import { Worker } from 'node:worker_threads';
import type {
  ChunkAnswer,
  ChunkRequest,
  RubricRecipe,
  WorkerReady,
} from './workerProtocol';
import type { EncodedEntityEvaluation } from '../database/MaturityStore';

/**
 * The worker's heap limit. It holds the rubric and the chunks in flight (three at most,
 * tens of megabytes); the cap stops V8 from letting the worker's garbage grow the
 * backend's memory the way an unbounded heap would. A chunk that needs more fails and is
 * evaluated on the main thread.
 */
const WORKER_HEAP_MB = 256;

type Pending = {
  resolve: (evaluations: EncodedEntityEvaluation[]) => void;
  reject: (error: Error) => void;
};

/**
 * The main thread's side of the evaluation worker: starts it with a rubric recipe,
 * checks that it built the same rubric, and sends it chunks to evaluate. Any failure of
 * the worker (it exits, runs out of memory, cannot build the rubric) rejects what is in
 * flight, and the Evaluator evaluates on the main thread instead.
 */
export class EvaluationWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: ChunkAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.evaluations);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', code =>
      fail(new Error(`the evaluation worker exited with code ${code}`)),
    );
  }

  /**
   * Starts a worker and waits until it has built its rubric. Rejects unless that rubric
   * has the version the backend's has: a different rubric would store different results.
   */
  static async start(
    recipe: RubricRecipe,
    rubricVersion: string,
    options: { heapMb?: number } = {},
  ): Promise<EvaluationWorker> {
    const worker = new Worker(workerEntry(), {
      workerData: recipe,
      execArgv: workerExecArgv(),
      resourceLimits: {
        maxOldGenerationSizeMb: options.heapMb ?? WORKER_HEAP_MB,
      },
    });
    let onExit: ((code: number) => void) | undefined;
    let onError: ((error: Error) => void) | undefined;
    try {
      const ready = await new Promise<WorkerReady>((resolve, reject) => {
        onError = reject;
        onExit = code =>
          reject(new Error(`the evaluation worker exited with code ${code}`));
        worker.once('message', resolve);
        worker.once('error', onError);
        worker.once('exit', onExit);
      });
      if (ready.type === 'failed') throw new Error(ready.message);
      if (ready.rubricVersion !== rubricVersion) {
        throw new Error(
          `the evaluation worker built rubric ${ready.rubricVersion}, not ${rubricVersion}`,
        );
      }
    } catch (error) {
      await worker.terminate();
      throw error;
    } finally {
      // Only these: removing every listener would also remove the ones Node's Worker
      // uses to start its message port, and no answer would ever arrive.
      worker.off('error', onError!);
      worker.off('exit', onExit!);
    }
    // An idle worker must not keep the backend's process alive at shutdown; one with a
    // chunk in flight must (see evaluate).
    worker.unref();
    return new EvaluationWorker(worker);
  }

  evaluate(
    request: Omit<ChunkRequest, 'id'>,
  ): Promise<EncodedEntityEvaluation[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } satisfies ChunkRequest);
    });
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the evaluation worker was closed');
    await this.worker.terminate();
  }
}

/**
 * The worker's module, found through this package's own `exports`: the TypeScript source
 * in development, the built file in a build (where it is a separate entry point, since
 * nothing imports it).
 */
function workerEntry(): string {
  return require.resolve('@maturity/plugin-maturity-backend/evaluationWorker');
}

/**
 * A worker inherits the process's Node options, which in development include the hook
 * that compiles TypeScript on load. A process started without it (a test runner that
 * compiles in its own way) gives the worker the hook. Options are given only then:
 * given options must not hold V8's own (such as --expose-gc), which Node refuses for a
 * worker, while inherited ones are taken as they are.
 */
function workerExecArgv(): string[] | undefined {
  if (!workerEntry().endsWith('.ts')) return undefined;
  if (process.execArgv.some(arg => arg.includes('nodeTransform'))) {
    return undefined;
  }
  return [
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
  ];
}
