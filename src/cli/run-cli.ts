import { errorMessage } from '../core/errors/error-message.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-io.ts';
import { initCommand, templateNames } from './init-command.ts';
import { explainCommand } from './explain-command.ts';
import { previewCommand } from './preview-command.ts';
import type { PullRequestOptions } from './read-pull-request.ts';
import { recordCommand } from './record-command.ts';
import { schemaText } from './schema-command.ts';
import { validateCommand } from './validate-command.ts';

const USAGE = `Usage: release-readiness <command> [options]

Commands:
  init [--template <name>] [--force]   write .github/readiness.yml, its schema and the workflow (default template: starter)
  validate [file]                      check a readiness.yml (default .github/readiness.yml): file:line:col: message,
                                       exit 1 on errors (warnings, e.g. placeholder logins or endpoints, do not fail it)
  preview --repo owner/name --pr N     evaluate a PR with GITHUB_TOKEN, change nothing, print the comment
          [--json] [--config path]     (--json: the report; SECURITY_TOKEN for alert and team checks)
          [--app-slug slug]            the App the gate runs as, if not the GITHUB_TOKEN (its comment and statuses are its own)
          [--policy-from base]         read the policy from the PR's base instead of the default branch
  explain --repo owner/name --pr N     the same, as plain text: why the PR is or is not ready, and what to do
  record --repo owner/name --pr N      print the PR's readiness record (in-toto Statement JSON); exit 1 when it is not ready
                                       (explain and record take preview's --config, --app-slug and --policy-from too)
  create-app --webhook-url URL         create the GitHub App the server runs as, in one click (GitHub's manifest flow):
          [--org org] [--name name]    a page on 127.0.0.1 posts the manifest; the App's id, key and webhook secret
          [--out dir] [--port N]       are written to <dir>/<slug>.env and <slug>.private-key.pem
          [--github-url URL --api-url URL]  for GitHub Enterprise Server
  serve                                run as a GitHub App's webhook server (settings from the environment:
                                       APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET; see the README)
  schema                               print the JSON Schema of readiness.yml
  templates                            list the templates
`;

interface PullRequestValues {
  repo?: string;
  pr?: string;
  config: string;
  'app-slug'?: string;
  'policy-from': string;
}

/** The options of the commands that read one PR (preview, explain, record), or null when they are wrong, said on `io`. */
function pullRequestOptions(command: string, values: PullRequestValues, io: CliIo): PullRequestOptions | null {
  if (!values.repo || !values.pr) {
    io.error(`${command} needs --repo owner/name and --pr N\n\n${USAGE}`);
    return null;
  }
  const policyFrom = values['policy-from'];
  if (policyFrom !== 'default-branch' && policyFrom !== 'base') {
    io.error(`--policy-from must be default-branch or base (got \`${policyFrom}\`)\n\n${USAGE}`);
    return null;
  }
  return { command, repo: values.repo, pr: values.pr, config: values.config, appSlug: values['app-slug'] ?? null, policyFrom };
}

/** How long `create-app` waits for GitHub to send the browser back. */
const CREATE_APP_WAIT_MS = 15 * 60_000;

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
        'webhook-url': { type: 'string' },
        org: { type: 'string' },
        'github-url': { type: 'string' },
        'api-url': { type: 'string' },
        name: { type: 'string' },
        out: { type: 'string', default: '.' },
        port: { type: 'string', default: '0' },
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
    case 'explain':
    case 'record': {
      const options = pullRequestOptions(command, values, io);
      if (!options) return 2;
      if (command === 'explain') return explainCommand(options, io);
      if (command === 'record') return recordCommand(options, io);
      return previewCommand({ ...options, json: values.json }, io);
    }
    case 'create-app': {
      if (!values['webhook-url']) {
        io.error(`create-app needs --webhook-url: where the server will listen, e.g. https://readiness.example.com/api/github/webhooks\n\n${USAGE}`);
        return 2;
      }
      const port = Number(values.port);
      if (!/^[0-9]+$/.test(values.port) || port > 65535) {
        io.error(`--port must be a port number (got \`${values.port}\`)`);
        return 2;
      }
      // The page and the exchange only: loaded when asked for.
      const { createAppCommand } = await import('./create-app-command.ts');
      return createAppCommand(
        {
          webhookUrl: values['webhook-url'],
          org: values.org ?? null,
          githubUrl: (values['github-url'] ?? io.env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, ''),
          apiUrl: (values['api-url'] ?? io.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, ''),
          name: values.name ?? null,
          out: resolve(io.cwd, values.out),
          port,
          timeoutMs: CREATE_APP_WAIT_MS,
        },
        io,
      );
    }
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
