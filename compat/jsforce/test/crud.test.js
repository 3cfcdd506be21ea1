// Record writes through conn.sobject(): one record at a time (the sObject resources) and arrays (sObject
// Collections, jsforce's choice from API 42.0 on), with per-record errors, allOrNone, and upsert by external ID.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ID_PATTERN, login, quote, runTag } from '../lib/org.js';

const run = runTag('crud');
let conn;
let accounts;
let serial = 0;

before(async () => {
  conn = await login();
  accounts = conn.sobject('Account');
});

/** A new Account body whose name and external key belong to this run. */
function account(fields = {}) {
  serial += 1;
  return { Name: `${run} account ${serial}`, External_Key__c: `${run}-${serial}`, ...fields };
}

async function countByKeys(keys) {
  const soql = `SELECT COUNT() FROM Account WHERE External_Key__c IN (${keys.map(quote).join(', ')})`;
  return (await conn.query(soql)).totalSize;
}

function assertError(result, statusCode, fields) {
  assert.equal(result.success, false, `expected ${statusCode}, got ${JSON.stringify(result)}`);
  assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
  assert.equal(result.errors[0].statusCode, statusCode, JSON.stringify(result.errors));
  assert.equal(typeof result.errors[0].message, 'string');
  assert.deepEqual(result.errors[0].fields, fields);
}

