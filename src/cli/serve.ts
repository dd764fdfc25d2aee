import type { Command } from 'commander';
import { openStore } from '../db/database.ts';
import { configFrom } from './context.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web application')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const config = configFrom(command, { PORT: options.port, HOST: options.host });
      const store = openStore(config.databaseUrl, { replicaUrl: config.databaseReplicaUrl });
      // Loaded here, not with the other commands: the server's modules weigh some 75 MB, which
      // every other command (an import's peak memory among them) would carry for nothing.
      const { buildApp } = await import('../server/app.ts');
      const app = await buildApp({ store, config });

      let closing = false;
      const shutdown = (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        app
          .close()
          .then(() => store.close())
          .then(
            () => process.exit(0),
            (error: unknown) => {
              app.log.error({ err: error }, 'unclean shutdown');
              process.exit(1);
            },
          );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));

      await app.listen({ port: config.port, host: config.host });
    });
}
