import { disposeContainer } from '@giggatek/adapters';
import { createContainer, loadConfigOrExit } from './bootstrap.js';
import { runCli } from './cli-commands.js';
import { cliServices } from './services.js';

// Process entry of `npm run cli -- <command>`; the commands live in cli-commands.ts.
const config = loadConfigOrExit(process.env);
const container = createContainer(config);
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    services: cliServices(container),
    config,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    untilSignal: () =>
      new Promise((stop) => {
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      }),
  });
} finally {
  await disposeContainer(container);
}
