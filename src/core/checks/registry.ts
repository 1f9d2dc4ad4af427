import { CHECK_KINDS, type CheckConfig, type CheckKind } from '../config/schema.ts';
import type { CheckKindModule } from './check-kind.ts';
import { ciCheck } from './ci-check.ts';
import { reviewsCheck } from './reviews-check.ts';
import { signoffCheck } from './signoff-check.ts';

const MODULES: Record<CheckKind, CheckKindModule> = {
  ci: ciCheck,
  reviews: reviewsCheck,
  signoff: signoffCheck,
};

export function kindOf(check: CheckConfig): CheckKind {
  const kind = CHECK_KINDS.find((candidate) => check[candidate] !== undefined);
  // The schema guarantees exactly one kind per check.
  if (!kind) throw new Error(`check ${check.id} has no kind`);
  return kind;
}

export function moduleFor(check: CheckConfig): CheckKindModule {
  return MODULES[kindOf(check)];
}
