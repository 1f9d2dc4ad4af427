// Stands in for @actions/http-client in the bundle. @actions/core imports it only to fetch
// OIDC tokens (core.getIDToken), which the gate never does; the real client would bring
// undici (~400 KB) into every cold start. Anything that does reach it fails loudly.
function unavailable() {
  throw new Error('@actions/http-client is not bundled with release-readiness (OIDC tokens are not used)');
}
export class HttpClient {
  constructor() {
    unavailable();
  }
}
export class BearerCredentialHandler {
  constructor() {
    unavailable();
  }
}
