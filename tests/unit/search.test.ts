import { describe, expect, it } from 'vitest';
import { containsPattern, foldVietnamese } from '@/lib/domain/search';

describe('foldVietnamese', () => {
  it('drops every Vietnamese tone and vowel mark, in both cases', () => {
    expect(foldVietnamese('Nghiên cứu nông nghiệp Đồng Tháp')).toBe('nghien cuu nong nghiep dong thap');
    expect(foldVietnamese('ĐỒNG')).toBe('dong');
    expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy',
    );
    expect(foldVietnamese('ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ ÊỀẾỂỄỆ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ƯỪỨỬỮỰ ỲÝỶỸỴ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeeee oooooo oooooo uuuuuu yyyyy',
    );
  });

  it('maps đ and Đ to d (they have no decomposition) and leaves plain text as it is, lower-cased', () => {
    expect(foldVietnamese('đ Đ d D')).toBe('d d d d');
    expect(foldVietnamese('KHCN-2020-001')).toBe('khcn-2020-001');
    expect(foldVietnamese('nong nghiep')).toBe('nong nghiep');
  });

  it('folds precomposed and decomposed input alike (some keyboards type combining marks)', () => {
    const composed = 'Lúa chịu mặn';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
    expect(foldVietnamese(composed)).toBe('lua chiu man');
  });

  it('trims the ends and makes runs of white space one space', () => {
    expect(foldVietnamese('  nông \t nghiệp\n ')).toBe('nong nghiep');
    expect(foldVietnamese('   ')).toBe('');
  });
});

describe('containsPattern', () => {
  it('is the folded words anywhere, or null when nothing is left to search for', () => {
    expect(containsPattern('Đồng Tháp')).toBe('%dong thap%');
    expect(containsPattern('')).toBeNull();
    expect(containsPattern('  ')).toBeNull();
    expect(containsPattern(undefined)).toBeNull();
  });

  it('takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('c:\\x')).toBe('%c:\\\\x%');
  });
});
