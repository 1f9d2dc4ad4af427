import { errorMessage } from '../../core/errors/error-message.ts';
import type { GateIdentity } from '../../core/evidence/snapshot.ts';
import type { GitHubClient } from '../octokit-client.ts';
import type { RepoRef } from '../repository.ts';
import { setCommitStatus } from './commit-status.ts';
import { publishLivingComment } from './living-comment.ts';
import { acknowledgeComments } from './reactions.ts';
import { WriteGuard } from './write-guard.ts';
import type { PullRequestWrites, StatusWrite } from './write-plan.ts';

interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
}

/** A write GitHub refused or answered badly, named so that the person reading the log knows which. */
export class WriteFailed extends Error {
  readonly write: string;
  readonly reason: unknown;
  constructor(write: string, reason: unknown) {
    super(`could not ${write}: ${errorMessage(reason)}`);
    this.write = write;
    this.reason = reason;
  }
}

async function named<T>(write: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new WriteFailed(write, error);
  }
}

export interface Published {
  commentUrl: string;
  status: 'posted' | 'unchanged' | 'none';
}

/**
 * The one place the gate writes to GitHub. Every write goes through a guard, so that a PR's
 * evaluation that ran past its budget can write nothing more.
 */
export interface Publisher {
  pullRequest(writes: PullRequestWrites, guard?: WriteGuard): Promise<Published>;
  status(write: StatusWrite, guard?: WriteGuard): Promise<'posted' | 'unchanged'>;
}

export function createPublisher(client: GitHubClient, repo: RepoRef, identity: GateIdentity, log: PublishLog): Publisher {
  const status = async (write: StatusWrite, guard = new WriteGuard(), targetUrl = write.targetUrl) => {
    const target = { repo, sha: write.sha, context: write.context, identity };
    const posted = await guard.write(() => named(`set the \`${write.context}\` status`, () => setCommitStatus(client, target, { state: write.state, description: write.description, targetUrl }, write.previous)));
    log.info(`Status ${write.context} ${posted === 'posted' ? 'set' : 'already'} ${write.state} on ${write.sha.slice(0, 7)}.`);
    return posted;
  };

  const pullRequest = async (writes: PullRequestWrites, guard = new WriteGuard()): Promise<Published> => {
    let commentUrl = '';
    if (writes.comment) {
      const { body, known } = writes.comment;
      const comment = await guard.write(() => named('write the readiness comment', () => publishLivingComment(client, { repo, number: writes.number, identity }, body, known)));
      log.info(`Living comment ${comment.action}: ${comment.url}`);
      commentUrl = comment.url;
    }
    if (writes.reactTo.length > 0) {
      try {
        await guard.write(() => acknowledgeComments(client, repo, writes.reactTo));
      } catch (error) {
        // The reaction is a courtesy; the sign-off already counts.
        log.warning(`Could not react to the sign-off comment(s): ${errorMessage(error)}`);
      }
    }
    if (writes.reminder) {
      const body = writes.reminder.body;
      await guard.write(() => named('post the reminder', () => client.rest.issues.createComment({ ...repo, issue_number: writes.number, body })));
      log.info(`Reminded ${writes.reminder.roles.join(', ')}.`);
    }
    if (!writes.status) return { commentUrl, status: 'none' };
    return { commentUrl, status: await status(writes.status, guard, commentUrl || writes.status.targetUrl) };
  };

  return { pullRequest, status: (write, guard) => status(write, guard) };
}
