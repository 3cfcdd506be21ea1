// What every compat test shares: the org to talk to (from the environment JsforceCompatibilityIT sets up), jsforce
// connections made the ordinary way, and the emulator's admin endpoints for what no client can do to a real org
// (expiring every access token at once).
import jsforce from 'jsforce';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set. JsforceCompatibilityIT sets SFSYNC_LOGIN_URL, SFSYNC_CLIENT_ID, `
      + 'SFSYNC_CLIENT_SECRET, SFSYNC_USERNAME and SFSYNC_PASSWORD; to run these tests by hand, start an emulator '
      + 'and export them (see compat/jsforce/README.md).');
  }
  return value;
}

export const org = Object.freeze({
  loginUrl: required('SFSYNC_LOGIN_URL'),
  clientId: required('SFSYNC_CLIENT_ID'),
  clientSecret: required('SFSYNC_CLIENT_SECRET'),
  username: required('SFSYNC_USERNAME'),
  password: required('SFSYNC_PASSWORD'),
  redirectUri: process.env.SFSYNC_REDIRECT_URI ?? 'http://localhost:1717/oauth2/callback',
  version: process.env.SFSYNC_API_VERSION ?? '60.0',
});

/** A connection that knows the connected app, so it can log in and refresh, but has no session yet. */
export function connection(options = {}) {
  return new jsforce.Connection({
    oauth2: { loginUrl: org.loginUrl, clientId: org.clientId, clientSecret: org.clientSecret, redirectUri: org.redirectUri },
    version: org.version,
    ...options,
  });
}

/** A connection logged in with the OAuth 2.0 username-password flow. */
export async function login() {
  const conn = connection();
  await conn.login(org.username, org.password);
  return conn;
}

/** POST/GET/… to the emulator's /__admin endpoints; answers the parsed JSON body, or null for 204. */
export async function admin(method, path, body) {
  const response = await fetch(new URL(`/__admin${path}`, org.loginUrl), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} /__admin${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.status === 204 ? null : response.json();
}

/** Ends every access token the org has issued, as an org's session timeout does; refresh tokens live on. */
export function expireAccessTokens() {
  return admin('POST', '/tokens/expire');
}

/** A tag no other test run uses, so tests that share the org see only their own records. */
export function runTag(label) {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** SOQL string literal. */
export function quote(value) {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export const ID_PATTERN = /^[a-zA-Z0-9]{18}$/;
