import {
  containsPersonalData,
  findPersonalData,
  hasValidIdChecksum,
  maskPersonalText,
  maskPersonalValues,
} from '../personal-text';

const ID = '330502199003071232';
const ID_X = '11010519491231002X';

describe('personal data in free text', () => {
  it('checks the GB 11643 check character', () => {
    expect(hasValidIdChecksum(ID)).toBe(true);
    expect(hasValidIdChecksum(ID_X)).toBe(true);
    expect(hasValidIdChecksum(ID_X.toLowerCase())).toBe(true);
    expect(hasValidIdChecksum('330502199003071233')).toBe(false);
  });

  it('masks a resident ID number in text, keeping region and last four', () => {
    expect(maskPersonalText(`申请人身份证号${ID}，住大河村`)).toBe('申请人身份证号330502********1232，住大河村');
    expect(maskPersonalText(`证件 ${ID_X.toLowerCase()}`)).toBe('证件 110105********002x');
    expect(maskPersonalText('１１０１０５１９４９１２３１００２Ｘ')).toBe('１１０１０５********００２Ｘ');
  });

  it('leaves 18-digit numbers with a wrong checksum, and ID numbers inside longer digit runs', () => {
    expect(maskPersonalText('订单号330502199003071233已付款')).toBe('订单号330502199003071233已付款');
    expect(maskPersonalText(`流水9${ID}`)).toBe(`流水9${ID}`);
    expect(maskPersonalText(`${ID}7`)).toBe(`${ID}7`);
  });

  it('masks mobile numbers plain, grouped, after +86 and in full-width digits', () => {
    expect(maskPersonalText('电话13812345678')).toBe('电话138****5678');
    expect(maskPersonalText('tel:13812345678.')).toBe('tel:138****5678.');
    expect(maskPersonalText('拨打 138-1234-5678 或 139 8765 4321')).toBe('拨打 138-****-5678 或 139 **** 4321');
    expect(maskPersonalText('+86 13812345678')).toBe('+86 138****5678');
    expect(maskPersonalText('008613812345678')).toBe('0086138****5678');
    expect(maskPersonalText('8613812345678')).toBe('86138****5678');
    expect(maskPersonalText('手机１３８１２３４５６７８')).toBe('手机１３８****５６７８');
    expect(maskPersonalText('电话：１３８－１２３４－５６７８')).toBe('电话：１３８－****－５６７８');
    expect(maskPersonalText('+86-138-1234-5678')).toBe('+86-138-****-5678');
    expect(maskPersonalText('(+86)13812345678')).toBe('(+86)138****5678');
  });

  it('leaves numbers that are not mobiles: other prefixes, longer runs, landlines, amounts', () => {
    for (const s of [
      '12812345678',
      '913812345678',
      '138123456789',
      '0572-2123456',
      '金额 3000000 元',
      '案号 ZL-2026-000123',
      '2026-11-27T08:00:00.000Z',
    ])
      expect(maskPersonalText(s)).toBe(s);
  });

  it('ignores digits inside UUIDs', () => {
    const uuid = '019a1b2c-1391-7111-8222-a16298340153';
    expect(findPersonalData(uuid)).toEqual([]);
    expect(maskPersonalText(`${uuid} 13812345678`)).toBe(`${uuid} 138****5678`);
  });

  it('finds each number once, in order, with its kind', () => {
    const text = `手机13812345678，身份证${ID}`;
    expect(findPersonalData(text)).toEqual([
      { kind: 'MOBILE', start: 2, end: 13 },
      { kind: 'ID_NUMBER', start: 17, end: 35 },
    ]);
    expect(containsPersonalData('没有号码')).toBe(false);
  });

  it('masks strings and phone-like numbers inside JSON values, keeping keys and everything else', () => {
    const data = { reason: `联系13812345678`, tel: 13911112222, ids: ['019a1b2c-1391-7111-8222-139111122223'], n: 3 };
    expect(maskPersonalValues(data)).toEqual({
      reason: '联系138****5678',
      tel: '139****2222',
      ids: ['019a1b2c-1391-7111-8222-139111122223'],
      n: 3,
    });
    const clean = { a: 'x', b: [1, 2] };
    expect(maskPersonalValues(clean)).toBe(clean);
  });
});
