import mysql from 'mysql2/promise';

export const BENCH_DATABASE = 'gg_bench';

/** The server URL (no database) from MYSQL_URL, and the bench database's URL on it. */
export function benchUrls(mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306') {
  const server = new URL(mysqlUrl);
  server.pathname = '';
  const database = new URL(server);
  database.pathname = `/${BENCH_DATABASE}`;
  return { serverUrl: server.toString().replace(/\/$/, ''), databaseUrl: database.toString() };
}

/** mysql2 options for a URL: the same UTC and number handling the app's adapter uses. */
export function connectionOptions(url) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    ...(database ? { database } : {}),
    charset: 'utf8mb4',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
  };
}

/** Drops any leftover bench database (a crashed earlier run) and creates an empty one. */
export async function createBenchDatabase(serverUrl) {
  await onServer(serverUrl, async (connection) => {
    await connection.query(`DROP DATABASE IF EXISTS \`${BENCH_DATABASE}\``);
    await connection.query(`CREATE DATABASE \`${BENCH_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  });
}

export async function dropBenchDatabase(serverUrl) {
  await onServer(serverUrl, (connection) => connection.query(`DROP DATABASE IF EXISTS \`${BENCH_DATABASE}\``));
}

async function onServer(serverUrl, work) {
  const connection = await mysql.createConnection(connectionOptions(serverUrl));
  try {
    await work(connection);
  } finally {
    await connection.end();
  }
}
