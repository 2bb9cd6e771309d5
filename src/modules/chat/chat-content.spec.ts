import { ValidationFailed } from '../../common/errors/api-error';
import { flattenContent, parseContent, PHONE_REQUEST_TEXT, previewText } from './chat-content';

describe('chat content', () => {
  it('keeps only the keys of the info_type', () => {
    expect(parseContent({ info_type: 2, product_name: 'p', product_price: 12.5, id: 1, msg: 'x' }, 'customer')).toEqual({
      infoType: 2,
      fields: { product_name: 'p', product_price: '12.5' },
    });
  });

  it('parses a JSON string and forces the rep phone request text', () => {
    expect(parseContent('{"info_type":3,"msg":"x"}', 'rep')).toEqual({ infoType: 3, fields: { msg: PHONE_REQUEST_TEXT } });
  });

  it('reports every failing key at once', () => {
    try {
      parseContent({ info_type: 2, product_name: '', product_cover_url: 'has space' }, 'customer');
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(Object.keys((error as ValidationFailed).fieldErrors).sort()).toEqual(['content.product_cover_url', 'content.product_name']);
    }
  });

  it('flattens through the whitelist and previews per type', () => {
    expect(flattenContent(1, { msg: 'a', id: 5, send_type: 9 })).toEqual({ info_type: 1, msg: 'a' });
    expect(previewText(1, { msg: 'a' })).toBe('a');
    expect(previewText(2, { product_name: 'p' })).toBe('向您咨询:p');
    expect(previewText(3, { msg: PHONE_REQUEST_TEXT })).toBe(PHONE_REQUEST_TEXT);
    expect(previewText(4, { url: 'u' })).toBe('[图片]');
    expect(previewText(5, { url: 'u' })).toBe('[视频]');
  });
});
