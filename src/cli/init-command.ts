import { existsSync } from 'node:fs';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './cli-io.ts';
import { SCHEMA_FILE, schemaText } from './schema-command.ts';

/** The package's templates/: beside dist/ for the bundle, a level further up from the sources. */
function findTemplates(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'templates'), join(here, '..', '..', 'templates')];
  return candidates.find((dir) => existsSync(join(dir, 'starter.yml'))) ?? candidates[0]!;
}

export const TEMPLATES_DIR = findTemplates();

const POLICY_PATH = '.github/readiness.yml';
/** Beside the policy, which names it by a relative path: editors find it with no URL to fetch. */
const SCHEMA_PATH = `.github/${SCHEMA_FILE}`;
const WORKFLOW_PATH = '.github/workflows/release-readiness.yml';

const MODELINE = /^# yaml-language-server: \$schema=.*\n/;

/** The policy, its first line naming the schema written beside it (whatever the template said). */
function withSchemaLine(policy: string): string {
  const line = `# yaml-language-server: $schema=${SCHEMA_FILE}\n`;
  return MODELINE.test(policy) ? policy.replace(MODELINE, line) : line + policy;
}

export async function templateNames(dir = TEMPLATES_DIR): Promise<string[]> {
  const entries = await readdir(dir);
  return entries.filter((name) => name.endsWith('.yml')).map((name) => name.slice(0, -4)).sort();
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** `init [--template name] [--force]`: writes the policy and the workflow, never over existing files unless forced. */
export async function initCommand(options: { template: string; force: boolean; templatesDir?: string }, io: CliIo): Promise<number> {
  const dir = options.templatesDir ?? TEMPLATES_DIR;
  const names = await templateNames(dir);
  if (!names.includes(options.template)) {
    io.error(`unknown template \`${options.template}\`: choose one of ${names.join(', ')}`);
    return 2;
  }
  const files: [string, string][] = [
    [POLICY_PATH, withSchemaLine(await readFile(join(dir, `${options.template}.yml`), 'utf8'))],
    [SCHEMA_PATH, schemaText()],
    [WORKFLOW_PATH, await readFile(join(dir, 'workflows', 'release-readiness.yml'), 'utf8')],
  ];
  const targets = files.map(([path, text]) => [resolve(io.cwd, path), text, path] as const);
  if (!options.force) {
    const present = [];
    for (const [target, , path] of targets) if (await exists(target)) present.push(path);
    if (present.length > 0) {
      io.error(`${present.join(', ')} already exist${present.length === 1 ? 's' : ''}: nothing written (use --force to overwrite)`);
      return 1;
    }
  }
  for (const [target, text, path] of targets) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    io.out(`wrote ${path}`);
  }
  io.out(`Next: replace the placeholder users and endpoints in ${POLICY_PATH} (\`release-readiness validate\` lists them), commit the files to your default and release branches, and make \`release-readiness\` a required status check on release branches.`);
  return 0;
}
