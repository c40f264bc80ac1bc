// The wording of the department's documents (Decree 30/2020/ND-CP, Appendix I): the date line with a two-digit
// day and a leading zero only for the months 1 and 2, the day taken in Vietnam, the number, the amounts.
import { describe, expect, it } from 'vitest';
import { amountInDong, documentDate, documentFileName, documentNumber, placeAndDate, shortDate } from '@/lib/domain/documents';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('documentDate', () => {
  it.each([
    ['2027-03-05', 'ngày 05 tháng 3 năm 2027'],
    ['2027-03-15', 'ngày 15 tháng 3 năm 2027'],
    ['2027-01-05', 'ngày 05 tháng 01 năm 2027'],
    ['2027-02-28', 'ngày 28 tháng 02 năm 2027'],
    ['2028-02-29', 'ngày 29 tháng 02 năm 2028'],
    ['2027-10-01', 'ngày 01 tháng 10 năm 2027'],
    ['2027-12-31', 'ngày 31 tháng 12 năm 2027'],
  ])('%s -> %s', (d, want) => expect(documentDate(day(d))).toBe(want));

  it('takes the day in Vietnam: 17:30 UTC on 31/12 is already 1 January there', () => {
    expect(documentDate(new Date('2026-12-31T17:30:00Z'))).toBe('ngày 01 tháng 01 năm 2027');
    expect(documentDate(new Date('2026-12-31T16:59:00Z'))).toBe('ngày 31 tháng 12 năm 2026');
  });

  it('leaves blanks for the clerk without a date', () => {
    expect(documentDate(null)).toBe('ngày ... tháng ... năm ...');
  });

  it('puts the place before the date', () => {
    expect(placeAndDate(day('2027-03-15'))).toBe('An Phú, ngày 15 tháng 3 năm 2027');
  });
});

describe('documentNumber', () => {
  it('keeps a full number, completes a bare one, leaves a blank otherwise', () => {
    expect(documentNumber('123/QĐ-SKHCN', 'QĐ')).toBe('Số: 123/QĐ-SKHCN');
    expect(documentNumber('45', 'BB')).toBe('Số: 45/BB-SKHCN');
    expect(documentNumber(null, 'QĐ')).toBe('Số: ....../QĐ-SKHCN');
    expect(documentNumber('  ', 'QĐ')).toBe('Số: ....../QĐ-SKHCN');
  });
});

describe('amounts and short dates', () => {
  it.each([
    [1_200_000_000n, '1.200.000.000 đồng'],
    [50_000_000n, '50.000.000 đồng'],
    [0n, '0 đồng'],
    [999, '999 đồng'],
    [1000, '1.000 đồng'],
  ])('%s -> %s', (v, want) => expect(amountInDong(v)).toBe(want));

  it('a missing amount is a blank', () => expect(amountInDong(null)).toBe('............ đồng'));

  it('short dates are dd/mm/yyyy in Vietnam', () => {
    expect(shortDate(day('2028-06-30'))).toBe('30/06/2028');
    expect(shortDate(new Date('2028-06-30T18:00:00Z'))).toBe('01/07/2028');
    expect(shortDate(null)).toBe('...');
  });
});

describe('documentFileName', () => {
  it('keeps Vietnamese and drops path characters', () => {
    expect(documentFileName('Quyết định phê duyệt', '123/QĐ-SKHCN')).toBe('Quyết định phê duyệt 123-QĐ-SKHCN.docx');
    expect(documentFileName('Phiếu đánh giá', null)).toBe('Phiếu đánh giá.docx');
  });
});
