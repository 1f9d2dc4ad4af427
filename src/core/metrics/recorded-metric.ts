/** The commit status in which the action records a metric measured in the CI job. */
export function metricContext(id: string): string {
  return `release-readiness/metric/${id}`;
}
