import { compileGlob } from '../config/patterns.ts';
import type { CheckConfig } from '../config/schema.ts';
import type { PlannedSource } from '../evidence/snapshot.ts';
import { shortSha, source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';

function sources(check: CheckConfig): PlannedSource[] {
  const { exists, changed } = check.files!;
  return [...(exists ? (['headTree'] as const) : []), ...(changed ? (['changedFiles'] as const) : [])];
}

const quoted = (globs: string[]) => globs.map((glob) => `\`${glob}\``).join(', ');

function evaluateFiles(check: CheckConfig, context: CheckContext): CheckVerdict {
  const { exists = [], changed = [] } = check.files!;
  const { snapshot } = context;
  const head = shortSha(snapshot.pullRequest.head.sha);
  const problems: string[] = [];
  const fixes: string[] = [];

  if (exists.length > 0) {
    const tree = source(snapshot, 'headTree');
    if (!tree.ok) return unknownVerdict(tree.problem);
    const missing = exists.filter((glob) => !tree.value.paths.some(compileGlob(glob)));
    if (missing.length > 0 && tree.value.truncated) {
      return unknownVerdict({
        what: `the files of ${head}`,
        message: 'the repository is too large for GitHub to list in one tree',
        fix: `Name exact paths in \`files.exists\` or check ${quoted(missing)} another way.`,
      });
    }
    if (missing.length > 0) {
      problems.push(`no file at \`${head}\` matches ${quoted(missing)}`);
      fixes.push(`add a file matching ${quoted(missing)}`);
    }
  }
  if (changed.length > 0) {
    const files = source(snapshot, 'changedFiles');
    if (!files.ok) return unknownVerdict(files.problem);
    const untouched = changed.filter((glob) => !files.value.files.some((file) => compileGlob(glob)(file.path)));
    if (untouched.length > 0 && files.value.truncated) {
      return unknownVerdict({ what: 'changed files', message: 'GitHub lists only the first 3,000 changed files of a PR', fix: 'Split the PR.' });
    }
    if (untouched.length > 0) {
      problems.push(`the PR does not change ${quoted(untouched)}`);
      fixes.push(`change ${quoted(untouched)}`);
    }
  }

  if (problems.length > 0) {
    const summary = problems.join('; ');
    return { outcome: 'fail', summary: summary.charAt(0).toUpperCase() + summary.slice(1), fix: `Push a commit to ${fixes.join(' and ')}.`, blocker: `${check.id} missing` };
  }
  const parts = [exists.length ? `${quoted(exists)} present` : '', changed.length ? `${quoted(changed)} changed` : ''].filter(Boolean);
  return { outcome: 'pass', summary: parts.join('; ') };
}

export const filesCheck: CheckKindModule = { sources, evaluate: evaluateFiles };
