import { compileGlob } from '../config/patterns.ts';
import type { CheckOf } from '../config/schema.ts';
import type { PlannedSource } from '../evidence/snapshot.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { capitalized, code, codes, joined, rich, type RichText } from '../model/rich-text.ts';
import { todo, type Todo } from '../model/todo.ts';
import { shortSha, source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';

function sources(check: CheckOf<'files'>): PlannedSource[] {
  const { exists, changed } = check.files;
  return [...(exists ? (['headTree'] as const) : []), ...(changed ? (['changedFiles'] as const) : [])];
}

function evaluateFiles(check: CheckOf<'files'>, context: CheckContext): CheckVerdict {
  const { exists = [], changed = [] } = check.files;
  const { snapshot } = context;
  const head = shortSha(snapshot.pullRequest.head.sha);
  const problems: RichText[] = [];
  const fixes: RichText[] = [];
  const todos: Todo[] = [];
  const blockers: string[] = [];

  if (exists.length > 0) {
    const tree = source(snapshot, 'headTree');
    if (!tree.ok) return unknownVerdict(tree.problem);
    const missing = exists.filter((glob) => !tree.value.paths.some(compileGlob(glob)));
    if (missing.length > 0 && tree.value.truncated) {
      return unknownVerdict({
        what: `the files of ${head}`,
        message: 'the repository is too large for GitHub to list in one tree',
        fix: `Name exact paths in \`files.exists\` or check ${missing.map((glob) => `\`${glob}\``).join(', ')} another way.`,
      });
    }
    if (missing.length > 0) {
      problems.push(rich`no file at ${code(head)} matches ${codes(missing)}`);
      fixes.push(rich`add a file matching ${codes(missing)}`);
      todos.push(todo({ kind: 'author' }, rich`Files to add (one matching each)`, missing.map((glob) => rich`${code(glob)}`)));
      blockers.push(`${missing.join(', ')} missing`);
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
      problems.push(rich`the PR does not change ${codes(untouched)}`);
      fixes.push(rich`change ${codes(untouched)}`);
      todos.push(todo({ kind: 'author' }, rich`Files to change in the PR`, untouched.map((glob) => rich`${code(glob)}`)));
      blockers.push(`${untouched.join(', ')} not changed`);
    }
  }

  if (problems.length > 0) {
    return { outcome: 'fail', summary: capitalized(joined(problems, '; ')), fix: rich`Push a commit to ${joined(fixes, ' and ')}.`, todos, blocker: blockers.join(', ') };
  }
  const parts = [exists.length ? rich`${codes(exists)} present` : [], changed.length ? rich`${codes(changed)} changed` : []].filter((part) => part.length > 0);
  // GitHub's own record of the head's files and of the PR's changes: no account wrote it.
  const evidence: EvidenceSource[] = [
    ...(exists.length ? [{ kind: 'files' as const, name: `the files of ${head}`, url: null, writer: null }] : []),
    ...(changed.length ? [{ kind: 'files' as const, name: 'the files the PR changes', url: `${snapshot.pullRequest.htmlUrl}/files`, writer: null }] : []),
  ];
  return { outcome: 'pass', summary: joined(parts, '; '), evidence };
}

export const filesCheck: CheckKindModule<'files'> = { sources, evaluate: evaluateFiles };
