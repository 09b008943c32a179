import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from '../../services/postgres.ts';

describe("Debian's PostgreSQL on loopback", () => {
  it('starts in a temporary folder, answers SQL, and stops', { timeout: 60_000 }, async () => {
    const db = await startPostgres();
    const client = new pg.Client({ host: '127.0.0.1', port: db.port, user: db.user, database: db.database });
    try {
      await client.connect();
      await client.query('CREATE TABLE comments (id serial PRIMARY KEY, body text NOT NULL)');
      await client.query('INSERT INTO comments (body) VALUES ($1), ($2)', ['Fler träd på torget', 'Bra med cykelbana']);
      const { rows } = await client.query<{ body: string }>('SELECT body FROM comments ORDER BY id');
      expect(rows.map((r) => r.body)).toEqual(['Fler träd på torget', 'Bra med cykelbana']);
    } finally {
      await client.end();
      await db.stop();
    }
    const late = new pg.Client({ host: '127.0.0.1', port: db.port, user: db.user, database: db.database, connectionTimeoutMillis: 2000 });
    await expect(late.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
