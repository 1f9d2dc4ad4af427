import { notYetRead } from '../evidence/lookups.ts';
import { probeTarget, type ProbeRule } from '../evidence/probe-rule.ts';
import { code, rich } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { unknownVerdict, type CheckContext, type CheckVerdict } from './check-kind.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * A live endpoint answers as the policy expects, or its certificate is valid long enough, as the
 * runner found it at `at`. An endpoint the runner cannot reach is `unknown`: that says nothing
 * about the endpoint, and blocks.
 */
export function evaluateProbe(rule: ProbeRule, context: CheckContext): CheckVerdict {
  const target = probeTarget(rule);
  const shown = code(target);
  const found = context.lookups.probe(rule);
  if (found === undefined) return unknownVerdict(notYetRead(`the probe of ${target}`));
  if (!found.ok) return unknownVerdict(found.problem);
  const fact = found.value;
  if (fact.outcome === 'pass') {
    // The runner probed it: no account wrote this evidence.
    const evidence = [{ kind: 'probe' as const, name: target, url: fact.kind === 'http' ? fact.url : null, writer: null }];
    return { outcome: 'pass', summary: rich`${shown}: ${fact.detail} (${when(fact.at)})`, evidence };
  }
  if (fact.outcome === 'unreachable') {
    return unknownVerdict({
      what: `the probe of ${target}`,
      message: fact.detail,
      fix: 'Check that the endpoint is up and that the runner can reach it (its network, a proxy, a firewall); the next run probes it again.',
    });
  }
  return {
    outcome: 'fail',
    summary: rich`${shown}: ${fact.detail} (${when(fact.at)})`,
    fix: 'tls' in rule ? rich`Renew the certificate of ${code(target)}.` : rich`Make ${code(target)} answer as expected; the next run probes it again.`,
    todos: [todo({ kind: 'maintainers' }, 'tls' in rule ? rich`Renew the certificate of ${code(target)}` : rich`Fix the endpoint ${code(target)}`)],
    blocker: 'tls' in rule ? `certificate of ${target}` : `probe of ${target}`,
  };
}
