// For a scenario that writes (POST /api/orders): every answered request must have added
// exactly one row, none lost and none counted twice. autocannon stops the clock with one
// request still in flight per connection: it drops those connections unanswered, but
// the server still carries them out, so they are added to the expected count.

export async function countRows(pool, table) {
  const [[{ total }]] = await pool.query('SELECT COUNT(*) AS total FROM ??', [table]);
  return Number(total);
}

/** The count once it has stopped moving (the in-flight requests are done), or after `timeoutMs`. */
export async function settledCount(pool, table, { quietMs = 1_000, timeoutMs = 15_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = await countRows(pool, table);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await countRows(pool, table);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * Compares the rows added with what the load generator saw: `runs` are the app's
 * autocannon figures (warm-up and rounds), `sanityRows` the rows the sanity request made.
 */
export function rowsCheck({ table, before, after, sanityRows, runs }) {
  const answered = runs.reduce((total, figures) => total + figures.requests - figures.non_2xx, 0);
  const inFlight = runs.reduce((total, figures) => total + figures.requests_sent - figures.requests, 0);
  const created = after - before;
  const expected = sanityRows + answered + inFlight;
  const ok = created === expected;
  return {
    table,
    rows_created: created,
    sanity_request_rows: sanityRows,
    answered_2xx: answered,
    in_flight_at_stop: inFlight,
    ok,
    summary:
      `${created} ${table} rows created; expected ${expected} = ${sanityRows} (sanity request) + ${answered} answered 2xx ` +
      `+ ${inFlight} in flight when autocannon stopped (${runs.length} runs): ${ok ? 'ok' : 'MISMATCH'}`,
  };
}
