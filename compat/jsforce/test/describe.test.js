// Metadata through jsforce: describeGlobal, describe of a standard object with custom fields, and /limits.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, org } from '../lib/org.js';

let conn;
before(async () => {
  conn = await login();
});

function fieldOf(describeResult, name) {
  const field = describeResult.fields.find((f) => f.name === name);
  assert.ok(field, `${describeResult.name} has no field ${name}`);
  return field;
}

describe('describeGlobal', () => {
  test('lists the standard and custom objects with their capabilities', async () => {
    const global = await conn.describeGlobal();
    assert.equal(global.encoding, 'UTF-8');
    assert.equal(global.maxBatchSize, 200);

    const account = global.sobjects.find((o) => o.name === 'Account');
    assert.ok(account, 'Account is listed');
    assert.equal(account.keyPrefix, '001');
    assert.equal(account.label, 'Account');
    assert.equal(account.labelPlural, 'Accounts');
    assert.equal(account.custom, false);
    for (const capability of ['createable', 'updateable', 'deletable', 'queryable', 'retrieveable']) {
      assert.equal(account[capability], true, `Account is ${capability}`);
    }
    assert.equal(account.urls.sobject, `/services/data/v${org.version}/sobjects/Account`);
    assert.equal(account.urls.describe, `/services/data/v${org.version}/sobjects/Account/describe`);
    assert.equal(account.urls.rowTemplate, `/services/data/v${org.version}/sobjects/Account/{ID}`);

    const item = global.sobjects.find((o) => o.name === 'Compat_Item__c');
    assert.ok(item, 'the custom object is listed');
    assert.equal(item.custom, true);
    assert.equal(item.label, 'Compat Item');
    assert.match(item.keyPrefix, /^[a-zA-Z0-9]{3}$/);
  });

  test('is cached by describeGlobal$ and registers sobject() handles', async () => {
    const first = await conn.describeGlobal$();
    const second = await conn.describeGlobal$();
    assert.equal(first, second, 'the second call is answered from the cache');
    assert.ok(conn.sobjects.Account, 'describeGlobal registers the objects on the connection');
  });
});

describe('describe', () => {
  test('describes Account and its fields', async () => {
    const account = await conn.describe('Account');
    assert.equal(account.name, 'Account');
    assert.equal(account.keyPrefix, '001');
    assert.equal(account.createable, true);
    assert.ok(account.recordTypeInfos.some((r) => r.master), 'a master record type');

    const id = fieldOf(account, 'Id');
    assert.equal(id.type, 'id');
    assert.equal(id.length, 18);
    assert.equal(id.nillable, false);
    assert.equal(id.createable, false);
    assert.equal(id.idLookup, true);

    const name = fieldOf(account, 'Name');
    assert.equal(name.type, 'string');
    assert.equal(name.nameField, true);
    assert.equal(name.nillable, false);
    assert.equal(name.createable, true);
    assert.equal(name.updateable, true);
    assert.equal(name.soapType, 'xsd:string');

    const parent = fieldOf(account, 'ParentId');
    assert.equal(parent.type, 'reference');
    assert.deepEqual(parent.referenceTo, ['Account']);
    assert.equal(parent.relationshipName, 'Parent');
    assert.equal(parent.soapType, 'tns:ID');

    const created = fieldOf(account, 'CreatedDate');
    assert.equal(created.type, 'datetime');
    assert.equal(created.createable, false);
    assert.equal(created.updateable, false);
    assert.equal(created.soapType, 'xsd:dateTime');
  });

  test('reports custom field properties: external ID, restricted picklist, length, precision', async () => {
    const account = await conn.sobject('Account').describe();

    const key = fieldOf(account, 'External_Key__c');
    assert.equal(key.custom, true);
    assert.equal(key.type, 'string');
    assert.equal(key.length, 64);
    assert.equal(key.externalId, true);
    assert.equal(key.unique, true);
    assert.equal(key.idLookup, true);
    assert.equal(key.label, 'External Key');

    const tier = fieldOf(account, 'Tier__c');
    assert.equal(tier.type, 'picklist');
    assert.equal(tier.restrictedPicklist, true);
    assert.deepEqual(tier.picklistValues.map((v) => v.value), ['Gold', 'Silver', 'Bronze']);
    assert.ok(tier.picklistValues.every((v) => v.active === true && v.defaultValue === false));
    assert.equal(tier.soapType, 'xsd:string');

    const code = fieldOf(account, 'Code__c');
    assert.equal(code.length, 10);
    assert.equal(code.nillable, true);

    const score = fieldOf(account, 'Score__c');
    assert.equal(score.type, 'double');
    assert.equal(score.precision, 5);
    assert.equal(score.scale, 2);
    assert.equal(score.soapType, 'xsd:double');
  });

  test('describes a custom object, its lookup and the child relationship it adds to the parent', async () => {
    const item = await conn.describe('Compat_Item__c');
    assert.equal(item.custom, true);
    const lookup = fieldOf(item, 'Account__c');
    assert.equal(lookup.type, 'reference');
    assert.deepEqual(lookup.referenceTo, ['Account']);
    assert.equal(lookup.relationshipName, 'Account__r');

    const account = await conn.describe$('Account');
    const children = account.childRelationships.filter((r) => r.childSObject === 'Compat_Item__c');
    assert.deepEqual(children.map((r) => r.field), ['Account__c']);
    const contacts = account.childRelationships.find((r) => r.childSObject === 'Contact' && r.field === 'AccountId');
    assert.equal(contacts?.relationshipName, 'Contacts');
    const hierarchy = account.childRelationships.find((r) => r.childSObject === 'Account' && r.field === 'ParentId');
    assert.equal(hierarchy?.relationshipName, 'ChildAccounts');
  });

  test('an unknown object is NOT_FOUND', async () => {
    await assert.rejects(conn.describe('No_Such_Object__c'), { errorCode: 'NOT_FOUND' });
  });
});

describe('limits', () => {
  test('limits() reports the daily API allowance, and every response carries the usage', async () => {
    const limits = await conn.limits();
    const daily = limits.DailyApiRequests;
    assert.equal(typeof daily.Max, 'number');
    assert.ok(daily.Max > 0);
    assert.ok(daily.Remaining < daily.Max, 'calls made so far are counted');
    for (const name of ['DailyBulkApiBatches', 'DataStorageMB', 'FileStorageMB']) {
      assert.ok(limits[name] && typeof limits[name].Max === 'number' && typeof limits[name].Remaining === 'number', name);
    }

    // jsforce reads Sforce-Limit-Info: api-usage=used/max from each REST response.
    assert.equal(conn.limitInfo.apiUsage.limit, daily.Max);
    assert.equal(conn.limitInfo.apiUsage.used, daily.Max - daily.Remaining);
  });
});
