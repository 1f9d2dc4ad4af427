// secret-scanning-alert objects. `hide_secret` leaves the literal out.
import type { SecretScanningAlertRecord } from '../state/alert-model.ts';
import type { RepoRecord } from '../state/model.ts';
import type { Json, RenderContext } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

export function renderSecretScanningAlert(ctx: RenderContext, repo: RepoRecord, alert: SecretScanningAlertRecord, hideSecret: boolean): Json {
  const url = `${ctx.api}/repos/${repo.fullName}/secret-scanning/alerts/${alert.number}`;
  return {
    number: alert.number,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
    url,
    html_url: `${webOrigin}/${repo.fullName}/security/secret-scanning/${alert.number}`,
    locations_url: `${url}/locations`,
    state: alert.state,
    secret_type: alert.secretType,
    secret_type_display_name: alert.secretTypeDisplayName,
    provider: alert.provider,
    provider_slug: alert.providerSlug,
    ...(hideSecret ? {} : { secret: alert.secret }),
    validity: 'unknown',
    resolution: alert.resolution,
    resolved_by: alert.resolvedBy ? renderUser(ctx, alert.resolvedBy) : null,
    resolved_at: alert.resolvedAt,
    resolution_comment: null,
    push_protection_bypassed: false,
    push_protection_bypassed_by: null,
    push_protection_bypassed_at: null,
    push_protection_bypass_request_reviewer: null,
    push_protection_bypass_request_reviewer_comment: null,
    push_protection_bypass_request_comment: null,
    push_protection_bypass_request_html_url: null,
    publicly_leaked: false,
    multi_repo: false,
    is_base64_encoded: false,
    first_location_detected: null,
    has_more_locations: false,
    assigned_to: null,
  };
}
