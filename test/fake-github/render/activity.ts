// `activity` objects of the repository activity feed: a branch move with its
// full ref, the SHAs on either side, when it happened and who pushed it.
import type { ActivityRecord } from '../state/activity.ts';
import type { Json, RenderContext } from './context.ts';
import { renderUser } from './user.ts';

export function renderActivity(ctx: RenderContext, a: ActivityRecord): Json {
  return {
    id: a.id,
    node_id: a.nodeId,
    before: a.before,
    after: a.after,
    ref: `refs/heads/${a.branch}`,
    timestamp: a.at,
    activity_type: a.type,
    actor: renderUser(ctx, a.actor),
  };
}
