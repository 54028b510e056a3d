// The policy and state-machine tables of docs/rent-to-own.md, read from the domain's constants.
import { DEFAULT_RENTAL_POLICY, formatMoney, RENTAL_PURCHASE_LIMITS, RENTAL_TRANSITIONS } from '@giggatek/domain';
import { code, table } from './markdown.js';

const policy = DEFAULT_RENTAL_POLICY;
const limits = RENTAL_PURCHASE_LIMITS;

/** SPEC §5 spells the settings in snake_case; the stored setting keeps the domain's names. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The `policy` region: each setting, its default and the limit a saved policy must respect. */
export function policyTable(): string {
  const markups = policy.terms.map((term) => `${term}: ${policy.markupBp[term] ?? 0}`).join(', ');
  const rows: [keyof typeof policy, string, string][] = [
    ['terms', `${policy.terms.join(', ')} months`, `each at most ${limits.maxTermMonths} months`],
    ['markupBp', markups, '10000 + markup at most maxTotalBp'],
    ['maxTotalBp', `${policy.maxTotalBp} (${policy.maxTotalBp / 10_000}×)`, `10000 to ${limits.maxTotalBp}`],
    ['graceDays', `${policy.graceDays} days`, `at least ${limits.graceDays}`],
    ['lateFeeBp', `${policy.lateFeeBp} (${policy.lateFeeBp / 100}%)`, `at most ${limits.lateFeeBp}`],
    [
      'lateFeeCap',
      `${policy.lateFeeCap} (${formatMoney(policy.lateFeeCap)})`,
      `at most ${limits.lateFeeCap} (${formatMoney(limits.lateFeeCap)})`,
    ],
    ['sameAsCashDays', `${policy.sameAsCashDays} days`, `at least ${limits.sameAsCashDays}`],
    ['defaultAfterDays', `${policy.defaultAfterDays} days`, 'at least graceDays'],
  ];
  return table(
    ['Setting', 'SPEC name', 'Default', 'Limit'],
    rows.map(([name, value, limit]) => [code(`rental_policy.${name}`), code(snake(name)), value, limit]),
    ['left', 'left', 'left', 'left'],
  );
}

/** The `transitions` region: RENTAL_TRANSITIONS, the only status changes there are. */
export function transitionsTable(): string {
  return table(
    ['From', 'To', 'Who', 'Action'],
    RENTAL_TRANSITIONS.map((t) => [code(t.from), code(t.to), t.allowed.join(', '), t.action]),
    ['left', 'left', 'left', 'left'],
  );
}
