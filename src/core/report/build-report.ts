import type { ConfigError } from '../config/config-error.ts';
import type { EvidenceProblem, EvidenceSnapshot } from '../evidence/snapshot.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { plainText, quoted } from '../model/rich-text.ts';

/** Messages that mark code with backticks (problems, config errors), as plain text. */
const plain = (message: string) => plainText(quoted(message));

const plainProblem = ({ what, message, fix, ...rest }: EvidenceProblem): EvidenceProblem => ({ what: plain(what), message: plain(message), fix: plain(fix), ...rest });
const plainConfigError = (error: ConfigError): ConfigError => ({ ...error, message: plain(error.message) });

/**
 * The evidence and every decision of one evaluation, as JSON for an audit trail (the step
 * output `report`, `preview --json`). Its text is plain: no markdown, links as "text (url)".
 * It is rebuilt from GitHub on every run; nothing here is state the gate keeps.
 */
export function buildReport(evaluation: Evaluation, snapshot: EvidenceSnapshot) {
  const pr = snapshot.pullRequest;
  const change = evaluation.policyChange;
  return {
    reportVersion: 1,
    repository: `${snapshot.repository.owner}/${snapshot.repository.name}`,
    pullRequest: { number: pr.number, url: pr.htmlUrl, title: pr.title, author: pr.author.login, base: pr.base.ref, head: pr.head.sha },
    evaluatedAt: snapshot.evaluatedAt,
    policy: evaluation.policy,
    applies: evaluation.applies,
    state: evaluation.state,
    /** The commit status description, as posted. */
    description: evaluation.description,
    configErrors: evaluation.configErrors.map(plainConfigError),
    problems: evaluation.problems.map(plainProblem),
    checks: evaluation.checks.map(({ id, name, required, outcome, summary, fix, waiver }) => ({ id, name, required, outcome, summary: plainText(summary), fix: fix ? plainText(fix) : null, waiver: waiver ?? null })),
    roles: evaluation.roles.map(({ role, min, users, teams, permission, outcome, because, signatures, stale }) => ({
      role,
      min,
      users,
      teams,
      permission,
      outcome,
      because: because ? plainText(because) : null,
      signatures,
      stale,
    })),
    waivers: evaluation.waivers,
    ledger: evaluation.ledger.map((entry) => ({ ...entry, reason: plainText(entry.reason) })),
    forgery: evaluation.forgery,
    policyChange: change && { effects: change.effects.map(plainText), ...(change.problem === undefined ? {} : { problem: plain(change.problem) }) },
  };
}

export type Report = ReturnType<typeof buildReport>;
