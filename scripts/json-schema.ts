/**
 * `npm run json-schema`: writes the JSON Schemas of the content files into schemas/ from the Zod
 * schema (src/content/schema.ts). Content files point editors' YAML tools at these copies; the
 * build publishes the same schemas at /schemas/. A test fails when the copies are out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_KINDS, jsonSchemaText, SCHEMA_FOLDER, schemaFileName } from '../src/content/json-schema.ts';

fs.mkdirSync(SCHEMA_FOLDER, { recursive: true });
for (const kind of CONTENT_KINDS) {
  const file = path.posix.join(SCHEMA_FOLDER, schemaFileName(kind));
  fs.writeFileSync(file, jsonSchemaText(kind));
  console.log(`Wrote ${file} from src/content/schema.ts.`);
}
