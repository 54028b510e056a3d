// `npm run docs:rent-to-own`: rewrites the generated regions of docs/rent-to-own.md from the
// domain (built first: this runs compiled, from test/docs/dist).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRentToOwnDoc, RENT_TO_OWN_DOC } from './rent-to-own-doc.js';

const root = process.cwd();
const path = join(root, RENT_TO_OWN_DOC);
const before = readFileSync(path, 'utf8');
const after = renderRentToOwnDoc(before);
if (after === before) {
  console.log(`${RENT_TO_OWN_DOC} is up to date`);
} else {
  writeFileSync(path, after);
  console.log(`${RENT_TO_OWN_DOC} rewritten`);
}
