import { RADAR_ACTION_CODES, radarLog, standardRemark } from './radar-actions';

describe('radar action catalogue', () => {
  it('has exactly the codes of API.md §6.10', () => {
    expect(RADAR_ACTION_CODES).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16]);
  });

  it('words the remark like the brief (张聪觉得靠谱, 张聪访问了产品)', () => {
    expect(radarLog('张聪', standardRemark(9))).toBe('张聪觉得靠谱');
    expect(radarLog('张聪', standardRemark(2))).toBe('张聪访问了产品');
  });

  it('names the product or article target when given', () => {
    expect(standardRemark(7, { productName: '智能手环' })).toBe('咨询了产品《智能手环》');
    expect(standardRemark(15, { title: '选购指南' })).toBe('转发了文章《选购指南》给朋友');
    expect(standardRemark(1, { productName: '智能手环' })).toBe('访问了您的名片');
  });
});
