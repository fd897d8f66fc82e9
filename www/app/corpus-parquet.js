// The corpus table as Parquet, written in the page: the columns and types of `tifa corpus
// --format parquet` (text as UTF-8 strings, counts as INT64, the rate as DOUBLE, every column
// required), by hyparquet-writer (MIT; bundled into www/vendor/ by `make build`, loaded on the
// first Parquet export only).

const WRITER = '../vendor/parquet-writer.min.js';

/**
 * The column data of a table given as `tifa corpus` JSON Lines (the columns in the CLI's order):
 * `[{ name, data, type, nullable: false }]`, or null for a table without rows.
 *
 * @example
 *   parquetColumns('{"period":"2020","term":"a","occurrences":3,"rate":7.5}\n')
 *   // [{ name: 'period', data: ['2020'], type: 'STRING', nullable: false }, …,
 *   //  { name: 'occurrences', data: [3n], type: 'INT64', … }, { name: 'rate', data: [7.5], type: 'DOUBLE', … }]
 * @param {string} jsonl
 */
export function parquetColumns(jsonl) {
  const rows = jsonl.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (!rows.length) return null;
  return Object.keys(rows[0]).map((name) => {
    const first = rows[0][name];
    const type = typeof first === 'string' ? 'STRING' : name === 'rate' || name === 'score' ? 'DOUBLE' : 'INT64';
    const cast = type === 'INT64' ? (v) => BigInt(v) : type === 'DOUBLE' ? Number : String;
    return { name, data: rows.map((r) => cast(r[name])), type, nullable: false };
  });
}

/**
 * The Parquet bytes of a `tifa corpus` table given as JSON Lines (null when it has no rows).
 *
 * @example const bytes = await corpusParquet(total.jsonl());
 * @param {string} jsonl
 * @returns {Promise<ArrayBuffer|null>}
 */
export async function corpusParquet(jsonl) {
  const columnData = parquetColumns(jsonl);
  if (!columnData) return null;
  const { parquetWriteBuffer } = await import(WRITER);
  return parquetWriteBuffer({ columnData });
}
