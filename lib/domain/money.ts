// Money is whole đồng held as bigint, shown in vi-VN grouping. Pure, without dependencies (forms run it in the browser).
/** 1250000000 -> "1.250.000.000": what a money input shows (the money schema accepts it back); null -> ''. */
export function moneyInputValue(amount: bigint | number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1250000000n -> "1.250.000.000 ₫" (vi-VN grouping and symbol in both languages). */
export function formatVnd(amount: bigint | number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const n = typeof amount === 'bigint' ? amount : BigInt(Math.trunc(amount));
  const negative = n < 0n;
  return `${negative ? '-' : ''}${moneyInputValue(negative ? -n : n)} ₫`;
}
