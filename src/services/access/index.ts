// The access area's services: accounts, API tokens, sessions and sign-in.
export { createUser, updateUser, listUsers, userActor, NewUser, UserChange, Username, Roles, type UserRow, type UserView } from './users.ts';
export { issueApiToken, revokeApiToken, listApiTokens, actorFromToken, TOKEN_PREFIX, type ApiTokenInfo } from './tokens.ts';
export { createSession, sessionFromCookie, deleteSession, deleteUserSessions, SESSION_COOKIE } from './sessions.ts';
export { login, LoginInput, type LoginResult } from './login.ts';
export { findAuthority, requireAuthority, type AuthorityInfo } from './authorities.ts';
export { nodeActor } from './system-actor.ts';
