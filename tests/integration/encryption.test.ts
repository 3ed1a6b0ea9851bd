import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CIPHER } from '../../db/open';
import { makeApp, type TestApp } from '../support/harness';

let app: TestApp;
afterEach(() => app?.remove());

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('data at rest', () => {
  it('leaves no name, ID number or phone readable in any file of the data folder', async () => {
    app = makeApp();
    await app.setup();
    await app.call('admin-client', 'setup.loadDemo', { students: 300 });
    const db = app.core.folder.raw();
    const samples = db.prepare('SELECT name, id_number AS id, phone FROM students LIMIT 50').all() as { name: string; id: string; phone: string }[];
    expect(samples).toHaveLength(50);
    // Also while the WAL still holds recent pages: check before and after a checkpoint.
    for (const phase of ['wal', 'checkpointed'] as const) {
      if (phase === 'checkpointed') db.pragma('wal_checkpoint(TRUNCATE)');
      const files = allFiles(app.dir);
      expect(files.some((f) => f.endsWith('xueji.db'))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        const asText = bytes.toString('utf8');
        expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
        for (const s of samples) {
          expect(asText.includes(s.id), `${s.id} found in ${file}`).toBe(false);
          expect(asText.includes(s.phone), `${s.phone} found in ${file}`).toBe(false);
          expect(bytes.includes(Buffer.from(s.name, 'utf8')), `${s.name} found in ${file}`).toBe(false);
          expect(bytes.includes(Buffer.from(s.name, 'utf16le')), `${s.name} (utf16) found in ${file}`).toBe(false);
        }
        expect(asText.includes('示范职业技术学院')).toBe(false);
      }
    }
  });

  it('uses the pinned SQLCipher-compatible AES-256 cipher and cannot be opened without the key', async () => {
    app = makeApp();
    await app.setup();
    const key = Buffer.from(app.core.folder.dbKey());
    const file = app.core.folder.dbFile;
    app.close();

    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();

    // The library's default cipher (chacha20) with the right key still cannot read it.
    const wrongCipher = new Database(file);
    wrongCipher.pragma(`key="x'${key.toString('hex')}'"`);
    expect(() => wrongCipher.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    wrongCipher.close();

    const right = new Database(file);
    right.pragma(`cipher='${CIPHER.name}'`);
    right.pragma(`legacy=${CIPHER.legacy}`);
    right.pragma(`key="x'${key.toString('hex')}'"`);
    expect((right.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
    right.close();
  });
});
