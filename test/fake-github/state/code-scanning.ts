// Code scanning alerts: a rule's finding at a location, found by an analysis
// of one or more refs (a branch, a pull request's merge ref).
import { sha1 } from '../ids.ts';
import type {
  AdvisorySeverity,
  CodeScanningAlertRecord,
  CodeScanningAlertState,
  CodeScanningDismissedReason,
  CodeScanningRuleSeverity,
} from './alert-model.ts';
import type { RepoRecord } from './model.ts';
import type { Store } from './store.ts';

export interface CodeScanningAlertOptions {
  /** refs/heads/main, refs/pull/7/merge, or a plain branch name; several if found on each. */
  ref: string | string[];
  ruleId: string;
  ruleSeverity: CodeScanningRuleSeverity;
  securitySeverityLevel?: AdvisorySeverity | null;
  /** Defaults to CodeQL. */
  toolName?: string;
  toolVersion?: string | null;
  state?: CodeScanningAlertState;
  /** Defaults to src/index.ts. */
  path?: string;
  startLine?: number;
  message?: string;
}

export interface CodeScanningStateOptions {
  by?: string | null;
  reason?: CodeScanningDismissedReason;
}

/** GitHub takes a branch as refs/heads/<name> or just <name>. */
export function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/heads/${ref}`;
}

/**
 * The commit an analysis of `ref` ran on: a branch tip, a pull request's head,
 * or its test merge commit (the SHA runner-context gives a pull_request run).
 */
function analysedCommit(store: Store, repo: RepoRecord, ref: string): string {
  const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  const tip = branch ? repo.branches.get(branch) : undefined;
  if (tip) return tip;
  const pull = /^refs\/pull\/(\d+)\/(merge|head)$/.exec(ref);
  const issue = pull ? repo.issues.get(Number(pull[1])) : undefined;
  if (pull && issue?.pull) {
    const head = store.headSha(issue);
    if (pull[2] === 'head') return head;
    return sha1(`merge ${head} into ${repo.branches.get(issue.pull.base) ?? ''}`);
  }
  // A ref the fake has no commit for: still a stable, well-formed SHA.
  return sha1(`analysed ${repo.fullName} ${ref}`);
}

export function addCodeScanningAlert(store: Store, repoName: string, options: CodeScanningAlertOptions): CodeScanningAlertRecord {
  const repo = store.repo(repoName);
  const alerts = store.security(repoName).codeScanning;
  const refs = [...new Set((Array.isArray(options.ref) ? options.ref : [options.ref]).map(fullRef))];
  if (refs.length === 0) throw new Error('A code scanning alert is found on at least one ref');
  const now = store.clock.tick();
  const toolName = options.toolName ?? 'CodeQL';
  const alert: CodeScanningAlertRecord = {
    number: alerts.length + 1,
    state: 'open',
    ruleId: options.ruleId,
    ruleSeverity: options.ruleSeverity,
    securitySeverityLevel: options.securitySeverityLevel ?? null,
    toolName,
    toolVersion: options.toolVersion !== undefined ? options.toolVersion : toolName === 'CodeQL' ? '2.20.1' : null,
    instances: refs.map((ref) => ({ ref, commitSha: analysedCommit(store, repo, ref) })),
    path: options.path ?? 'src/index.ts',
    startLine: options.startLine ?? 1,
    message: options.message ?? `Result of ${options.ruleId}`,
    createdAt: now,
    updatedAt: now,
    fixedAt: null,
    dismissedAt: null,
    dismissedBy: null,
    dismissedReason: null,
  };
  alerts.push(alert);
  if (options.state && options.state !== 'open') applyState(store, alert, options.state, {}, now);
  return alert;
}

export function setCodeScanningAlertState(store: Store, repoName: string, number: number, state: CodeScanningAlertState, options: CodeScanningStateOptions = {}): CodeScanningAlertRecord {
  const alert = store.security(repoName).codeScanning.find((a) => a.number === number);
  if (!alert) throw new Error(`No code scanning alert #${number} in ${repoName}`);
  applyState(store, alert, state, options, store.clock.tick());
  return alert;
}

function applyState(store: Store, alert: CodeScanningAlertRecord, state: CodeScanningAlertState, options: CodeScanningStateOptions, now: string): void {
  const dismissed = state === 'dismissed';
  Object.assign(alert, {
    state,
    updatedAt: now,
    fixedAt: state === 'fixed' ? now : null,
    dismissedAt: dismissed ? now : null,
    dismissedBy: dismissed && options.by ? store.user(options.by).login : null,
    dismissedReason: dismissed ? (options.reason ?? 'false positive') : null,
  });
}
