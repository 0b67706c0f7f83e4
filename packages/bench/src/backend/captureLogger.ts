import type { RootLoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { EventEmitter } from 'node:events';

/**
 * A root logger that hands the collection runner's cycle summaries to the benchmark
 * (they carry the cycle's timings as structured fields) and prints only warnings and
 * errors, so a failing source is never hidden behind fast figures.
 */
export class CaptureLogger implements RootLoggerService {
  constructor(
    readonly events = new EventEmitter(),
    private readonly meta: JsonObject = {},
  ) {}

  info(message: string, meta?: Error | JsonObject): void {
    if (process.env.BENCH_DEBUG) this.print('info', message, meta);
    if (meta && !(meta instanceof Error) && 'totalMs' in meta) {
      this.events.emit('cycle', { message, ...meta });
    }
  }

  warn(message: string, meta?: Error | JsonObject): void {
    this.print('warn', message, meta);
  }

  error(message: string, meta?: Error | JsonObject): void {
    this.print('error', message, meta);
  }

  debug(): void {}

  child(meta: JsonObject): CaptureLogger {
    return new CaptureLogger(this.events, { ...this.meta, ...meta });
  }

  private print(level: string, message: string, meta?: Error | JsonObject) {
    const where = [this.meta.plugin, this.meta.source ?? this.meta.taskId]
      .filter(Boolean)
      .join('/');
    const detail = meta instanceof Error ? ` ${meta.message}` : '';
    process.stderr.write(
      `${new Date()
        .toISOString()
        .slice(14, 23)} [backend ${level}] ${where} ${message}${detail}\n`,
    );
  }
}
