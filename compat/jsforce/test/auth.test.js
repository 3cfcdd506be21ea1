// OAuth 2.0 as jsforce does it: the username-password flow, the web-server flow with its refresh token, automatic
// session renewal when the org says INVALID_SESSION_ID, identity, logout and revocation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import { connection, expireAccessTokens, login, org } from '../lib/org.js';

const ANY_USER = `SELECT Id, Username FROM User WHERE Username = '${org.username}'`;

/**
 * The browser half of the web-server flow. The connected app is pre-authorized for the user, so the org answers
 * the authorize URL with the redirect to the callback straight away; there is no page to fill in.
 */
async function authorizationCode(oauth2) {
  const url = oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state: 'jsforce-compat', login_hint: org.username });
  const response = await fetch(url, { redirect: 'manual' });
  assert.equal(response.status, 302, `the authorize URL should redirect to the callback, got ${response.status}`);
  const callback = new URL(response.headers.get('location'));
  assert.equal(`${callback.origin}${callback.pathname}`, org.redirectUri);
  assert.equal(callback.searchParams.get('state'), 'jsforce-compat');
  const code = callback.searchParams.get('code');
  assert.ok(code, `no code in ${callback}`);
  return code;
}

/** Resolves with the arguments of the connection's next 'refresh' event. */
function nextRefresh(conn) {
  return new Promise((resolve) => conn.once('refresh', (accessToken, response) => resolve({ accessToken, response })));
}

describe('username-password flow', () => {
  test('login() opens a session on the org instance', async () => {
    const conn = connection();
    const userInfo = await conn.login(org.username, org.password);

    assert.match(userInfo.id, /^005[a-zA-Z0-9]{15}$/);
    assert.match(userInfo.organizationId, /^00D[a-zA-Z0-9]{15}$/);
    assert.equal(userInfo.url, `${org.loginUrl}/id/${userInfo.organizationId}/${userInfo.id}`);
    assert.ok(conn.accessToken, 'an access token');
    assert.equal(conn.instanceUrl, org.loginUrl);
    assert.ok(!conn.refreshToken, 'the username-password flow issues no refresh token');

    const result = await conn.query(ANY_USER);
    assert.equal(result.totalSize, 1);
    assert.equal(result.records[0].Id, userInfo.id);
  });

  test('a wrong password is refused with invalid_grant', async () => {
    await assert.rejects(connection().login(org.username, `${org.password}-wrong`), {
      name: 'invalid_grant',
      message: 'authentication failure',
    });
  });

  test('an unknown client id is refused with invalid_client_id', async () => {
    const conn = new jsforce.Connection({
      oauth2: { loginUrl: org.loginUrl, clientId: 'no-such-client', clientSecret: 'whatever' },
      version: org.version,
    });
    await assert.rejects(conn.login(org.username, org.password), { name: 'invalid_client_id' });
  });

  test('an expired session is renewed by logging in again, with a refresh event', async () => {
    const conn = await login();
    const expired = conn.accessToken;
    await expireAccessTokens();

    const refreshed = nextRefresh(conn);
    const result = await conn.query(ANY_USER);
    const { accessToken } = await refreshed;

    assert.equal(result.totalSize, 1);
    assert.notEqual(accessToken, expired);
    assert.equal(conn.accessToken, accessToken);
  });
});

describe('web-server flow', () => {
  test('authorize() trades the code for an access token and a refresh token', async () => {
    const conn = connection();
    const userInfo = await conn.authorize(await authorizationCode(conn.oauth2));

    assert.match(userInfo.id, /^005/);
    assert.ok(conn.accessToken);
    assert.ok(conn.refreshToken, 'the refresh_token scope brings a refresh token');
    assert.equal(conn.instanceUrl, org.loginUrl);
    assert.equal((await conn.query(ANY_USER)).totalSize, 1);
  });

  test('an expired access token is refreshed with the refresh token, with a refresh event', async () => {
    const conn = connection();
    await conn.authorize(await authorizationCode(conn.oauth2));
    const { accessToken: expired, refreshToken } = conn;
    await expireAccessTokens();

    const refreshed = nextRefresh(conn);
    const result = await conn.query(ANY_USER);
    const { accessToken, response } = await refreshed;

    assert.equal(result.totalSize, 1, 'the failed call is retried with the new token');
    assert.notEqual(accessToken, expired);
    assert.equal(conn.accessToken, accessToken);
    assert.equal(conn.refreshToken, refreshToken, 'the refresh token stays the same');
    assert.equal(response.access_token, accessToken);
    assert.equal(response.instance_url, org.loginUrl);
    assert.equal(response.token_type, 'Bearer');
    assert.match(response.id, /\/id\/00D[a-zA-Z0-9]{15}\/005[a-zA-Z0-9]{15}$/);
    assert.match(response.issued_at, /^\d{13}$/);
    assert.ok(response.signature);
  });

  test('a connection built from a stored refresh token refreshes on first use', async () => {
    const first = connection();
    await first.authorize(await authorizationCode(first.oauth2));

    const conn = connection({ instanceUrl: org.loginUrl, accessToken: 'stale-token', refreshToken: first.refreshToken });
    const refreshed = nextRefresh(conn);
    assert.equal((await conn.query(ANY_USER)).totalSize, 1);
    assert.ok((await refreshed).accessToken);
  });

  test('logout(true) revokes the refresh token and the sessions it issued', async () => {
    const conn = connection();
    await conn.authorize(await authorizationCode(conn.oauth2));
    const { accessToken, refreshToken } = conn;
    await conn.logout(true);

    const withOldToken = new jsforce.Connection({ instanceUrl: org.loginUrl, accessToken, version: org.version });
    await assert.rejects(withOldToken.query(ANY_USER), { errorCode: 'INVALID_SESSION_ID' });

    const withOldRefresh = connection({ instanceUrl: org.loginUrl, accessToken: 'stale-token', refreshToken });
    await assert.rejects(withOldRefresh.query(ANY_USER), /Unable to refresh session due to: expired access\/refresh token/);
  });
});

describe('sessions', () => {
  test('identity() describes the logged-in user', async () => {
    const conn = await login();
    const identity = await conn.identity();

    assert.equal(identity.id, conn.userInfo.url);
    assert.equal(identity.user_id, conn.userInfo.id);
    assert.equal(identity.organization_id, conn.userInfo.organizationId);
    assert.equal(identity.username, org.username);
    assert.equal(typeof identity.display_name, 'string');
    assert.equal(identity.active, true);
    assert.equal(identity.user_type, 'STANDARD');
    assert.equal(identity.urls.rest, `${org.loginUrl}/services/data/v{version}/`);
    assert.equal(identity.urls.query, `${org.loginUrl}/services/data/v{version}/query/`);
  });

  test('logout() revokes the access token', async () => {
    const conn = await login();
    const { accessToken } = conn;
    await conn.logout();
    assert.equal(conn.accessToken, null);

    const withOldToken = new jsforce.Connection({ instanceUrl: org.loginUrl, accessToken, version: org.version });
    await assert.rejects(withOldToken.query(ANY_USER), { errorCode: 'INVALID_SESSION_ID' });
  });

  test('a bogus token without a way to refresh fails with INVALID_SESSION_ID', async () => {
    const conn = new jsforce.Connection({ instanceUrl: org.loginUrl, accessToken: '00Dbogus!token', version: org.version });
    await assert.rejects(conn.query('SELECT Id FROM Account LIMIT 1'), {
      errorCode: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid',
    });
    await assert.rejects(conn.sobject('Account').retrieve('001000000000000AAA'), { errorCode: 'INVALID_SESSION_ID' });
  });
});
