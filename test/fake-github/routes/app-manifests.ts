// The manifest flow's last step: the code GitHub handed the App's redirect_url
// becomes the App, with its key and secrets, shown this once. GitHub takes no
// credential here: the code, one use within the hour, is the secret.
import { renderApp } from '../render/checks.ts';
import { convertManifest } from '../state/app-manifests.ts';
import type { CredentialFreeRouteTable } from './types.ts';
import { json, notFound, unprocessable } from './types.ts';

export const appManifestRoutes: CredentialFreeRouteTable = {
  'apps/create-from-manifest': (ctx) => {
    const converted = convertManifest(ctx.store, String(ctx.params.code));
    if (converted === 'unknown') return notFound(ctx);
    if (converted === 'taken') return unprocessable(ctx, 'Name has already been taken');
    const { app, clientSecret } = converted;
    return json(201, { ...renderApp(ctx.render, app.slug), client_id: app.clientId, client_secret: clientSecret, webhook_secret: app.webhookSecret, pem: app.privateKey });
  },
};
