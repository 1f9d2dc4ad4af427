// `installation` objects (what an App's JWT reads about where it is installed).
import type { InstallationRecord } from '../state/apps.ts';
import type { Json, RenderContext } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

export function renderInstallation(ctx: RenderContext, installation: InstallationRecord): Json {
  const account = ctx.store.user(installation.account);
  const registration = ctx.store.appRegistrations.get(installation.appId);
  if (!registration) throw new Error(`No App ${installation.appId}`);
  // An organisation's installations are managed from its settings, a person's from their own.
  const settings = account.type === 'Organization' ? `${webOrigin}/organizations/${account.login}/settings` : `${webOrigin}/settings`;
  return {
    id: installation.id,
    client_id: registration.clientId,
    account: renderUser(ctx, account),
    repository_selection: installation.selection,
    access_tokens_url: `${ctx.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.api}/installation/repositories`,
    html_url: `${settings}/installations/${installation.id}`,
    app_id: installation.appId,
    app_slug: registration.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.createdAt,
    updated_at: installation.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
