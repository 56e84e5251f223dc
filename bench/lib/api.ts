// Only test/server/import-crash.test.ts still imports this path (a file of the test
// infrastructure, changed on its own branch): delete this file once it imports tools/ instead.
export { LifelineClient, type ImportState } from '../../tools/lifeline-client.js';
