/**
 * A shared payment schedule split among several obligees (group obligations, issue 7).
 *
 * Fourteen workers owed ¥96,000 in three instalments: each worker's row must state what they
 * get on each date, the rows must add up to each worker's amount, and each date's column must
 * add up to that instalment. Rounding each cell on its own breaks one of the two sums; the
 * cumulative form below keeps both exact: with S(i) the sum of the first i shares and P(k) the
 * sum of the first k instalments, cell (i, k) = F(i, k) − F(i−1, k) − F(i, k−1) + F(i−1, k−1)
 * where F(i, k) = ⌊S(i)·P(k) / total⌋. Row i then sums to S(i) − S(i−1) and column k to
 * P(k) − P(k−1), because F(i, K) = S(i) and F(N, k) = P(k) exactly.
 */
export function splitSharedSchedule(
  shares: readonly number[],
  instalments: readonly number[],
): number[][] | null {
  const total = shares.reduce((s, x) => s + x, 0);
  if (total !== instalments.reduce((s, x) => s + x, 0) || total <= 0) return null;
  const big = BigInt(total);
  const cumShares = prefixSums(shares);
  const cumInstalments = prefixSums(instalments);
  const f = (i: number, k: number): bigint =>
    (BigInt(cumShares[i] ?? 0) * BigInt(cumInstalments[k] ?? 0)) / big;
  const rows: number[][] = [];
  for (let i = 1; i <= shares.length; i += 1) {
    const row: number[] = [];
    for (let k = 1; k <= instalments.length; k += 1) {
      const cell = f(i, k) - f(i - 1, k) - f(i, k - 1) + f(i - 1, k - 1);
      // Only with amounts of a few fen against a large total; the caller asks for own instalments.
      if (cell < 0n) return null;
      row.push(Number(cell));
    }
    rows.push(row);
  }
  return rows;
}

function prefixSums(values: readonly number[]): number[] {
  const out = [0];
  for (const v of values) out.push((out[out.length - 1] ?? 0) + v);
  return out;
}
