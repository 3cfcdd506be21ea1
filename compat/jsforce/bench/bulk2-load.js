// The jsforce side of `./bench compare`: one bulk2.loadAndWaitForResults upsert of a CSV file on Account by
// External_Key__c, as a jsforce user would write it, against the org named by the SFSYNC_* variables (see lib/org.js).
// Prints one JSON line with the result counts, which the harness checks; time, CPU and memory are measured from outside.
import fs from 'node:fs';
import { login } from '../lib/org.js';

const csvFile = process.argv[2];
if (!csvFile || !fs.existsSync(csvFile)) {
  console.error(`usage: node bench/bulk2-load.js FILE.csv (no such file: ${csvFile ?? 'none given'})`);
  process.exit(2);
}

const conn = await login();
// jsforce's default poll interval (1 s) is kept, as a user would; its default timeout (10 s) is too short for a
// million rows, so it is raised as a user loading that much would have to.
conn.bulk2.pollTimeout = 3_600_000;
const results = await conn.bulk2.loadAndWaitForResults({
  object: 'Account',
  operation: 'upsert',
  externalIdFieldName: 'External_Key__c',
  input: fs.createReadStream(csvFile),
});
console.log(JSON.stringify({
  successful: results.successfulResults.length,
  failed: results.failedResults.length,
  unprocessed: results.unprocessedRecords.length,
  firstError: results.failedResults[0]?.sf__Error ?? null,
}));
