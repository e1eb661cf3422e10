// graphql-js reads Graft's introspection: the result of the standard introspection query is
// fed to buildClientSchema + printSchema and must print exactly as the expected SDL does.
// Usage: node introspection_roundtrip.mjs <expected.graphql> <introspection-result.json>
//        (the JSON is a GraphQL response, {"data": {"__schema": ...}}); with "-" as the expected
//        SDL, the rebuilt schema is only validated and its SDL printed on stdout.
import { readFileSync } from "node:fs";
import { buildClientSchema, buildSchema, printSchema, validateSchema } from "graphql";

const [expectedPath, resultPath] = process.argv.slice(2);
if (!expectedPath || !resultPath) {
  console.error("usage: introspection_roundtrip.mjs <expected.graphql> <result.json>");
  process.exit(2);
}
const response = JSON.parse(readFileSync(resultPath, "utf8"));
if (response.errors) {
  console.error("introspection failed:", JSON.stringify(response.errors));
  process.exit(1);
}
// assumeValid: false, so that graphql-js checks the schema it rebuilt.
const rebuilt = buildClientSchema(response.data, { assumeValid: false });
const problems = validateSchema(rebuilt);
if (problems.length > 0) {
  console.error("graphql-js rejects the schema:\n" + problems.map((p) => p.message).join("\n"));
  process.exit(1);
}
const actual = printSchema(rebuilt);
if (expectedPath === "-") {
  console.log(actual);
  process.exit(0);
}
const expected = printSchema(buildSchema(readFileSync(expectedPath, "utf8")));
if (actual !== expected) {
  const want = expected.split("\n");
  const got = actual.split("\n");
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      console.error(`first difference at line ${i + 1}:\n  expected: ${want[i]}\n  actual:   ${got[i]}`);
      break;
    }
  }
  process.exit(1);
}
console.log(`introspection round-trips: ${actual.split("\n").length} lines of SDL`);
