import type { RollupVersion } from '../service/RollupVersion';
import type { ScorecardService } from '../service/ScorecardService';
import { JsonAnswer } from './JsonAnswer';

/** Bytes of gzipped scorecards kept: a few thousand at ~6 KB each. */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Recently read scorecards, encoded and gzipped, for the current rollup version: stored
 * evaluations only change in a cycle or a refresh, and both end with a rollup recompute
 * that moves the version on, which empties the cache. The least recently read go first
 * when it is full.
 */
export class CachedScorecards {
  // A Map iterates in insertion order; a hit is re-inserted, so the first key is the
  // least recently read.
  private readonly answers = new Map<string, JsonAnswer>();
  private bytes = 0;
  private version: string | null = null;

  constructor(
    private readonly scorecards: ScorecardService,
    private readonly rollupVersion: RollupVersion,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  async answer(entityRef: string): Promise<JsonAnswer> {
    const version = await this.rollupVersion.current();
    if (version !== this.version) this.clear(version);
    const hit = this.answers.get(entityRef);
    if (hit) {
      this.answers.delete(entityRef);
      this.answers.set(entityRef, hit);
      return hit;
    }
    const scorecard = await this.scorecards.getScorecard(entityRef);
    const meanwhile = this.answers.get(entityRef);
    if (meanwhile) return meanwhile;
    // Before the first rollup there is no version to key on; nor after one moved on
    // while this scorecard was being read.
    if (version === null || version !== this.version)
      return JsonAnswer.of(scorecard);
    const answer = JsonAnswer.compressed(scorecard);
    this.answers.set(entityRef, answer);
    this.bytes += answer.size;
    for (const [ref, old] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(ref);
      this.bytes -= old.size;
    }
    return answer;
  }

  private clear(version: string | null) {
    this.answers.clear();
    this.bytes = 0;
    this.version = version;
  }
}
