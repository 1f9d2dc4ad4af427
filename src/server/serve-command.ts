import { jsonLogger } from './json-logger.ts';
import { readServerSettings, ServerSettingsError } from './server-settings.ts';
import { startWebhookServer } from './webhook-server.ts';

interface ServeIo {
  out: (text: string) => void;
  error: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGTERM from the orchestrator, Ctrl-C). */
  stopped: Promise<unknown>;
}

/** `release-readiness serve`: the gate as a GitHub App's webhook server, until asked to stop. */
export async function serveCommand(io: ServeIo): Promise<number> {
  let settings;
  try {
    settings = readServerSettings(io.env);
  } catch (error) {
    if (!(error instanceof ServerSettingsError)) throw error;
    io.error(error.message);
    return 2;
  }
  const level = io.env['LOG_LEVEL'] === 'debug' ? 'debug' : 'info';
  const log = jsonLogger((line) => io.out(line.trimEnd()), level);
  const server = await startWebhookServer(settings, log);
  await io.stopped;
  log.info('stopping: finishing the evaluations under way');
  await server.close();
  log.info('stopped');
  return 0;
}
