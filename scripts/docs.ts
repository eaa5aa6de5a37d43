/** `npm run docs`: writes docs/content-format.md from the schema. */
import fs from 'node:fs';
import { contentReference } from '../src/content/reference.ts';

fs.writeFileSync('docs/content-format.md', contentReference());
console.log('Wrote docs/content-format.md from src/content/schema.ts.');
