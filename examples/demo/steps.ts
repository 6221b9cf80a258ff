// Numbered, announced steps for the demo: each says what it does, and a
// failure says which step failed and why, without a stack trace.

export class StepFailure extends Error {
  override readonly name = 'StepFailure';
}

export interface StepRunner {
  step<T>(title: string, run: () => Promise<T>): Promise<T>;
}

export function createStepRunner(total: number, out: (line: string) => void): StepRunner {
  let n = 0;
  return {
    async step<T>(title: string, run: () => Promise<T>): Promise<T> {
      n += 1;
      out(`\n==> [${n}/${total}] ${title}`);
      try {
        return await run();
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new StepFailure(`step ${n}/${total} "${title}" failed: ${why}`);
      }
    },
  };
}
