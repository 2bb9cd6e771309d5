import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, IsString } from 'class-validator';
import { MaxChars } from '../../../common/validation/code-points';

/**
 * `content`: a JSON object, or that object as a JSON string inside a form body. Its shape per
 * info_type is checked by parseContent (chat-content.ts), which reports `content.<key>` errors.
 */
export const ChatContentProperty = () =>
  applyDecorators(
    ApiProperty({
      description:
        'Message content: a JSON object (JSON body) or the same object as a JSON string (form body). ' +
        'info_type 1 text {msg 1..2000}; 2 product inquiry {product_cover_url, product_name, product_price}; ' +
        '3 phone request {msg}; 4 image {url}; 5 video {url}. Other keys are dropped.',
      oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }],
      example: '{"info_type":1,"msg":"你好"}',
    }),
    IsDefined({ message: '这个字段是必填项。' }),
  );

/** Optional idempotency key (≤64 chars); numbers from JSON bodies are taken as text. */
export const ClientMsgIdProperty = () =>
  applyDecorators(
    // The example is empty (no key): a fixed one would make every "Execute" in /docs a retry.
    ApiPropertyOptional({ type: 'string', maxLength: 64, example: '' }),
    IsOptional(),
    Transform(({ value }) => (typeof value === 'number' ? String(value) : value === '' ? undefined : value)),
    IsString(),
    MaxChars(64),
  );
