// Security alerts of a repository, as plain records (see model.ts). Each kind
// of alert is numbered on its own, from 1, per repository, as on GitHub.

export type AdvisorySeverity = 'low' | 'medium' | 'high' | 'critical';
export type DependabotAlertState = 'auto_dismissed' | 'dismissed' | 'fixed' | 'open';
export type DependabotDismissedReason = 'fix_started' | 'inaccurate' | 'no_bandwidth' | 'not_used' | 'tolerable_risk';
export type DependencyScope = 'development' | 'runtime';
export type DependencyRelationship = 'unknown' | 'direct' | 'transitive' | 'inconclusive';

export interface DependabotAlertRecord {
  number: number;
  state: DependabotAlertState;
  severity: AdvisorySeverity;
  packageName: string;
  ecosystem: string;
  manifestPath: string;
  scope: DependencyScope | null;
  relationship: DependencyRelationship | null;
  ghsaId: string;
  cveId: string | null;
  summary: string;
  classification: 'general' | 'malware';
  vulnerableVersionRange: string;
  firstPatchedVersion: string | null;
  createdAt: string;
  updatedAt: string;
  dismissedAt: string | null;
  dismissedBy: string | null;
  dismissedReason: DependabotDismissedReason | null;
  dismissedComment: string | null;
  fixedAt: string | null;
  autoDismissedAt: string | null;
}

export type SecretScanningAlertState = 'open' | 'resolved';
/** The resolutions GitHub's alert schema allows. */
export type SecretScanningResolution = 'false_positive' | 'wont_fix' | 'revoked' | 'used_in_tests';

export interface SecretScanningAlertRecord {
  number: number;
  state: SecretScanningAlertState;
  resolution: SecretScanningResolution | null;
  secretType: string;
  secretTypeDisplayName: string;
  provider: string | null;
  providerSlug: string | null;
  secret: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** SARIF `level` of the rule, as code scanning reports it in `rule.severity`. */
export type CodeScanningRuleSeverity = 'none' | 'note' | 'warning' | 'error';
export type CodeScanningAlertState = 'open' | 'dismissed' | 'fixed';
export type CodeScanningDismissedReason = 'false positive' | "won't fix" | 'used in tests' | 'mitigated';

/** Where an alert was found: a full ref (refs/heads/main, refs/pull/7/merge) and the analysed commit. */
export interface CodeScanningInstance {
  ref: string;
  commitSha: string;
}

export interface CodeScanningAlertRecord {
  number: number;
  state: CodeScanningAlertState;
  ruleId: string;
  ruleSeverity: CodeScanningRuleSeverity;
  securitySeverityLevel: AdvisorySeverity | null;
  toolName: string;
  toolVersion: string | null;
  instances: CodeScanningInstance[];
  path: string;
  startLine: number;
  message: string;
  createdAt: string;
  updatedAt: string;
  fixedAt: string | null;
  dismissedAt: string | null;
  dismissedBy: string | null;
  dismissedReason: CodeScanningDismissedReason | null;
}

/** A repository's security features and alerts. */
export interface RepoSecurity {
  dependabot: DependabotAlertRecord[];
  secretScanning: SecretScanningAlertRecord[];
  codeScanning: CodeScanningAlertRecord[];
  /** False: no analysis was ever uploaded, so GitHub answers 404 "no analysis found". */
  codeScanningEnabled: boolean;
}
