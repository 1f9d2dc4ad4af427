// Every implemented operation, by OpenAPI operationId.
import { activityRoutes } from './activity.ts';
import { appManifestRoutes } from './app-manifests.ts';
import { appRoutes } from './apps.ts';
import { checkRoutes } from './checks.ts';
import { codeScanningRoutes } from './code-scanning.ts';
import { collaboratorRoutes } from './collaborators.ts';
import { commentRoutes } from './comments.ts';
import { compareRoutes } from './compare.ts';
import { contentRoutes } from './contents.ts';
import { deploymentCreateRoutes } from './deployment-create.ts';
import { deploymentStatusRoutes } from './deployment-statuses.ts';
import { deploymentProtectionRoutes } from './deployment-protection.ts';
import { deploymentRoutes } from './deployments.ts';
import { dependabotRoutes } from './dependabot.ts';
import { pullRoutes } from './pulls.ts';
import { repoRoutes } from './repos.ts';
import { secretScanningRoutes } from './secret-scanning.ts';
import { statusRoutes } from './statuses.ts';
import { teamRoutes } from './teams.ts';
import { treeRoutes } from './trees.ts';
import { gitCommitRoutes } from './git-commits.ts';
import { userRoutes } from './users.ts';
import type { CredentialFreeRouteTable, RouteTable } from './types.ts';

/** The routes of the operations GitHub serves without a credential; with one they are ordinary routes too. */
export const credentialFreeRoutes: CredentialFreeRouteTable = {
  ...appManifestRoutes,
};

export const routes: RouteTable = {
  ...repoRoutes,
  ...activityRoutes,
  ...pullRoutes,
  ...contentRoutes,
  ...treeRoutes,
  ...gitCommitRoutes,
  ...checkRoutes,
  ...statusRoutes,
  ...commentRoutes,
  ...dependabotRoutes,
  ...secretScanningRoutes,
  ...codeScanningRoutes,
  ...compareRoutes,
  ...deploymentRoutes,
  ...deploymentCreateRoutes,
  ...deploymentStatusRoutes,
  ...collaboratorRoutes,
  ...teamRoutes,
  ...userRoutes,
  ...appRoutes,
  ...deploymentProtectionRoutes,
  ...credentialFreeRoutes,
};
