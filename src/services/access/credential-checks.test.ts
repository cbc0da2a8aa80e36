// The token and session checks are kept for a few seconds; what must still
// hold at once: expiry and idle timeout by the node's clock, revocation,
// sign-out and ending a user's sessions in this process, and callers never
// changing what the next request gets.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import type { NodeContext } from '../context.ts';
import { actorFromToken, issueApiToken, revokeApiToken } from './tokens.ts';
import { createSession, deleteSession, deleteUserSessions, sessionFromCookie, SESSION_IDLE_MS } from './sessions.ts';
import { createUser, updateUser } from './users.ts';
import { nodeActor } from './system-actor.ts';

describeEachEngine('cached credential checks', (getDb) => {
  const clock = new ManualClock('2026-06-01T09:00:00Z');
  let node: NodeContext;
  let userId: string;
  beforeAll(async () => {
    node = { database: getDb(), clock, logger: silentLogger, config: { nodeAuthorityId: 'nl-kmar', nodeName: 'test' } };
    await node.database.db.insertInto('authorities').values({ id: 'nl-kmar', country: 'NLD', name: 'Koninklijke Marechaussee', kind: 'border' }).execute();
    userId = (await createUser(node, { username: 'grens.devries', password: 'correct horse battery staple', authorityId: 'nl-kmar', roles: ['border_guard'] })).id;
  });

  it('refuses a cached token once it expires or is revoked', async () => {
    const { id, token } = await issueApiToken(node, { authorityId: 'nl-kmar', roles: ['border_guard'], label: 'e-gates', expiresAt: new Date('2026-06-01T10:00:00Z') });
    const first = await actorFromToken(node, token);
    expect(first).toMatchObject({ kind: 'token', id, authorityId: 'nl-kmar', country: 'NLD', roles: ['border_guard'] });
    first!.roles.push('admin');
    expect((await actorFromToken(node, token))?.roles).toEqual(['border_guard']);
    clock.advance(3600_000);
    expect(await actorFromToken(node, token)).toBeNull();
    clock.advance(-3600_000);

    const other = await issueApiToken(node, { authorityId: 'nl-kmar', roles: ['border_guard'], label: 'kiosk' });
    expect(await actorFromToken(node, other.token)).not.toBeNull();
    await revokeApiToken(node, other.id, await nodeActor(node, 'test'));
    expect(await actorFromToken(node, other.token)).toBeNull();
    expect(await actorFromToken(node, 'pontis_' + 'x'.repeat(43))).toBeNull();
  });

  it('ends a cached session on idle timeout, sign-out and when the user\'s sessions are ended', async () => {
    const idle = await createSession(node, userId);
    expect((await sessionFromCookie(node, idle.sessionId))?.actor).toMatchObject({ kind: 'user', id: userId, roles: ['border_guard'] });
    clock.advance(SESSION_IDLE_MS + 60_000);
    expect(await sessionFromCookie(node, idle.sessionId)).toBeNull();
    const [{ n }] = await node.database.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [userId]);
    expect(n).toBe(0);

    const out = await createSession(node, userId);
    expect(await sessionFromCookie(node, out.sessionId)).not.toBeNull();
    await deleteSession(node, out.sessionId);
    expect(await sessionFromCookie(node, out.sessionId)).toBeNull();

    const a = await createSession(node, userId);
    const b = await createSession(node, userId);
    expect(await sessionFromCookie(node, a.sessionId)).not.toBeNull();
    expect(await sessionFromCookie(node, b.sessionId)).not.toBeNull();
    await deleteUserSessions(node, userId);
    expect(await sessionFromCookie(node, a.sessionId)).toBeNull();
    expect(await sessionFromCookie(node, b.sessionId)).toBeNull();
  });

  it('ends a cached session at once when an administrator disables the account or changes its roles', async () => {
    const admin = await nodeActor(node, 'test');
    const s1 = await createSession(node, userId);
    expect(await sessionFromCookie(node, s1.sessionId)).not.toBeNull();
    await updateUser(node, userId, { roles: ['police_officer'] }, admin);
    expect(await sessionFromCookie(node, s1.sessionId)).toBeNull();
    const s2 = await createSession(node, userId);
    expect((await sessionFromCookie(node, s2.sessionId))?.actor.roles).toEqual(['police_officer']);
    await updateUser(node, userId, { disabled: true }, admin);
    expect(await sessionFromCookie(node, s2.sessionId)).toBeNull();
    await updateUser(node, userId, { disabled: false, roles: ['border_guard'] }, admin);
  });

  it('keeps a session in use alive and records that it was seen', async () => {
    const s = await createSession(node, userId);
    for (let i = 0; i < 4; i++) {
      clock.advance(SESSION_IDLE_MS - 60_000);
      expect(await sessionFromCookie(node, s.sessionId)).not.toBeNull();
    }
    const [row] = await node.database.query<{ last_seen_at: Date }>('select last_seen_at from sessions where user_id = $1', [userId]);
    expect(new Date(row!.last_seen_at).toISOString()).toBe(clock.now().toISOString());
  });
});
