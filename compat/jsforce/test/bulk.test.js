// Bulk API 2.0 and 1.0 through jsforce's own bulk clients: a 50,000-row upsert with results, a Bulk 2.0 query of
// those rows, and a Bulk 1.0 load that jsforce polls to completion.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ID_PATTERN, login, quote, runTag } from '../lib/org.js';

const run = runTag('bulk');
const ROWS = 50_000;
let conn;

before(async () => {
  conn = await login();
  conn.bulk2.pollInterval = 200;
  conn.bulk2.pollTimeout = 120_000;
  conn.bulk.pollInterval = 200;
  conn.bulk.pollTimeout = 60_000;
});

/** Every record a jsforce record stream emits, once it has ended. */
function collect(recordStream) {
  return new Promise((resolve, reject) => {
    const records = [];
    recordStream.on('record', (record) => records.push(record));
    recordStream.on('error', reject);
    recordStream.on('end', () => resolve(records));
  });
}

function csv(rows) {
  const header = 'External_Key__c,Name,Tier__c,Score__c';
  return [header, ...rows.map((r) => [r.key, `"${r.name.replace(/"/g, '""')}"`, r.tier, r.score].join(','))].join('\n') + '\n';
}

describe('Bulk API 2.0', () => {
  test(`loadAndWaitForResults upserts ${ROWS.toLocaleString('en')} rows and reports every row`, async () => {
    const rows = [];
    for (let i = 0; i < ROWS; i++) {
      rows.push({ key: `${run}-${i}`, name: `${run} row ${i}`, tier: i % 10_000 === 7 ? 'Platinum' : 'Gold', score: i % 100 });
    }
    const expectedFailures = rows.filter((r) => r.tier === 'Platinum').length;

    const first = await conn.bulk2.loadAndWaitForResults({
      object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Key__c', input: csv(rows),
    });

    assert.equal(first.successfulResults.length, ROWS - expectedFailures);
    assert.equal(first.failedResults.length, expectedFailures);
    assert.equal(first.unprocessedRecords.length, 0);
    const created = first.successfulResults[0];
    assert.match(created.sf__Id, ID_PATTERN);
    assert.equal(String(created.sf__Created), 'true');
    assert.ok(created.External_Key__c.startsWith(run), 'results carry the original columns');
    const failed = first.failedResults[0];
    assert.match(failed.sf__Error, /^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:/);
    assert.equal(failed.Tier__c, 'Platinum');

    // The same keys again: every good row now matches an existing record and is updated.
    const again = await conn.bulk2.loadAndWaitForResults({
      object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Key__c', input: csv(rows.slice(0, 1_000)),
    });
    assert.equal(again.failedResults.length, 1);
    assert.equal(again.successfulResults.length, 999);
    assert.ok(again.successfulResults.every((r) => String(r.sf__Created) === 'false'));
    // Salesforce does not promise results in the order of the uploaded rows, so rows are matched by their key.
    const firstIds = new Map(first.successfulResults.map((r) => [r.External_Key__c, r.sf__Id]));
    assert.ok(again.successfulResults.every((r) => r.sf__Id === firstIds.get(r.External_Key__c)), 'each row updated the record it created');
  });

  test('a query job returns the loaded rows as records', async () => {
    const records = await collect(await conn.bulk2.query(
      `SELECT Id, External_Key__c, Name, Score__c FROM Account WHERE External_Key__c LIKE ${quote(`${run}-%`)}`,
    ));
    assert.equal(records.length, ROWS - ROWS / 10_000);
    const sample = records.find((r) => r.External_Key__c === `${run}-42`);
    assert.ok(sample, 'row 42 is there');
    assert.equal(sample.Name, `${run} row 42`);
    assert.equal(Number(sample.Score__c), 42);
    assert.match(sample.Id, ID_PATTERN);
  });
});

describe('Bulk API 1.0', () => {
  test('load inserts records in a batch that jsforce polls to completion, with per-record results', async () => {
    const records = [
      { Name: `${run} bulk1 a`, External_Key__c: `${run}-b1-a`, Tier__c: 'Silver' },
      { Name: `${run} bulk1 b`, External_Key__c: `${run}-b1-b`, Tier__c: 'Nope' },
      { Name: `${run} bulk1 c`, External_Key__c: `${run}-b1-c` },
    ];
    const results = await conn.bulk.load('Account', 'insert', records);

    assert.equal(results.length, 3);
    assert.equal(results[0].success, true);
    assert.match(results[0].id, ID_PATTERN);
    assert.equal(results[1].success, false);
    assert.match(results[1].errors.join(' '), /INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/);
    assert.equal(results[2].success, true);

    const saved = await conn.sobject('Account').retrieve(results[0].id);
    assert.equal(saved.Tier__c, 'Silver');
  });

  test('upsert by external ID updates what the insert created', async () => {
    const results = await conn.bulk.load('Account', 'upsert', { extIdField: 'External_Key__c' }, [
      { External_Key__c: `${run}-b1-a`, Name: `${run} bulk1 a renamed` },
    ]);
    assert.equal(results.length, 1);
    assert.equal(results[0].success, true);
    const [record] = (await conn.query(`SELECT Name FROM Account WHERE External_Key__c = ${quote(`${run}-b1-a`)}`)).records;
    assert.equal(record.Name, `${run} bulk1 a renamed`);
  });
});
