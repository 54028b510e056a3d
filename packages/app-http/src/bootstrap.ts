import {
  ConfigError,
  createContainer,
  loadConfig,
  resolve,
  seedDemo,
  TOKENS,
  type AppConfig,
  type SeedReport,
} from '@giggatek/adapters';
import type { Container } from 'inversify';

/** Reads the configuration or stops the process with one clear line naming the variable. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Creates the MySQL database if it is missing, then applies every pending migration (nothing in memory). */
export function migrate(container: Container): Promise<void> {
  return resolve(container, TOKENS.Storage).migrate();
}

export function seed(container: Container): Promise<SeedReport> {
  return seedDemo({
    identity: resolve(container, TOKENS.IdentityUseCases),
    catalog: resolve(container, TOKENS.CatalogUseCases),
    users: resolve(container, TOKENS.UserRepository),
    products: resolve(container, TOKENS.ProductRepository),
  });
}

export function describeSeed(report: SeedReport): string[] {
  const lines = [`seeded ${report.createdProducts} demo products`];
  if (report.createdUsers.length > 0) {
    lines.push('demo accounts (change or remove them before going live):');
    for (const user of report.createdUsers)
      lines.push(`  ${user.role.padEnd(8)} ${user.email}  password: ${user.password}`);
  }
  return lines;
}

export { createContainer };
