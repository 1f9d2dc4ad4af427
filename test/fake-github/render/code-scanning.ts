// code-scanning-alert-items objects. The most recent instance is the one on
// the ref the list was asked for, as GitHub reports it.
import type { CodeScanningAlertRecord, CodeScanningInstance } from '../state/alert-model.ts';
import type { RepoRecord } from '../state/model.ts';
import type { Json, RenderContext } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

// Where the analysis came from: CodeQL's default workflow, or a tool's own.
function analysis(toolName: string): { key: string; category: string; environment: string } {
  if (toolName === 'CodeQL') {
    const key = '.github/workflows/codeql.yml:analyze';
    return { key, category: '/language:javascript-typescript', environment: '{"language":"javascript-typescript"}' };
  }
  const slug = toolName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { key: `.github/workflows/${slug}.yml:scan`, category: `.github/workflows/${slug}.yml:scan`, environment: '{}' };
}

export function renderCodeScanningAlert(ctx: RenderContext, repo: RepoRecord, alert: CodeScanningAlertRecord, instance: CodeScanningInstance): Json {
  const url = `${ctx.api}/repos/${repo.fullName}/code-scanning/alerts/${alert.number}`;
  const { key, category, environment } = analysis(alert.toolName);
  return {
    number: alert.number,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
    url,
    html_url: `${webOrigin}/${repo.fullName}/security/code-scanning/${alert.number}`,
    instances_url: `${url}/instances`,
    state: alert.state,
    fixed_at: alert.fixedAt,
    dismissed_by: alert.dismissedBy ? renderUser(ctx, alert.dismissedBy) : null,
    dismissed_at: alert.dismissedAt,
    dismissed_reason: alert.dismissedReason,
    dismissed_comment: null,
    rule: {
      id: alert.ruleId,
      severity: alert.ruleSeverity,
      description: `Rule ${alert.ruleId}`,
      name: alert.ruleId,
      tags: alert.securitySeverityLevel ? ['security'] : ['maintainability'],
      security_severity_level: alert.securitySeverityLevel,
    },
    tool: { name: alert.toolName, guid: null, version: alert.toolVersion },
    most_recent_instance: {
      ref: instance.ref,
      analysis_key: key,
      environment,
      category,
      state: alert.state,
      commit_sha: instance.commitSha,
      message: { text: alert.message },
      location: { path: alert.path, start_line: alert.startLine, end_line: alert.startLine, start_column: 1, end_column: 1 },
      classifications: [],
    },
    dismissal_approved_by: null,
    assignees: [],
  };
}
