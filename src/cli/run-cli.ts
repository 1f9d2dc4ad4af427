import { errorMessage } from '../core/errors/error-message.ts';
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.ts';
import { initCommand, templateNames } from './init-command.ts';
import { previewCommand } from './preview-command.ts';
import { schemaText } from './schema-command.ts';
import { validateCommand } from './validate-command.ts';

const USAGE = `Usage: release-readiness <command> [options]

Commands:
  init [--template <name>] [--force]   write .github/readiness.yml, its schema and the workflow (default template: starter)
  validate [file]                      check a readiness.yml (default .github/readiness.yml): file:line:col: message,
                                       exit 1 on errors (warnings, e.g. placeholder logins, do not fail it)
  preview --repo owner/name --pr N     evaluate a PR with GITHUB_TOKEN, change nothing, print the comment
          [--json] [--config path]     (--json: the report; SECURITY_TOKEN for alert and team checks)
          [--app-slug slug]            the App the gate runs as, if not the GITHUB_TOKEN (its comment and statuses are its own)
          [--policy-from base]         read the policy from the PR's base instead of the default branch
  schema                               print the JSON Schema of readiness.yml
  templates                            list the templates
`;

/** The command line: the same bundle as the action, run with a command. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.error(USAGE);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        template: { type: 'string', default: 'starter' },
        force: { type: 'boolean', default: false },
        repo: { type: 'string' },
        pr: { type: 'string' },
        json: { type: 'boolean', default: false },
        config: { type: 'string', default: '.github/readiness.yml' },
        'app-slug': { type: 'string' },
        'policy-from': { type: 'string', default: 'default-branch' },
      },
    });
  } catch (error) {
    io.error(`${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  switch (command) {
    case 'init':
      return initCommand({ template: values.template, force: values.force }, io);
    case 'validate':
      return validateCommand(positionals[0] ?? values.config, io);
    case 'preview':
      if (!values.repo || !values.pr) {
        io.error(`preview needs --repo owner/name and --pr N\n\n${USAGE}`);
        return 2;
      }
      if (values['policy-from'] !== 'default-branch' && values['policy-from'] !== 'base') {
        io.error(`--policy-from must be default-branch or base (got \`${values['policy-from']}\`)\n\n${USAGE}`);
        return 2;
      }
      return previewCommand({ repo: values.repo, pr: values.pr, json: values.json, config: values.config, appSlug: values['app-slug'] ?? null, policyFrom: values['policy-from'] }, io);
    case 'schema':
      io.out(schemaText().trimEnd());
      return 0;
    case 'templates':
      io.out((await templateNames()).join('\n'));
      return 0;
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return 0;
    default:
      io.error(`unknown command \`${command}\`\n\n${USAGE}`);
      return 2;
  }
}
