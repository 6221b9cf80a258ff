// Clock and summary helpers. Every figure the benchmarks print is a wall
// time from a monotonic clock, summarised by the median so one slow run on a
// busy machine does not move the result.

/** Milliseconds from a monotonic clock (not wall-clock time of day). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = nowMs();
  const result = await run();
  return { result, ms: nowMs() - start };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) throw new Error('median of no values');
  if (sorted.length % 2 === 1) return upper;
  // An even count of at least two: the one below the middle is there too.
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

export function formatRatio(value: number): string {
  return `${value.toFixed(2)}x`;
}

export function goalLabel(met: boolean): string {
  return met ? 'goal met' : 'GOAL NOT MET';
}