describe('one record', () => {
  test('create, retrieve, update and destroy', async () => {
    const created = await accounts.create(account({ Tier__c: 'Gold', Score__c: 12.5 }));
    assert.equal(created.success, true);
    assert.match(created.id, ID_PATTERN);
    assert.ok(created.id.startsWith('001'));
    assert.deepEqual(created.errors, []);

    const record = await accounts.retrieve(created.id);
    assert.equal(record.attributes.type, 'Account');
    assert.equal(record.attributes.url, `/services/data/v${conn.version}/sobjects/Account/${created.id}`);
    assert.equal(record.Id, created.id);
    assert.equal(record.Tier__c, 'Gold');
    assert.equal(record.Score__c, 12.5);
    assert.equal(record.Code__c, null, 'fields without a value are null');
    assert.equal(record.IsDeleted, false);
    assert.match(record.CreatedDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);

    const updated = await accounts.update({ Id: created.id, Name: `${run} renamed`, Tier__c: null });
    assert.deepEqual(updated, { id: created.id, success: true, errors: [] });
    const after = await accounts.retrieve(created.id, { fields: ['Name', 'Tier__c'] });
    assert.equal(after.Name, `${run} renamed`);
    assert.equal(after.Tier__c, null, 'null clears a field');
    assert.equal(after.Score__c, undefined, 'only the requested fields come back');

    const destroyed = await accounts.destroy(created.id);
    assert.deepEqual(destroyed, { id: created.id, success: true, errors: [] });
    await assert.rejects(accounts.retrieve(created.id), { errorCode: 'ENTITY_IS_DELETED' });
  });

  test('dates, date-times, checkboxes and numbers keep their value, in Salesforce\'s formats', async () => {
    const { id } = await accounts.create(account({
      Founded__c: '2024-02-29',
      Last_Seen__c: '2024-02-29T12:34:56.789Z',
      Is_Partner__c: true,
      Score__c: 99.25,
    }));
    const record = await accounts.retrieve(id, { fields: ['Founded__c', 'Last_Seen__c', 'Is_Partner__c', 'Score__c'] });
    assert.equal(record.Founded__c, '2024-02-29');
    assert.equal(record.Last_Seen__c, '2024-02-29T12:34:56.789+0000');
    assert.equal(record.Is_Partner__c, true);
    assert.equal(record.Score__c, 99.25);

    await accounts.update({ Id: id, Last_Seen__c: '2024-03-01T01:00:00+02:00', Is_Partner__c: false });
    const updated = await accounts.retrieve(id, { fields: ['Last_Seen__c', 'Is_Partner__c'] });
    assert.equal(updated.Last_Seen__c, '2024-02-29T23:00:00.000+0000', 'an offset is converted to UTC');
    assert.equal(updated.Is_Partner__c, false);
  });

  test('a 15-character id finds the record, which answers with its 18-character id', async () => {
    const { id } = await accounts.create(account());
    const record = await accounts.retrieve(id.slice(0, 15), { fields: ['Id'] });
    assert.equal(record.Id, id);
  });

  test('an id of another object is MALFORMED_ID', async () => {
    const { id } = await accounts.create(account());
    await assert.rejects(conn.sobject('Contact').retrieve(id), { errorCode: 'MALFORMED_ID' });
  });

  test('a value too long for its field is STRING_TOO_LONG', async () => {
    await assert.rejects(accounts.create(account({ Code__c: 'x'.repeat(11) })), (err) => {
      assert.equal(err.errorCode, 'STRING_TOO_LONG');
      assert.deepEqual(err.data.fields, ['Code__c']);
      return true;
    });
  });

  test('a value outside a restricted picklist is INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', async () => {
    await assert.rejects(accounts.create(account({ Tier__c: 'Platinum' })), (err) => {
      assert.equal(err.errorCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
      assert.deepEqual(err.data.fields, ['Tier__c']);
      return true;
    });
  });

  test('a missing required field is REQUIRED_FIELD_MISSING', async () => {
    await assert.rejects(accounts.create({ Description: 'no name' }), (err) => {
      assert.equal(err.errorCode, 'REQUIRED_FIELD_MISSING');
      assert.deepEqual(err.data.fields, ['Name']);
      return true;
    });
  });

  test('an unknown field is INVALID_FIELD', async () => {
    await assert.rejects(accounts.create(account({ No_Such_Field__c: 1 })), { errorCode: 'INVALID_FIELD' });
  });

  test('a record that does not exist is NOT_FOUND', async () => {
    await assert.rejects(accounts.retrieve('001000000000000AAA'), {
      errorCode: 'NOT_FOUND',
      message: 'The requested resource does not exist',
    });
    await assert.rejects(accounts.update({ Id: '001000000000000AAA', Name: 'x' }), { errorCode: 'NOT_FOUND' });
    await assert.rejects(accounts.destroy('001000000000000AAA'), { errorCode: 'NOT_FOUND' });
  });
});

describe('arrays (sObject Collections)', () => {
  test('create, retrieve, update and destroy several records in one call each', async () => {
    const bodies = [account({ Tier__c: 'Gold' }), account({ Tier__c: 'Silver' }), account({ Tier__c: 'Bronze' })];
    const created = await accounts.create(bodies);
    assert.equal(created.length, 3);
    for (const result of created) {
      assert.equal(result.success, true, JSON.stringify(result));
      assert.match(result.id, ID_PATTERN);
      assert.deepEqual(result.errors, []);
    }
    const ids = created.map((r) => r.id);

    const records = await accounts.retrieve(ids, { fields: ['Id', 'Name', 'Tier__c'] });
    assert.deepEqual(records.map((r) => r.Id), ids);
    assert.deepEqual(records.map((r) => r.Tier__c), ['Gold', 'Silver', 'Bronze']);
    assert.equal(records[0].attributes.type, 'Account');

    const everything = await accounts.retrieve(ids.slice(0, 1));
    assert.equal(everything[0].External_Key__c, bodies[0].External_Key__c, 'without fields, every described field comes back');

    const updated = await accounts.update(ids.map((Id, i) => ({ Id, Score__c: i + 0.5 })));
    assert.deepEqual(updated, ids.map((id) => ({ id, success: true, errors: [] })));
    const rescored = await accounts.retrieve(ids, { fields: ['Score__c'] });
    assert.deepEqual(rescored.map((r) => r.Score__c), [0.5, 1.5, 2.5]);

    const destroyed = await accounts.destroy(ids);
    assert.deepEqual(destroyed, ids.map((id) => ({ id, success: true, errors: [] })));
    assert.equal(await countByKeys(bodies.map((b) => b.External_Key__c)), 0);
  });

  test('retrieving a missing record gives null in its place', async () => {
    const [{ id }] = await accounts.create([account()]);
    const records = await accounts.retrieve([id, '001000000000000AAA'], { fields: ['Id'] });
    assert.equal(records.length, 2);
    assert.equal(records[0].Id, id);
    assert.equal(records[1], null);
  });

  test('without allOrNone, each record succeeds or fails on its own', async () => {
    const good = account();
    const results = await accounts.create([good, account({ Code__c: 'y'.repeat(11) }), account({ Tier__c: 'Platinum' })]);
    assert.equal(results[0].success, true);
    assert.match(results[0].id, ID_PATTERN);
    assertError(results[1], 'STRING_TOO_LONG', ['Code__c']);
    assertError(results[2], 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Tier__c']);
    assert.ok(!results[1].id, 'a record that was not created has no id');
    assert.equal(await countByKeys([good.External_Key__c]), 1);
  });

  test('with allOrNone, one failure rolls the whole call back', async () => {
    const bodies = [account(), account({ Tier__c: 'Platinum' }), account()];
    const results = await accounts.create(bodies, { allOrNone: true });
    assert.equal(results.length, 3);
    assert.ok(results.every((r) => r.success === false));
    assertError(results[0], 'ALL_OR_NONE_OPERATION_ROLLED_BACK', []);
    assertError(results[1], 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Tier__c']);
    assertError(results[2], 'ALL_OR_NONE_OPERATION_ROLLED_BACK', []);
    assert.ok(results.every((r) => !r.id), 'nothing was created, so no result has an id');
    assert.equal(await countByKeys(bodies.map((b) => b.External_Key__c)), 0);
  });

  test('with allOrNone, an update that fails leaves every record as it was', async () => {
    const ids = (await accounts.create([account({ Tier__c: 'Gold' }), account({ Tier__c: 'Gold' })])).map((r) => r.id);
    const results = await accounts.update([{ Id: ids[0], Tier__c: 'Silver' }, { Id: ids[1], Code__c: 'z'.repeat(11) }], { allOrNone: true });
    assertError(results[0], 'ALL_OR_NONE_OPERATION_ROLLED_BACK', []);
    assertError(results[1], 'STRING_TOO_LONG', ['Code__c']);
    const records = await accounts.retrieve(ids, { fields: ['Tier__c', 'Code__c'] });
    assert.deepEqual(records.map((r) => r.Tier__c), ['Gold', 'Gold']);
  });

  test('destroying a record twice reports ENTITY_IS_DELETED for that record only', async () => {
    const ids = (await accounts.create([account(), account()])).map((r) => r.id);
    await accounts.destroy(ids[0]);
    const results = await accounts.destroy(ids);
    assert.equal(results[0].id, ids[0]);
    assertError(results[0], 'ENTITY_IS_DELETED', []);
    assert.deepEqual(results[1], { id: ids[1], success: true, errors: [] });
  });

  test('with allOrNone, a delete that fails keeps every record', async () => {
    const ids = (await accounts.create([account(), account()])).map((r) => r.id);
    await accounts.destroy(ids[1]);
    const results = await accounts.destroy(ids, { allOrNone: true });
    assert.equal(results[0].id, ids[0]);
    assertError(results[0], 'ALL_OR_NONE_OPERATION_ROLLED_BACK', []);
    assertError(results[1], 'ENTITY_IS_DELETED', []);
    assert.equal((await accounts.retrieve(ids[0], { fields: ['Id'] })).Id, ids[0]);
  });

  test('more than 200 records in one call is EXCEEDED_ID_LIMIT', async () => {
    const bodies = Array.from({ length: 201 }, () => account());
    await assert.rejects(accounts.create(bodies), { errorCode: 'EXCEEDED_ID_LIMIT' });
    assert.equal(await countByKeys(bodies.map((b) => b.External_Key__c)), 0);
  });

  test('allowRecursive splits more than 200 records over several calls', async () => {
    const bodies = Array.from({ length: 205 }, () => account());
    const results = await accounts.create(bodies, { allowRecursive: true });
    assert.equal(results.length, 205);
    assert.ok(results.every((r) => r.success), JSON.stringify(results.find((r) => !r.success)));
    const destroyed = await accounts.destroy(results.map((r) => r.id), { allowRecursive: true });
    assert.ok(destroyed.every((r) => r.success));
  });
});

describe('writes through a query', () => {
  test('Query#update and Query#destroy change the records a query finds', async () => {
    const tag = `${run}-bulk-edit`;
    const bodies = [account({ Description: tag }), account({ Description: tag }), account({ Description: tag })];
    await accounts.create(bodies);

    const updated = await accounts.find({ External_Key__c: { $in: bodies.map((b) => b.External_Key__c) } }).update({ Tier__c: 'Silver' }, 'Account');
    assert.equal(updated.length, 3);
    assert.ok(updated.every((r) => r.success), JSON.stringify(updated));
    const tiers = await accounts.find({ External_Key__c: { $in: bodies.map((b) => b.External_Key__c) } }, ['Tier__c']);
    assert.deepEqual(tiers.map((r) => r.Tier__c), ['Silver', 'Silver', 'Silver']);

    const destroyed = await accounts.find({ External_Key__c: { $in: bodies.map((b) => b.External_Key__c) } }).destroy('Account');
    assert.equal(destroyed.length, 3);
    assert.ok(destroyed.every((r) => r.success));
    assert.equal(await countByKeys(bodies.map((b) => b.External_Key__c)), 0);
  });
});

describe('upsert by external ID', () => {
  test('one record: created the first time, updated the second', async () => {
    const key = `${run}-upsert-one`;
    const first = await accounts.upsert({ Name: `${run} upserted`, External_Key__c: key, Tier__c: 'Bronze' }, 'External_Key__c');
    assert.equal(first.success, true);
    assert.equal(first.created, true);
    assert.match(first.id, ID_PATTERN);
    assert.deepEqual(first.errors, []);

    const second = await accounts.upsert({ Name: `${run} upserted again`, External_Key__c: key }, 'External_Key__c');
    assert.equal(second.success, true);
    assert.equal(second.created, false);
    assert.equal(second.id, first.id);

    const record = await accounts.retrieve(first.id, { fields: ['Name', 'Tier__c'] });
    assert.equal(record.Name, `${run} upserted again`);
    assert.equal(record.Tier__c, 'Bronze', 'fields left out of the upsert keep their value');
  });

  test('an array: created and updated records in one call', async () => {
    const existing = account();
    const { id } = await accounts.create(existing);
    const fresh = account();
    const results = await accounts.upsert([
      { External_Key__c: existing.External_Key__c, Tier__c: 'Silver' },
      { Name: fresh.Name, External_Key__c: fresh.External_Key__c },
    ], 'External_Key__c');
    assert.equal(results.length, 2);
    assert.deepEqual(results[0], { id, success: true, errors: [], created: false });
    assert.equal(results[1].success, true);
    assert.equal(results[1].created, true);
    assert.match(results[1].id, ID_PATTERN);
    assert.equal((await accounts.retrieve(id, { fields: ['Tier__c'] })).Tier__c, 'Silver');
  });

  test('an array with a bad record: per-record error, the others go through', async () => {
    const results = await accounts.upsert([account(), account({ Tier__c: 'Platinum' })], 'External_Key__c');
    assert.equal(results[0].success, true);
    assert.equal(results[0].created, true);
    assertError(results[1], 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Tier__c']);
  });

  test('with allOrNone, a failure undoes the records the upsert created and updated', async () => {
    const existing = account({ Tier__c: 'Gold' });
    const { id } = await accounts.create(existing);
    const fresh = account();
    const results = await accounts.upsert([
      { External_Key__c: existing.External_Key__c, Tier__c: 'Silver' },
      { Name: fresh.Name, External_Key__c: fresh.External_Key__c },
      account({ Tier__c: 'Platinum' }),
    ], 'External_Key__c', { allOrNone: true });
    assertError(results[0], 'ALL_OR_NONE_OPERATION_ROLLED_BACK', []);
    assertError(results[1], 'ALL_OR_NONE_OPERATION_ROLLED_BACK', []);
    assertError(results[2], 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Tier__c']);
    assert.ok(!results[1].id, 'the record it would have created does not exist');
    assert.equal((await accounts.retrieve(id, { fields: ['Tier__c'] })).Tier__c, 'Gold');
    assert.equal(await countByKeys([fresh.External_Key__c]), 0);
  });

  test('the record Id works as the match field', async () => {
    const { id } = await accounts.create(account());
    const result = await accounts.upsert({ Id: id, Tier__c: 'Bronze' }, 'Id');
    assert.equal(result.success, true);
    assert.equal(result.created, false);
    assert.equal(result.id, id);
  });

  test('a key that matches several records is MULTIPLE_CHOICES, with their URLs', async () => {
    const code = `${run}-shared`;
    const ids = (await accounts.create([account({ Legacy_Code__c: code }), account({ Legacy_Code__c: code })])).map((r) => r.id);
    await assert.rejects(accounts.upsert({ Name: 'x', Legacy_Code__c: code }, 'Legacy_Code__c'), (err) => {
      assert.equal(err.errorCode, 'MULTIPLE_CHOICES');
      assert.deepEqual([...err.data].sort(), ids.map((id) => `/services/data/v${conn.version}/sobjects/Account/${id}`).sort());
      return true;
    });
  });

  test('a field that is not an external ID cannot be upserted on', async () => {
    // Salesforce documents no single code for this; the point is that the call fails and nothing is written.
    const body = account({ Code__c: 'C-1' });
    await assert.rejects(accounts.upsert(body, 'Code__c'), (err) => {
      assert.match(err.errorCode, /^(INVALID_FIELD|NOT_FOUND)$/);
      return true;
    });
    assert.equal(await countByKeys([body.External_Key__c]), 0);
  });

  test('an external ID field that does not exist is NOT_FOUND', async () => {
    await assert.rejects(accounts.upsert({ Name: 'x', No_Such_Key__c: 'k' }, 'No_Such_Key__c'), { errorCode: 'NOT_FOUND' });
  });
});
