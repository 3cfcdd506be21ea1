// SOQL through jsforce: 2,500 records read with autoFetch/maxFetch and with queryMore, batch sizes, queryAll
// (scanAll) seeing deleted records, parent relationship fields, COUNT(), and the errors of a bad query.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import { login, quote, runTag } from '../lib/org.js';

const ROWS = 2500;
const run = runTag('query');
const ITEMS = `SELECT Id, Seq__c FROM Compat_Item__c WHERE Run__c = ${quote(run)} ORDER BY Seq__c`;
let conn;
let account;

before(async () => {
  conn = await login();
  account = (await conn.sobject('Account').create({ Name: `${run} parent`, Tier__c: 'Gold' })).id;
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    Name: `${run} item ${i}`,
    Run__c: run,
    Seq__c: i,
    ...(i % 2 === 0 ? { Account__c: account } : {}),
  }));
  // 2,500 records are 13 collection calls of at most 200; allowRecursive makes jsforce split them.
  const results = await conn.sobject('Compat_Item__c').create(rows, { allowRecursive: true });
  assert.equal(results.length, ROWS);
  assert.ok(results.every((r) => r.success), JSON.stringify(results.find((r) => !r.success)));
});

function assertInSequence(records, from = 0) {
  records.forEach((record, i) => assert.equal(record.Seq__c, from + i, `record ${i} is out of order`));
}

describe('paging', () => {
  test('a plain query answers the first batch of 2,000 and a nextRecordsUrl', async () => {
    const first = await conn.query(ITEMS);
    assert.equal(first.totalSize, ROWS);
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000);
    assert.match(first.nextRecordsUrl, new RegExp(`/services/data/v${conn.version}/query/[a-zA-Z0-9]+-2000$`));
    assertInSequence(first.records);
    assert.equal(first.records[0].attributes.type, 'Compat_Item__c');

    const rest = await conn.queryMore(first.nextRecordsUrl);
    assert.equal(rest.totalSize, ROWS);
    assert.equal(rest.done, true);
    assert.equal(rest.nextRecordsUrl, undefined);
    assert.equal(rest.records.length, 500);
    assertInSequence(rest.records, 2000);
  });

  test('queryMore also takes the bare locator', async () => {
    const first = await conn.query(ITEMS);
    const locator = first.nextRecordsUrl.split('/').pop();
    const rest = await conn.queryMore(locator);
    assert.equal(rest.records.length, 500);
    assertInSequence(rest.records, 2000);
  });

  test('autoFetch follows nextRecordsUrl until every record is read', async () => {
    let fetches = 0;
    const records = [];
    const result = await conn.query(ITEMS)
      .on('fetch', () => { fetches += 1; })
      .on('record', (record) => records.push(record))
      .autoFetch(true)
      .maxFetch(10_000);
    assert.equal(result.done, true);
    assert.equal(result.totalSize, ROWS);
    assert.equal(result.records.length, ROWS);
    assert.equal(fetches, 2);
    assert.equal(records.length, ROWS);
    assertInSequence(result.records);
  });

  test('maxFetch stops reading early', async () => {
    const result = await conn.query(ITEMS, { autoFetch: true, maxFetch: 2100 });
    assert.equal(result.records.length, 2100);
    assert.equal(result.totalSize, ROWS);
    assertInSequence(result.records);
  });

  test('the Sforce-Query-Options batchSize header sets the page size', async () => {
    let fetches = 0;
    const result = await conn.query(ITEMS, { headers: { 'Sforce-Query-Options': 'batchSize=500' } })
      .on('fetch', () => { fetches += 1; })
      .autoFetch(true)
      .maxFetch(10_000);
    assert.equal(result.records.length, ROWS);
    assert.equal(fetches, 5);
    assertInSequence(result.records);
  });

  test('find() builds the SOQL and reads every page', async () => {
    const records = await conn.sobject('Compat_Item__c')
      .find({ Run__c: run, Seq__c: { $gte: 100 } }, ['Id', 'Seq__c'])
      .sort({ Seq__c: 1 })
      .autoFetch(true)
      .maxFetch(10_000);
    assert.equal(records.length, ROWS - 100);
    assertInSequence(records, 100);
  });
});

