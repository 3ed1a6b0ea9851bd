import { describe, expect, it } from 'vitest';
import { formSerialRange, parseFormSerial } from '../../shared/domain/certificates/forms';

describe('blank-form serials', () => {
  it('splits letters from the zero-padded number and keeps the width', () => {
    expect(parseFormSerial(' No.0012001 ')).toEqual({ prefix: 'No.', number: 12001, width: 7 });
    expect(parseFormSerial('000123')).toEqual({ prefix: '', number: 123, width: 6 });
    expect(parseFormSerial('No.12A')).toEqual({ problem: '空白证书编号“No.12A”应以数字结尾（如 No.0012001）' });
    expect(parseFormSerial('No. 12')).toMatchObject({ problem: expect.stringContaining('不能有空格') });
  });

  it('expands a range with both ends, refusing mismatched letters, widths, reversed or huge ranges', () => {
    expect(formSerialRange('No.0000098', 'No.0000101')).toMatchObject({ ok: true, serials: ['No.0000098', 'No.0000099', 'No.0000100', 'No.0000101'] });
    expect(formSerialRange('A001', 'B005')).toMatchObject({ ok: false, problem: expect.stringContaining('字母部分不同') });
    expect(formSerialRange('A001', 'A0005')).toMatchObject({ ok: false, problem: expect.stringContaining('位数不同') });
    expect(formSerialRange('A005', 'A001')).toMatchObject({ ok: false, problem: expect.stringContaining('小于起始编号') });
    expect(formSerialRange('A000001', 'A100000')).toMatchObject({ ok: false, problem: expect.stringContaining('请分段登记') });
  });
});
