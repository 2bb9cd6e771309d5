import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Embedded PostgreSQL for a machine without a database server: PGlite (PostgreSQL compiled to
 * WASM, in-process) served on a loopback port by pglite-socket, so the ordinary `pg` driver,
 * TypeORM and the migrations are exactly those used against a real server.
 *
 * PGlite does not lock its data directory, and two processes writing one directory corrupt
 * it, so a lock file holding the owner's pid guards it.
 */
export interface EmbeddedPostgres {
  url: string;
  /** True when the data directory was created by this start (an empty database). */
  freshlyCreated: boolean;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock or throws DataDirLockedError; a stale lock (dead pid) is taken over. */
export function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, 'leida.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && pidIsAlive(owner)) {
        throw new DataDirLockedError(`the embedded database in ${resolve(dir)} is in use by process ${owner}; stop it first or set DATA_DIR`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock ${resolve(dir)}`);
}

/**
 * Starts PGlite on `dataDir` (or in memory when undefined) and serves it on 127.0.0.1 on a
 * free port. maxConnections must cover the connection pool (its default of 1 breaks
 * concurrent requests).
 */
export async function startEmbeddedPostgres(dataDir: string | undefined, maxConnections = 20): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let unlock = () => {};
  let freshlyCreated = true;
  let dbPath: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
    dbPath = join(dataDir, 'pgdata');
    try {
      readFileSync(join(dbPath, 'PG_VERSION'));
      freshlyCreated = false;
    } catch {
      freshlyCreated = true;
    }
  }
  try {
    const db = dbPath ? await PGlite.create(dbPath) : await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const port = server.getServerConn().split(':').pop();
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      freshlyCreated,
      close: async () => {
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
