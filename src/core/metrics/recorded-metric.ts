/** The commit status in which the action records a metric measured in the CI job. */
export function metricContext(id: string): string {
  return `release-readiness/metric/${id}`;
}

/**
 * "7.4 ms", "0.25%", "1200": the description of a recorded figure. The number comes first and
 * is written exactly (the shortest text that reads back as the same double), so that the check,
 * which reads the first number, never gets a rounded figure that could cross `min` or `max`.
 */
export function recordedMetricDescription(value: number, unit: string | null): string {
  const written = String(value);
  if (!unit) return written;
  return unit === '%' ? `${written}%` : `${written} ${unit}`;
}
