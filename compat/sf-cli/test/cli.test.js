// The Salesforce CLI (sf), unmodified, doing what its users do most against the emulator: log in, describe, CRUD,
// upsert by external ID, query with paging, bulk load and export, limits. Run by SalesforceCliCompatibilityIT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const sfBin = join(here, '..', 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
const instanceUrl = process.env.SFSYNC_INSTANCE_URL;
const work = process.env.SFSYNC_WORK;
const tag = `cli${Date.now().toString(36)}`;
// sf org login access-token reads the token from SF_ACCESS_TOKEN (or prompts for it).
if (process.env.SFSYNC_ACCESS_TOKEN) process.env.SF_ACCESS_TOKEN = process.env.SFSYNC_ACCESS_TOKEN;

/** Runs sf with --json on the Node running this test; answers the parsed result, failing on a non-zero status. */
async function sf(...args) {
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, [sfBin, ...args, '--json'], { maxBuffer: 64 * 1024 * 1024, env: process.env }));
  } catch (error) {
    assert.fail(`sf ${args.join(' ')} failed: ${error.stdout || error.message}`);
  }
  const answer = JSON.parse(stdout);
  assert.equal(answer.status, 0, `sf ${args.join(' ')}: ${stdout}`);
  return answer.result;
}

test('logs in and reads the org as a Developer Edition org', async () => {
  const login = process.env.SFSYNC_SFDX_URL
    ? (writeFileSync(join(work, 'auth.txt'), process.env.SFSYNC_SFDX_URL), await sf('org', 'login', 'sfdx-url', '--sfdx-url-file', join(work, 'auth.txt'), '--alias', 'emu'))
    : await sf('org', 'login', 'access-token', '--instance-url', instanceUrl, '--no-prompt', '--alias', 'emu');
  assert.equal(login.username, process.env.SFSYNC_USERNAME);
  assert.ok(login.instanceUrl.startsWith(instanceUrl), `${login.instanceUrl} is the URL the CLI reached`);
  const display = await sf('org', 'display', '--target-org', 'emu');
  assert.equal(display.connectedStatus, 'Connected');
  const limits = await sf('org', 'list', 'limits', '--target-org', 'emu');
  assert.ok(limits.some((limit) => limit.name === 'DailyApiRequests' && limit.max > 0));
});

test('describes objects', async () => {
  const objects = await sf('sobject', 'list', '--target-org', 'emu', '--sobject', 'all');
  assert.ok(objects.includes('Account') && objects.includes('Organization'));
  const account = await sf('sobject', 'describe', '--target-org', 'emu', '--sobject', 'Account');
  assert.equal(account.name, 'Account');
  assert.ok(account.fields.some((field) => field.name === 'External_Key__c' && field.externalId));
});

test('creates, reads, updates and deletes one record', async () => {
  const created = await sf('data', 'create', 'record', '--target-org', 'emu', '--sobject', 'Account', '--values', `Name='${tag} One' Phone=111`);
  assert.ok(created.success);
  await sf('data', 'update', 'record', '--target-org', 'emu', '--sobject', 'Account', '--record-id', created.id, '--values', 'Phone=222');
  const read = await sf('data', 'get', 'record', '--target-org', 'emu', '--sobject', 'Account', '--record-id', created.id);
  assert.equal(read.Phone, '222');
  await sf('data', 'delete', 'record', '--target-org', 'emu', '--sobject', 'Account', '--record-id', created.id);
  const gone = await sf('data', 'query', '--target-org', 'emu', '--query', `SELECT Id FROM Account WHERE Id = '${created.id}'`);
  assert.equal(gone.totalSize, 0);
});

test('loads with Bulk API 2.0, upserts by external ID, pages through a query and exports', async () => {
  const rows = ['External_Key__c,Name'];
  for (let i = 0; i < 2500; i++) rows.push(`${tag}-${i},${tag} Bulk ${i}`);
  writeFileSync(join(work, 'accounts.csv'), rows.join('\n') + '\n');
  const load = await sf('data', 'upsert', 'bulk', '--target-org', 'emu', '--sobject', 'Account', '--file', join(work, 'accounts.csv'),
    '--external-id', 'External_Key__c', '--wait', '5');
  assert.equal(load.jobInfo.state, 'JobComplete');
  assert.equal(load.jobInfo.numberRecordsProcessed, 2500);

  writeFileSync(join(work, 'update.csv'), `External_Key__c,Name\n${tag}-0,${tag} Renamed\n`);
  await sf('data', 'upsert', 'bulk', '--target-org', 'emu', '--sobject', 'Account', '--file', join(work, 'update.csv'),
    '--external-id', 'External_Key__c', '--wait', '5');

  // More than one page of 2,000: the CLI follows nextRecordsUrl.
  const all = await sf('data', 'query', '--target-org', 'emu', '--query', `SELECT Id, Name, External_Key__c FROM Account WHERE Name LIKE '${tag}%'`);
  assert.equal(all.totalSize, 2500);
  assert.equal(all.records.length, 2500);
  assert.ok(all.records.some((record) => record.Name === `${tag} Renamed`));

  const file = join(work, 'export.csv');
  const exported = await sf('data', 'export', 'bulk', '--target-org', 'emu', '--query', `SELECT Id, Name FROM Account WHERE Name LIKE '${tag}%'`,
    '--output-file', file, '--result-format', 'csv', '--wait', '5');
  assert.equal(exported.totalSize, 2500);
  assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 2501);
});
