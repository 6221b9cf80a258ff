/** Per-operation counters exposed by stats() and GET /_emulator/stats. */
import type { CountByOperation, EmulatorStats } from './types';

export type Outcome = 'succeeded' | 'throttled' | 'faulted';

export class StatsRecorder {
  private data: EmulatorStats = StatsRecorder.empty();

  private static empty(): EmulatorStats {
    return { calls: {}, succeeded: {}, throttled: {}, faulted: {}, merges: 0 };
  }

  private static bump(counts: CountByOperation, operation: string): void {
    counts[operation] = (counts[operation] ?? 0) + 1;
  }

  call(operation: string): void {
    StatsRecorder.bump(this.data.calls, operation);
  }

  outcome(operation: string, outcome: Outcome): void {
    StatsRecorder.bump(this.data[outcome], operation);
  }

  merge(): void {
    this.data.merges += 1;
  }

  /** A deep copy, so callers cannot change the counters. */
  snapshot(): EmulatorStats {
    return JSON.parse(JSON.stringify(this.data)) as EmulatorStats;
  }

  reset(): void {
    this.data = StatsRecorder.empty();
  }
}
