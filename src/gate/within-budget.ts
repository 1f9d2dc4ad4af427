import { BudgetExceeded, WriteGuard } from '../github/publish/write-guard.ts';

/**
 * Runs one PR's work within its time budget, so that one slow or hostile PR cannot keep a
 * run over many from reaching the others. Past the budget the work may write nothing more,
 * and the writes already sent are awaited, so that whatever the caller writes next is the
 * last word.
 */
export async function withinBudget<T>(budgetMs: number, work: (guard: WriteGuard) => Promise<T>): Promise<T> {
  const guard = new WriteGuard();
  let timer: NodeJS.Timeout | undefined;
  const seconds = Math.round(budgetMs / 1000);
  const budget = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const reason = `the evaluation took longer than ${seconds} s, the budget of one pull request`;
      void guard.close(reason).then(() => reject(new BudgetExceeded(reason)));
    }, budgetMs);
  });
  const working = work(guard);
  // The work may still fail after the budget has been given up on: nothing waits for it.
  working.catch(() => {});
  try {
    return await Promise.race([working, budget]);
  } finally {
    clearTimeout(timer);
  }
}
