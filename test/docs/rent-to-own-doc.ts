// docs/rent-to-own.md with its generated regions rewritten. Used by the command that writes
// the file (write-rent-to-own-doc.ts) and by the test that fails when the file is stale.
import { withRegions } from './markdown.js';
import { workedExamples } from './rent-to-own-examples.js';
import { policyTable, transitionsTable } from './rent-to-own-tables.js';

export const RENT_TO_OWN_DOC = 'docs/rent-to-own.md';
export const RENT_TO_OWN_COMMAND = 'npm run docs:rent-to-own';

/** The document with its `policy`, `transitions` and `examples` regions as the domain computes them now. */
export function renderRentToOwnDoc(document: string): string {
  return withRegions(
    document,
    { policy: policyTable(), transitions: transitionsTable(), examples: workedExamples() },
    RENT_TO_OWN_COMMAND,
  );
}
