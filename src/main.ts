import { firstRead } from './action/first-read.ts';
import { isActionRun, runnerContext } from './action/runner-context.ts';
import { errorMessage } from './core/errors/error-message.ts';
import { sendEarlyRead } from './github/requests/early-read.ts';

// The entry point, kept small: everything else is imported once it is known which is needed.

async function action(): Promise<void> {
  const runner = runnerContext();
  try {
    // The run's first request goes out now; the rest of the action is compiled while GitHub answers.
    const read = firstRead(runner, process.env);
    if (read) await sendEarlyRead(read);
  } catch {
    // Only a head start: the run makes the same request itself.
  }
  try {
    const { mainAction } = await import('./action/main-action.ts');
    await mainAction(runner);
  } catch (error) {
    // mainAction marks the job failed itself; this is the bundle failing to load.
    // A workflow command's message escapes %, CR and LF (as @actions/core escapes them).
    const message = errorMessage(error).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::error::The readiness gate could not start: ${message}\n`);
    process.exitCode = 1;
  }
}

/** Until the orchestrator (or Ctrl-C) asks the server to stop. */
const stopSignal = () => new Promise((resolve) => process.once('SIGTERM', resolve).once('SIGINT', resolve));

async function cli(argv: string[]): Promise<void> {
  try {
    if (argv[0] === 'serve') {
      const { serveCommand } = await import('./server/serve-command.ts');
      const write = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);
      process.exitCode = await serveCommand({ out: write(process.stdout), error: write(process.stderr), env: process.env, stopped: stopSignal() });
      return;
    }
    // The runner starts the bundle on every event, and never as the CLI.
    const { runCli } = await import('./cli/run-cli.ts');
    process.exitCode = await runCli(argv, {
      out: (text) => process.stdout.write(`${text}\n`),
      error: (text) => process.stderr.write(`${text}\n`),
      env: process.env,
      cwd: process.cwd(),
    });
  } catch (error) {
    // One line a person can act on, never a stack trace of the bundle.
    process.stderr.write(`release-readiness: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  }
}

// The same bundle is the action (run by the runner with no arguments) and the CLI (run with
// a command). With no arguments outside a runner, a person typed it: show the usage.
if (process.argv.length > 2 || !isActionRun(process.env)) await cli(process.argv.slice(2));
else await action();