describe('queryAll', () => {
  test('scanAll sees deleted records that a plain query does not', async () => {
    const doomed = await conn.query(`SELECT Id FROM Compat_Item__c WHERE Run__c = ${quote(run)} AND Seq__c < 10`);
    assert.equal(doomed.records.length, 10);
    const deleted = await conn.sobject('Compat_Item__c').destroy(doomed.records.map((r) => r.Id));
    assert.ok(deleted.every((r) => r.success));

    const count = `SELECT COUNT() FROM Compat_Item__c WHERE Run__c = ${quote(run)}`;
    assert.equal((await conn.query(count)).totalSize, ROWS - 10);
    assert.equal((await conn.query(count).scanAll(true)).totalSize, ROWS);

    const all = await conn.query(`SELECT Id, Seq__c, IsDeleted FROM Compat_Item__c WHERE Run__c = ${quote(run)} ORDER BY Seq__c`)
      .scanAll(true)
      .autoFetch(true)
      .maxFetch(10_000);
    assert.equal(all.records.length, ROWS);
    assertInSequence(all.records);
    assert.deepEqual(all.records.filter((r) => r.IsDeleted).map((r) => r.Seq__c), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const live = await conn.query(`SELECT Id, IsDeleted FROM Compat_Item__c WHERE Run__c = ${quote(run)}`).autoFetch(true).maxFetch(10_000);
    assert.equal(live.records.length, ROWS - 10);
    assert.ok(live.records.every((r) => r.IsDeleted === false));
  });
});

describe('relationships and aggregates', () => {
  test('parent fields come back as nested records, null where there is no parent', async () => {
    const result = await conn.query(
      `SELECT Id, Seq__c, Account__r.Name, Account__r.Tier__c, Account__r.Owner.Name FROM Compat_Item__c `
      + `WHERE Run__c = ${quote(run)} AND Seq__c IN (10, 11) ORDER BY Seq__c`);
    assert.equal(result.records.length, 2);
    const [withParent, withoutParent] = result.records;
    assert.equal(withParent.Account__r.attributes.type, 'Account');
    assert.equal(withParent.Account__r.attributes.url, `/services/data/v${conn.version}/sobjects/Account/${account}`);
    assert.equal(withParent.Account__r.Name, `${run} parent`);
    assert.equal(withParent.Account__r.Tier__c, 'Gold');
    assert.equal(withParent.Account__r.Owner.attributes.type, 'User');
    assert.equal(typeof withParent.Account__r.Owner.Name, 'string');
    assert.equal(withoutParent.Account__r, null);
  });

  test('a standard relationship: Contact.Account', async () => {
    const { id } = await conn.sobject('Contact').create({ LastName: `${run} contact`, AccountId: account });
    const [contact] = await conn.sobject('Contact').find({ Id: id }, ['Id', 'LastName', 'Account.Name', 'Account.Id']);
    assert.equal(contact.LastName, `${run} contact`);
    assert.equal(contact.Account.Name, `${run} parent`);
    assert.equal(contact.Account.Id, account);
  });

  test('a filter on a parent field', async () => {
    const result = await conn.query(`SELECT COUNT() FROM Compat_Item__c WHERE Run__c = ${quote(run)} AND Account__r.Tier__c = 'Gold'`);
    assert.equal(result.totalSize, ROWS / 2 - 5, 'the even rows, less the five deleted ones');
  });

  test('SELECT COUNT() answers totalSize and no records', async () => {
    const result = await conn.query(`SELECT COUNT() FROM Account WHERE Id = '${account}'`);
    assert.equal(result.totalSize, 1);
    assert.equal(result.done, true);
    assert.deepEqual(result.records, []);
    assert.equal(await conn.sobject('Compat_Item__c').count({ Run__c: run, Seq__c: { $lt: 100 } }), 90);
  });

  test('COUNT(Id) with an alias is one AggregateResult', async () => {
    const result = await conn.query(`SELECT COUNT(Id) total FROM Compat_Item__c WHERE Run__c = ${quote(run)}`);
    assert.equal(result.totalSize, 1);
    assert.equal(result.records[0].attributes.type, 'AggregateResult');
    assert.equal(result.records[0].total, ROWS - 10);
  });
});

describe('filters jsforce builds', () => {
  test('date literals and date-time values from jsforce.Date', async () => {
    const soon = new Date(Date.now() + 60_000);
    const recent = await conn.sobject('Compat_Item__c')
      .find({ Run__c: run, CreatedDate: { $gte: jsforce.Date.YESTERDAY }, LastModifiedDate: { $lt: jsforce.Date.toDateTimeLiteral(soon) } })
      .autoFetch(true)
      .maxFetch(10_000);
    assert.equal(recent.length, ROWS - 10);
    const future = await conn.sobject('Compat_Item__c').count({ Run__c: run, CreatedDate: { $gt: jsforce.Date.toDateTimeLiteral(soon) } });
    assert.equal(future, 0);
  });

  test('$in, $like, $or and null', async () => {
    const soql = conn.sobject('Compat_Item__c')
      .find({ Run__c: run, Name: { $like: `${run} item 1%` }, $or: [{ Account__c: null }, { Seq__c: { $in: [10, 12] } }] }, ['Seq__c'])
      .sort({ Seq__c: 1 });
    const records = await soql.autoFetch(true).maxFetch(10_000);
    // Items 10..19, 100..199 and 1000..1999 (item 1 was deleted above): the odd ones have no parent, and 10 and 12
    // are asked for by number.
    const expected = [];
    for (let i = 10; i < ROWS; i += 1) {
      if (String(i).startsWith('1') && (i % 2 === 1 || i === 10 || i === 12)) expected.push(i);
    }
    assert.deepEqual(records.map((r) => r.Seq__c), expected);
  });

  test('a quote in a value is escaped by jsforce and matched by the org', async () => {
    const name = `${run} O'Brien & Sons`;
    const { id } = await conn.sobject('Account').create({ Name: name });
    const found = await conn.sobject('Account').find({ Name: name }, ['Id', 'Name']);
    assert.deepEqual(found.map((r) => [r.Id, r.Name]), [[id, name]]);
  });

  test('limit and skip', async () => {
    const records = await conn.sobject('Compat_Item__c').find({ Run__c: run }, ['Seq__c']).sort({ Seq__c: -1 }).limit(3).skip(2);
    assert.deepEqual(records.map((r) => r.Seq__c), [ROWS - 3, ROWS - 4, ROWS - 5]);
  });
});

describe('query errors', () => {
  test('an unknown field is INVALID_FIELD', async () => {
    await assert.rejects(conn.query('SELECT Id, No_Such_Field__c FROM Account'), (err) => {
      assert.equal(err.errorCode, 'INVALID_FIELD');
      assert.match(err.message, /No_Such_Field__c/);
      return true;
    });
  });

  test('an unknown field behind a relationship is INVALID_FIELD', async () => {
    await assert.rejects(conn.query('SELECT Id, Account__r.No_Such_Field__c FROM Compat_Item__c'), { errorCode: 'INVALID_FIELD' });
  });

  test('an unknown object is INVALID_TYPE', async () => {
    await assert.rejects(conn.query('SELECT Id FROM No_Such_Object__c'), { errorCode: 'INVALID_TYPE' });
  });

  test('broken syntax is MALFORMED_QUERY', async () => {
    await assert.rejects(conn.query('SELECT Id FROM Account WHERE'), { errorCode: 'MALFORMED_QUERY' });
    await assert.rejects(conn.query('SELECT FROM Account'), { errorCode: 'MALFORMED_QUERY' });
  });

  test('a locator that does not exist is INVALID_QUERY_LOCATOR', async () => {
    await assert.rejects(conn.queryMore('01gxx0000000001AAA-2000'), { errorCode: 'INVALID_QUERY_LOCATOR' });
  });
});
