import { Worker } from 'node:worker_threads';
import {
  CURRENT_LEDGER_CIPHER,
  LEDGER_CIPHERS,
  cipherPragmas,
  keyForExisting,
  keyPragma,
} from './ledger-cipher.js';

/**
 * Whole-file SQLite work (structural checks, VACUUM INTO) on a worker thread with its own
 * read-only connection. better-sqlite3-multiple-ciphers is synchronous: a check of a 100,000-case ledger takes
 * seconds, and on the main thread it would freeze every window and API call meanwhile. In WAL
 * mode the worker's read transaction sees a consistent snapshot while the app keeps writing.
 */
export type SqliteJob =
  | { readonly op: 'check'; readonly file: string; readonly full: boolean }
  | { readonly op: 'vacuumInto'; readonly file: string; readonly destination: string }
  /** Encrypts a plain file in place with the key given to runSqliteJob (a staging copy only). */
  | { readonly op: 'encrypt'; readonly file: string };

/** SQLite's own findings; empty when the file passed. */
export type CheckFindings = readonly string[];

// Plain JavaScript evaluated in the worker: a separate .ts entry would need its own bundle in
// the app and a loader under vitest. The worker only runs SQLite; every decision stays here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const job = workerData.job;
let db;
try {
  db = new Database(job.file, { readonly: job.op !== 'encrypt', fileMustExist: true });
  // An encrypted ledger: the raw data key under each cipher in turn (the current one, then the
  // legacy one), until page 1 reads; before any other page is read. A VACUUM INTO copy is
  // written with the file's own cipher and key. None reads: the last NOTADB is the answer.
  if (workerData.keyings) {
    for (let i = 0; i < workerData.keyings.length; i += 1) {
      for (const pragma of workerData.keyings[i]) db.pragma(pragma);
      try {
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        break;
      } catch (error) {
        const notADb = error && typeof error.code === 'string' && error.code.startsWith('SQLITE_NOTADB');
        if (!notADb || i === workerData.keyings.length - 1) throw error;
      }
    }
  }
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  // A large page cache: the check walks every page once, the default 2 MiB thrashes.
  db.pragma('cache_size = -131072');
  if (job.op === 'encrypt') {
    // SQLite3MC refuses rekey in WAL mode; rekey rewrites every page under the new key.
    db.pragma('journal_mode = DELETE');
    for (const pragma of workerData.rekeyPragmas) db.pragma(pragma);
    parentPort.postMessage({ ok: true, findings: [] });
  } else if (job.op === 'check') {
    const rows = db.pragma((job.full ? 'integrity_check' : 'quick_check') + '(20)');
    const findings = rows.map((r) => String(Object.values(r)[0])).filter((s) => s !== 'ok');
    parentPort.postMessage({ ok: true, findings });
  } else {
    db.prepare('VACUUM INTO ?').run(job.destination);
    parentPort.postMessage({ ok: true, findings: [] });
  }
} catch (error) {
  parentPort.postMessage({
    ok: false,
    code: error && typeof error.code === 'string' ? error.code : undefined,
    message: error && error.message ? String(error.message) : String(error),
  });
} finally {
  if (db) db.close();
}
`;

export class SqliteJobError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteJobError';
  }
}

type WorkerReply =
  | { readonly ok: true; readonly findings: string[] }
  | { readonly ok: false; readonly code?: string; readonly message: string };

let driverPath: string | null = null;
function driver(): string {
  // Resolved from this module so the packaged app and the tests find the same native driver.
  driverPath ??= require.resolve('better-sqlite3-multiple-ciphers');
  return driverPath;
}

/**
 * Runs one job; rejects with a SqliteJobError carrying SQLite's error code. `key`: the open
 * ledger's data key, for the ledger and its copies (otherwise the store is asked).
 */
export function runSqliteJob(job: SqliteJob, key?: Buffer | null): Promise<CheckFindings> {
  return new Promise((resolve, reject) => {
    const jobKey = keyForExisting(job.file, key);
    if (job.op === 'encrypt' && (!key || jobKey)) {
      reject(new Error('encrypt needs a plain file and the data key'));
      return;
    }
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: driver(),
        job,
        keyings: jobKey ? LEDGER_CIPHERS.map((cipher) => cipherPragmas(cipher, jobKey)) : null,
        // A new encryption is always under the current cipher.
        rekeyPragmas:
          job.op === 'encrypt' && key
            ? [...CURRENT_LEDGER_CIPHER.pragmas, `re${keyPragma(key)}`]
            : null,
      },
    });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.findings);
      else reject(new SqliteJobError(reply.message, reply.code));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new SqliteJobError(`worker exited with ${code}`, undefined));
    });
  });
}
