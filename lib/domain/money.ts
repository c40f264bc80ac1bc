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

/** The largest amount a money field takes (10 000 tỷ đồng). */
export const MAX_VND = 10_000_000_000_000n;

/**
 * Whole đồng from "1.250.000.000", "1 250 000 000", "1250000000" or a number; refuses decimals and negatives with
 * the catalog key of the reason. The rule of the `money` schema (lib/domain/inputs.ts), also run by the forms' live
 * totals, which read amounts while they are typed without waiting for zod.
 */
export function readMoney(v: string | number | bigint): { ok: true; amount: bigint } | { ok: false; message: string } {
  const s =
    typeof v === 'string'
      ? v
          .trim()
          .replace(/[.\s\u00a0]/g, '')
          .replace(/₫|đ|vnd/gi, '')
      : String(v);
  if (!/^\d+$/.test(s)) return { ok: false, message: s.startsWith('-') ? 'validation.moneyNegative' : 'validation.money' };
  const amount = BigInt(s);
  if (amount > MAX_VND) return { ok: false, message: 'validation.moneyTooLarge' };
  return { ok: true, amount };
}
