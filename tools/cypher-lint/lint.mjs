// Lint Cypher with Neo4j's own front end (syntax, semantics, undeclared parameters), offline.
// stdin: {"schema": DbSchema, "queries": [{"name", "cypher", "parameters"}]}
// stdout: [{"name", "diagnostics": [{"severity", "message", "line", "column"}]}]
import { lintCypherQuery } from '@neo4j-cypher/language-support';
// The package's own registry of Neo4j 5's built-in functions (taken from a real server), so
// unknown functions and wrong arity are reported too.
import { testData } from './node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/tests/testData.js';

const builtIns = { functions: testData.mockSchema.functions, procedures: testData.mockSchema.procedures };

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { schema, queries } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = queries.map(({ name, cypher, parameters }) => {
  const { diagnostics } = lintCypherQuery(cypher, { ...builtIns, ...schema, parameters });
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity === 1 ? 'error' : 'warning',
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
