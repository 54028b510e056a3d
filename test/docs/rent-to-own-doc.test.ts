import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderRentToOwnDoc, RENT_TO_OWN_COMMAND, RENT_TO_OWN_DOC } from './rent-to-own-doc.js';

const path = join(import.meta.dirname, '..', '..', RENT_TO_OWN_DOC);
const committed = readFileSync(path, 'utf8');
const stale = `${RENT_TO_OWN_DOC} differs from what the domain computes: run \`${RENT_TO_OWN_COMMAND}\` and commit it`;

describe('docs/rent-to-own.md', () => {
  it('has the generated regions the domain computes now', () => {
    expect(renderRentToOwnDoc(committed), stale).toBe(committed);
  });

  it('is as Prettier writes it, so regenerating it never unformats it', async () => {
    const options = (await prettier.resolveConfig(path)) ?? {};
    expect(await prettier.check(committed, { ...options, filepath: path })).toBe(true);
  });

  it('shows the figures SPEC §5 works out', () => {
    const examples = committed.slice(committed.indexOf('## Worked examples'));
    for (const figure of [
      '= `3834` ($38.34)', // monthly rate of P = 39 999 over 12 months
      '= `46008` ($460.08)', // total of payments
      '= `6009` ($60.09)', // cost of rental
      'buyout amount: `min(36165, 42174) + 0` (late fees) = `36165` ($361.65)', // day 30, one payment
      'buyout amount: `min(26666, 30672) + 0` = `26666` ($266.66)', // day 120, four payments
      '= `192` ($1.92)', // late fee
    ]) {
      expect(examples).toContain(figure);
    }
    // A Jan 31 start in February (a common and a leap year), then back to the 31st.
    expect(examples).toMatch(/\| +2 \| 2025-02-28 +\| 2028-02-29 +\|/);
    expect(examples).toMatch(/\| +3 \| 2025-03-31 +\| 2028-03-31 +\|/);
  });

  it('puts back a hand-edited figure, so a stale document cannot pass', () => {
    const edited = committed.replace('= `36165` ($361.65)', '= `36000` ($360.00)');
    expect(edited).not.toBe(committed);
    expect(renderRentToOwnDoc(edited)).toBe(committed);
  });

  it('refuses a document without its markers', () => {
    expect(() => renderRentToOwnDoc('# Rent-to-own\n')).toThrow(/no <!-- BEGIN GENERATED policy/);
  });
});
