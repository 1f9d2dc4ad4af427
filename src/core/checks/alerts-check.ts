import type { CheckOf, Severity } from '../config/schema.ts';
import type { AlertFact, PlannedSource } from '../evidence/snapshot.ts';
import { plural } from '../model/phrases.ts';
import { firstFew, link, rich } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { source, unknownVerdict, type CheckKindModule } from './check-kind.ts';

const RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

type AlertKind = 'dependabot' | 'secret_scanning' | 'code_scanning';
type AlertSource = Extract<PlannedSource, 'dependabotAlerts' | 'secretScanningAlerts' | 'codeScanningAlerts'>;

interface AlertRule {
  max: number;
  /** Counted alerts are at or above this severity; none for secrets, which all count. */
  severity?: Severity;
  keep: (alert: AlertFact) => boolean;
}

function alertsCheck<K extends AlertKind>(sourceName: AlertSource, what: string, ruleOf: (check: CheckOf<K>) => AlertRule): CheckKindModule<K> {
  return {
    sources: () => [sourceName],
    evaluate(check, context) {
      const alerts = source(context.snapshot, sourceName);
      if (!alerts.ok) return unknownVerdict(alerts.problem);
      const rule = ruleOf(check);
      const counted = alerts.value.filter(
        (alert) => rule.keep(alert) && (rule.severity === undefined || (alert.severity !== null && RANK[alert.severity] >= RANK[rule.severity])),
      );
      const scope = rule.severity ? ` at or above ${rule.severity}` : '';
      const open = (count: number) => `${plural(count, `open ${what}`)}${scope}`;
      if (counted.length > rule.max) {
        const listed = firstFew(
          counted.map((alert) => link(`#${alert.number} ${alert.title}`, alert.htmlUrl)),
          5,
        );
        const action =
          rule.max === 0
            ? rich`Fix or dismiss ${counted.length === 1 ? `this open ${what}` : `these ${counted.length} open ${what}s`}${scope}`
            : rich`Fix or dismiss ${counted.length - rule.max} of these ${counted.length} open ${what}s${scope} (at most ${rule.max} may stay open)`;
        return {
          outcome: 'fail',
          summary: rich`${open(counted.length)} (at most ${rule.max}): ${listed}`,
          fix: rich`${action}.`,
          todos: [todo(
            { kind: 'security' },
            action,
            counted.map((alert) => rich`${link(`#${alert.number} ${alert.title}`, alert.htmlUrl)}`),
          )],
          blocker: plural(counted.length, what),
        };
      }
      // GitHub keeps the alerts: the count is read from its API, no account wrote it.
      return { outcome: 'pass', summary: rich`${open(counted.length)} (at most ${rule.max})`, evidence: [{ kind: 'alerts', name: `${what}s`, url: null, writer: null }] };
    },
  };
}

export const dependabotCheck = alertsCheck<'dependabot'>('dependabotAlerts', 'Dependabot alert', (check) => {
  const { severity, max, scope } = check.dependabot;
  // An alert whose scope GitHub does not know still counts: unknown is not "development".
  return { severity, max, keep: (alert) => scope === undefined || alert.scope === scope || alert.scope === null || alert.scope === undefined };
});

export const secretScanningCheck = alertsCheck<'secret_scanning'>('secretScanningAlerts', 'secret-scanning alert', (check) => ({
  max: check.secret_scanning.max,
  keep: () => true,
}));

export const codeScanningCheck = alertsCheck<'code_scanning'>('codeScanningAlerts', 'code-scanning alert', (check) => {
  const { severity, max, tool } = check.code_scanning;
  return { severity, max, keep: (alert) => tool === undefined || alert.tool?.toLowerCase() === tool.toLowerCase() };
});
