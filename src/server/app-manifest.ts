/**
 * The GitHub App the server runs as, as a manifest (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest):
 * every permission and event the server needs, and nothing else. docs/app-manifest.json is this
 * for an example host (a test keeps the two the same).
 */
export interface AppManifest {
  name: string;
  url: string;
  description: string;
  hook_attributes: { url: string; active: boolean };
  redirect_url?: string;
  public: boolean;
  default_permissions: Record<string, 'read' | 'write'>;
  default_events: string[];
}

export const MANIFEST_PERMISSIONS: AppManifest['default_permissions'] = {
  contents: 'read',
  pull_requests: 'write',
  issues: 'write',
  statuses: 'write',
  checks: 'read',
  actions: 'read',
  deployments: 'write',
  metadata: 'read',
  vulnerability_alerts: 'read',
  secret_scanning_alerts: 'read',
  security_events: 'read',
  members: 'read',
  // GitHub sends merge_group events only to an App that can read merge queues.
  merge_queues: 'read',
};

export const MANIFEST_EVENTS = [
  'pull_request',
  'pull_request_review',
  'issue_comment',
  'check_suite',
  'check_run',
  'workflow_run',
  'status',
  'merge_group',
  'deployment_status',
  'deployment_protection_rule',
];

export function appManifest(webhookUrl: string, options: { name?: string; redirectUrl?: string } = {}): AppManifest {
  return {
    name: options.name ?? 'Release Readiness',
    url: 'https://github.com/acme/release-readiness',
    description: 'Gates release pull requests and their deployments on a readiness checklist: CI, reviews, alerts, figures and named sign-offs.',
    hook_attributes: { url: webhookUrl, active: true },
    ...(options.redirectUrl ? { redirect_url: options.redirectUrl } : {}),
    public: false,
    default_permissions: { ...MANIFEST_PERMISSIONS },
    default_events: [...MANIFEST_EVENTS],
  };
}
