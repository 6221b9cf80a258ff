// Tests wait for a condition, not for a fixed time: a fixed sleep is too long on
// an idle machine and too short on a loaded one (test/lint/no-fixed-sleeps.test.ts).

export interface WaitOptions {
  /** Give up (reject) after this long; default 60 s. */
  timeoutMs?: number;
  /** Poll period; at most 50 ms so a met condition is noticed at once. Default 20 ms. */
  intervalMs?: number;
  /** Named in the timeout error: "gave up waiting for <what>". */
  what?: string;
}

/** Resolves with the first truthy value of `condition` (sync or async), polled every `intervalMs`. */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 20, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, 50)));
  }
}
