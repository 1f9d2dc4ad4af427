// The fake's state as plain records. Renderers turn them into API objects, so a
// record holds facts only (no URLs, no derived counts).

export type UserType = 'User' | 'Bot' | 'Organization';

export type AuthorAssociation =
  | 'COLLABORATOR'
  | 'CONTRIBUTOR'
  | 'FIRST_TIMER'
  | 'FIRST_TIME_CONTRIBUTOR'
  | 'MANNEQUIN'
  | 'MEMBER'
  | 'NONE'
  | 'OWNER';

export interface UserRecord {
  login: string;
  id: number;
  nodeId: string;
  type: UserType;
  /** Used for author_association on repositories the user does not own. */
  association: AuthorAssociation;
}

export interface CommitRecord {
  sha: string;
  parents: string[];
  /** The whole tree: path → content. */
  files: Map<string, string>;
  message: string;
  author: string;
  /** Author date. */
  date: string;
  /** Who committed it and when, when not the author at the author date (an amended or rebased commit). */
  committer?: string;
  committedAt?: string;
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  branches: Map<string, string>;
  labels: Map<string, LabelRecord>;
  /** Repository-specific overrides of a user's author_association. */
  associations: Map<string, AuthorAssociation>;
  /** Issues and pull requests share this numbering. */
  lastNumber: number;
  issues: Map<number, IssueRecord>;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  forkOf?: string;
}

export interface IssueRecord {
  number: number;
  /** Issue id; a pull request also has its own `pull.id`. */
  id: number;
  nodeId: string;
  title: string;
  body: string | null;
  author: string;
  labels: string[];
  state: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  pull?: PullFacts;
}

export interface PullFacts {
  id: number;
  nodeId: string;
  base: string;
  head: string;
  /** Full name of the repository holding the head branch (a fork, or the same). */
  headRepo: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  /** Head SHA when the pull request was closed; later pushes no longer move it. */
  frozenHeadSha?: string;
  /** Base branch tip when the pull request was closed: with frozenHeadSha, what its commits were. */
  frozenBaseSha?: string;
  /** The merge commit on the base, when the merge made one (`mergeCommit`). */
  mergeCommitSha?: string;
  /**
   * The last push through the world API: a synchronize payload's `before` is
   * the previous head, which after an amend or a force push is not the parent.
   */
  lastPush?: { before: string; after: string };
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  repo: string;
  issueNumber: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** The GitHub App that posted it on the author's behalf, if any. */
  viaApp?: string;
  /** For `issue_comment.edited` payloads: the body before the last edit, and who edited it. */
  previousBody?: string;
  editedBy?: string;
  /** Every edit, oldest first: GitHub keeps a comment's edit history. */
  edits?: CommentEdit[];
}

export interface CommentEdit {
  by: string;
  at: string;
  previousBody: string;
}

export type ReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';
export const reactionContents: readonly ReactionContent[] = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];

export interface ReactionRecord {
  id: number;
  nodeId: string;
  commentId: number;
  user: string;
  content: ReactionContent;
  createdAt: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ReviewRecord {
  id: number;
  nodeId: string;
  repo: string;
  number: number;
  user: string;
  state: ReviewState;
  body: string;
  commitId: string;
  submittedAt: string;
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface StatusRecord {
  id: number;
  nodeId: string;
  repo: string;
  sha: string;
  context: string;
  state: StatusState;
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export type CheckStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  nodeId: string;
  owner: string;
}

export interface CheckRunRecord {
  id: number;
  nodeId: string;
  repo: string;
  headSha: string;
  name: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  app: string;
  suiteId: number;
  htmlUrl: string | null;
  detailsUrl: string | null;
  externalId: string;
  startedAt: string | null;
  completedAt: string | null;
  /** What a tool reports, e.g. a coverage summary; annotations are counted, not stored. */
  output: { title: string | null; summary: string | null; text: string | null; annotationsCount: number };
}

/** A repository role, as `role_name` reports the built-in ones. */
export type RepoRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

export type TeamRole = 'member' | 'maintainer';
/** `pending`: invited to the organisation, invitation not yet accepted. */
export type TeamMembershipState = 'active' | 'pending';

export interface TeamMember {
  login: string;
  role: TeamRole;
  state: TeamMembershipState;
}

export interface TeamRecord {
  id: number;
  nodeId: string;
  /** The organisation's login. */
  org: string;
  slug: string;
  /** By lower-cased login. */
  members: Map<string, TeamMember>;
}
