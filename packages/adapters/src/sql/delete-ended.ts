import type { Knex } from 'knex';

/**
 * Deletes up to `limit` rows of `table` that ended before `cutoff`: rows where any of the
 * `endedAt` columns is earlier. Ids are selected first, then deleted by id, so a batch
 * never holds long range locks on MySQL, and two schedulers deleting the same ids just
 * count them once.
 */
export async function deleteEndedBefore(
  knex: Knex,
  table: 'sessions' | 'one_time_tokens',
  endedAt: ReadonlyArray<'expires_at' | 'revoked_at' | 'used_at'>,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const ids = await knex(table)
    .where((ended) => {
      for (const column of endedAt) ended.orWhere(column, '<', cutoff);
    })
    .limit(limit)
    .pluck('id');
  if (ids.length === 0) return 0;
  return knex(table).whereIn('id', ids).delete();
}
