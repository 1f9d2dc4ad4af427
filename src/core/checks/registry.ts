import type { CheckConfig, CheckKind, CheckOf } from '../config/schema.ts';
import type { PlannedSource } from '../evidence/snapshot.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';
import { codeScanningCheck, dependabotCheck, secretScanningCheck } from './alerts-check.ts';
import { ciCheck } from './ci-check.ts';
import { coverageCheck } from './coverage-check.ts';
import { filesCheck } from './files-check.ts';
import { labelsCheck } from './labels-check.ts';
import { prBodyCheck } from './pr-body-check.ts';
import { reviewsCheck } from './reviews-check.ts';
import { signoffCheck } from './signoff-check.ts';
import { deploymentCheck, metricCheck, probeCheck, windowCheck } from './timed-checks.ts';

const MODULES: { [K in CheckKind]: CheckKindModule<K> } = {
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
  metric: metricCheck,
  deployment: deploymentCheck,
  probe: probeCheck,
  window: windowCheck,
};

// The kind and the check travel together as one type parameter, so the module of a kind only
// ever gets checks of that kind (https://github.com/microsoft/TypeScript/pull/47109).
function sourcesOf<K extends CheckKind>(kind: K, check: CheckOf<K>): PlannedSource[] {
  const module: CheckKindModule<K> = MODULES[kind];
  return module.sources(check);
}

function verdictOf<K extends CheckKind>(kind: K, check: CheckOf<K>, context: CheckContext): CheckVerdict {
  const module: CheckKindModule<K> = MODULES[kind];
  return module.evaluate(check, context);
}

/** The evidence sources a check needs. */
export function checkSources(check: CheckConfig): PlannedSource[] {
  return sourcesOf(check.kind, check);
}

/** What the check's kind decides about the evidence. */
export function evaluateCheckKind(check: CheckConfig, context: CheckContext): CheckVerdict {
  return verdictOf(check.kind, check, context);
}
