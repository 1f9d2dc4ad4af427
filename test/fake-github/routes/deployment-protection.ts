// POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule:
// the callback through which a rule's App posts a status report or its
// decision. 204 on success; see state/deployment-protection.ts for the rules.
import { notAccessible } from '../auth.ts';
import { protectionRunIn, reviewProtection } from '../state/deployment-protection.ts';
import type { ReviewBody } from '../state/deployment-protection.ts';
import type { RouteTable } from './types.ts';
import { docsUrl, repoName, unprocessable } from './types.ts';

export const deploymentProtectionRoutes: RouteTable = {
  'actions/review-custom-gates-for-run': (ctx) => {
    const run = protectionRunIn(ctx.store, repoName(ctx), Number(ctx.params.run_id));
    const outcome = reviewProtection(ctx.store, run, { appId: ctx.grant.app?.installationId === undefined ? undefined : ctx.grant.app.appId, login: ctx.actor }, ctx.body as ReviewBody);
    if (outcome.ok) return { status: 204 };
    if (outcome.status === 422) return unprocessable(ctx, outcome.message);
    // Another App's token, a workflow's or a person's: GitHub names the kind of token it refuses.
    return { status: 403, body: { message: notAccessible(ctx.tokenKind), documentation_url: docsUrl(ctx.operation), status: '403' } };
  },
};
