import type { CheckOf } from '../config/schema.ts';
import type { CheckKindModule } from './check-kind.ts';
import { evaluateDeployment } from './deployment-check.ts';
import { evaluateMetric, metricSources } from './metric-check.ts';
import { evaluateProbe } from './probe-check.ts';
import { evaluateWindow } from './window-check.ts';

// The kinds whose evidence is not in the PR: a measured figure, a deployment, a live endpoint, the clock.

export const metricCheck: CheckKindModule<'metric'> = {
  sources: (check) => metricSources(check.metric),
  evaluate: (check, context) => evaluateMetric(check.id, check.metric, context),
};

export const deploymentCheck: CheckKindModule<'deployment'> = {
  // Read as a follow-up, per environment: the plan has nothing to add.
  sources: () => [],
  evaluate: (check, context) => evaluateDeployment(check.deployment, context),
};

export const probeCheck: CheckKindModule<'probe'> = {
  sources: () => [],
  evaluate: (check: CheckOf<'probe'>, context) => evaluateProbe(check.probe, context),
};

export const windowCheck: CheckKindModule<'window'> = {
  sources: () => [],
  evaluate: (check, context) => evaluateWindow(check.window, context),
};
