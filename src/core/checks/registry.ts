import { CHECK_KINDS, type CheckConfig, type CheckKind } from '../config/schema.ts';
import type { CheckKindModule } from './check-kind.ts';
import { codeScanningCheck, dependabotCheck, secretScanningCheck } from './alerts-check.ts';
import { ciCheck } from './ci-check.ts';
import { coverageCheck } from './coverage-check.ts';
import { filesCheck } from './files-check.ts';
import { labelsCheck } from './labels-check.ts';
import { prBodyCheck } from './pr-body-check.ts';
import { reviewsCheck } from './reviews-check.ts';
import { signoffCheck } from './signoff-check.ts';

const MODULES: Record<CheckKind, CheckKindModule> = {
  ci: ciCheck,
  reviews: reviewsCheck,
  signoff: signoffCheck,
  coverage: coverageCheck,
  dependabot: dependabotCheck,
  secret_scanning: secretScanningCheck,
  code_scanning: codeScanningCheck,
  files: filesCheck,
  pr_body: prBodyCheck,
  labels: labelsCheck,
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
