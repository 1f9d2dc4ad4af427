import type { Evaluation } from '../evaluation/result.ts';
import type { EvidenceSnapshot } from '../evidence/snapshot.ts';

/**
 * The evidence and every decision of one evaluation, as JSON for an audit trail (the step
 * output `report`). It is rebuilt from GitHub on every run; nothing here is state the gate keeps.
 */
export function buildReport(evaluation: Evaluation, snapshot: EvidenceSnapshot) {
  const pr = snapshot.pullRequest;
  return {
    reportVersion: 1,
    repository: `${snapshot.repository.owner}/${snapshot.repository.name}`,
    pullRequest: { number: pr.number, url: pr.htmlUrl, title: pr.title, author: pr.author.login, base: pr.base.ref, head: pr.head.sha },
    evaluatedAt: snapshot.evaluatedAt,
    policy: evaluation.policy,
    applies: evaluation.applies,
    state: evaluation.state,
    description: evaluation.description,
    configErrors: evaluation.configErrors,
    problems: evaluation.problems,
    checks: evaluation.checks.map(({ id, name, required, outcome, summary, fix, waiver }) => ({ id, name, required, outcome, summary, fix: fix ?? null, waiver: waiver ?? null })),
    roles: evaluation.roles.map(({ role, min, users, teams, permission, outcome, because, signatures, stale }) => ({ role, min, users, teams, permission, outcome, because: because ?? null, signatures, stale })),
    waivers: evaluation.waivers,
    ledger: evaluation.ledger,
    forgery: evaluation.forgery,
    policyChange: evaluation.policyChange,
  };
}

export type Report = ReturnType<typeof buildReport>;
