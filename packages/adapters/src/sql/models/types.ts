/** How a timestamp column reads back: a Date on MySQL, epoch milliseconds on SQLite. */
export type DbTimestamp = Date | number;
/** How a boolean column reads back: 0/1 on both engines (true/false when just written). */
export type DbBoolean = boolean | number;
