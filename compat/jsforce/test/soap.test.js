// The SOAP side as jsforce drives it: login() over the partner API (a connection without oauth2), the Metadata API's
// CRUD calls on CustomField through conn.metadata, the Tooling API's CustomField through conn.tooling, merge()
// through conn.soap, and publishing a platform event through conn.sobject().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import { admin, ID_PATTERN, login, org, quote, runTag } from '../lib/org.js';

const run = runTag('soap');
// Field API names allow letters, digits and single underscores only: a name of this run's own, from its tag.
const fieldBase = `Soap${run.replace(/[^a-zA-Z0-9]/g, '')}`;
let conn;
const created = [];

before(async () => {
  conn = await login();
});

after(async () => {
  if (created.length > 0) {
    await conn.metadata.delete('CustomField', created);
  }
});

function fieldName(suffix) {
  const fullName = `Account.${fieldBase}${suffix}__c`;
  created.push(fullName);
  return fullName;
}

/** A connection without a connected app logs in with SOAP login(), as jsforce does then. */
function soapConnection() {
  return new jsforce.Connection({ loginUrl: org.loginUrl, version: org.version });
}

describe('SOAP login()', () => {
  test('answers a session the REST API accepts and the org instance', async () => {
    const soap = soapConnection();
    const userInfo = await soap.login(org.username, org.password);
    assert.match(userInfo.id, /^005[a-zA-Z0-9]{15}$/);
    assert.match(userInfo.organizationId, /^00D[a-zA-Z0-9]{15}$/);
    assert.equal(soap.instanceUrl, org.loginUrl);
    const result = await soap.query(`SELECT Id FROM User WHERE Username = ${quote(org.username)}`);
    assert.equal(result.records[0].Id, userInfo.id);
  });

  test('a wrong password is the INVALID_LOGIN fault', async () => {
    await assert.rejects(soapConnection().login(org.username, `${org.password}-wrong`),
      { message: 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.' });
  });
});

describe('Metadata API', () => {
  test('create, read, update and upsert custom fields (after() deletes them)', async () => {
    const region = fieldName('Region');
    const stage = fieldName('Stage');
    const results = await conn.metadata.create('CustomField', [
      { fullName: region, label: 'Region', type: 'Text', length: 40, externalId: true },
      { fullName: stage, label: 'Stage', type: 'Picklist', valueSet: { restricted: true,
        valueSetDefinition: { value: [{ fullName: 'New', default: false, label: 'New' }, { fullName: 'Won', default: false, label: 'Won' }] } } },
    ]);
    assert.deepEqual(results.map((r) => [r.fullName, r.success]), [[region, true], [stage, true]]);

    const duplicate = await conn.metadata.create('CustomField', { fullName: region, label: 'Region', type: 'Text', length: 40 });
    assert.equal(duplicate.success, false);
    assert.equal(duplicate.errors.statusCode ?? duplicate.errors[0]?.statusCode, 'DUPLICATE_DEVELOPER_NAME');

    const read = await conn.metadata.read('CustomField', stage);
    assert.equal(read.fullName, stage);
    assert.equal(read.type, 'Picklist');
    assert.deepEqual(read.valueSet.valueSetDefinition.value.map((v) => v.fullName), ['New', 'Won']);

    const updated = await conn.metadata.update('CustomField', { fullName: stage, label: 'Stage', type: 'Picklist',
      valueSet: { restricted: true, valueSetDefinition: { value: [{ fullName: 'Open', default: false, label: 'Open' }] } } });
    assert.equal(updated.success, true);
    const field = stage.split('.')[1];
    await assert.rejects(conn.sobject('Account').create({ Name: `${run} bad`, [field]: 'New' }),
      { errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });

    const upserted = await conn.metadata.upsert('CustomField', { fullName: fieldName('Code'), label: 'Code', type: 'Text', length: 10 });
    assert.equal(upserted.created, true);
    assert.equal(upserted.success, true);
  });
});

describe('Tooling API', () => {
  test('creates a CustomField and finds it by query', async () => {
    const fullName = fieldName('Tool');
    const result = await conn.tooling.sobject('CustomField').create({ FullName: fullName, Metadata: { type: 'Text', length: 20, label: 'Tool' } });
    assert.equal(result.success, true);
    assert.match(result.id, /^00N[a-zA-Z0-9]{15}$/);
    const developerName = fullName.split('.')[1].replace(/__c$/, '');
    const found = await conn.tooling.query(`SELECT Id, DeveloperName, TableEnumOrId FROM CustomField WHERE DeveloperName = ${quote(developerName)}`);
    assert.equal(found.totalSize, 1);
    assert.equal(found.records[0].Id, result.id);
    assert.equal(found.records[0].TableEnumOrId, 'Account');
  });
});

describe('merge()', () => {
  test('merges an account into another and moves its children', async () => {
    const [master, victim] = await conn.sobject('Account').create([{ Name: `${run} master` }, { Name: `${run} victim` }]);
    const child = await conn.sobject('Compat_Item__c').create({ Name: `${run} child`, Run__c: run, Account__c: victim.id });
    const result = await conn.soap.merge({ masterRecord: { type: 'Account', Id: master.id, Phone: '555-0100' }, recordToMergeIds: [victim.id] });
    assert.equal(result.success, true, JSON.stringify(result));
    assert.equal(result.id, master.id);
    assert.deepEqual(result.mergedRecordIds, [victim.id]);
    assert.deepEqual(result.updatedRelatedIds, [child.id]);
    const moved = await conn.sobject('Compat_Item__c').retrieve(child.id);
    assert.equal(moved.Account__c, master.id);
  });
});

describe('platform events', () => {
  test('publishing answers the event id and OPERATION_ENQUEUED with the event UUID', async () => {
    const result = await conn.sobject('Compat_Event__e').create({ Run__c: run });
    assert.equal(result.success, true);
    assert.match(result.id, ID_PATTERN);
    assert.equal(result.errors[0].statusCode, 'OPERATION_ENQUEUED');
    const published = await admin('GET', '/events/Compat_Event__e');
    const mine = published.filter((event) => event.Run__c === run);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].EventUuid, result.errors[0].message);
  });
});
