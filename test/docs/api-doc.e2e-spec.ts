import { Body, Get, Module, Post, Query } from '@nestjs/common';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { CustomerController } from '../../src/common/auth/surface.decorators';
import { ok } from '../../src/common/envelope/envelope';
import { CreatedId } from '../../src/common/envelope/envelope-data.dto';
import { ApiDoc, DocErrors } from '../../src/common/openapi/api-doc.decorator';
import { UnreadCount } from '../../src/modules/chat/dto/chat-message.response.dto';
import { TestApp } from '../support/test-app';
import { createWorld } from '../support/world';

class DocProbeBody {
  @Type(() => Number)
  @IsInt()
  u_id: number;

  @IsOptional()
  content?: unknown;

  @IsOptional()
  @IsString()
  client_msg_id?: string;
}

class DocProbeQuery {
  @IsOptional()
  @IsString()
  u_id?: string;
}

/** A route documented with @ApiDoc the way module routes will be. */
@CustomerController('doc-probe', 'Doc probe')
class DocProbeController {
  @Post('send/0')
  @ApiDoc({
    operationId: 'docProbeSend',
    returns: CreatedId,
    name: '发送消息',
    english: 'Send a message',
    description: 'Stores a message (test-only route).',
    json: { u_id: 1, content: { info_type: 1, msg: '你好' }, client_msg_id: 'c-1' },
    success: { msg: 'send msg successful', data: { id: 42 } },
    errors: [DocErrors.validation402({ u_id: [{ message: '该字段是必填项。', code: 'required' }] }), DocErrors.noRelation()],
  })
  send(@Body() body: DocProbeBody) {
    return ok('send msg successful', { id: body.u_id });
  }

  @Get('count/0')
  @ApiDoc({
    operationId: 'docProbeCount',
    returns: UnreadCount,
    name: '获取未读消息数',
    english: 'Count unread messages',
    description: 'Counts (test-only route).',
    success: { msg: '查询成功', data: { chatinfo_count: 3 } },
    errors: [DocErrors.validation302({ u_id: [{ message: '该字段是必填项。', code: 'required' }] })],
  })
  count(@Query() _query: DocProbeQuery) {
    return ok('查询成功', { chatinfo_count: 3 });
  }
}

@Module({ controllers: [DocProbeController] })
class DocProbeModule {}

describe('@ApiDoc: complete operation docs for module routes', () => {
  let t: TestApp;
  let doc: any; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    t = await TestApp.start({}, [DocProbeModule]);
    doc = (await t.request('GET', '/docs-json')).body;
  });
  afterAll(async () => t.close());

  it('sets the summary "<中文> / <English>" and the description', () => {
    const op = doc.paths['/zhugeleida/gongzhonghao/doc-probe/send/0'].post;
    expect(op.summary).toBe('发送消息 / Send a message');
    expect(op.description).toBe('Stores a message (test-only route).');
    expect(op.tags).toEqual(['Doc probe']);
  });

  it('gives form and JSON request examples: the form one with nested objects as JSON strings, like a legacy client', () => {
    const content = doc.paths['/zhugeleida/gongzhonghao/doc-probe/send/0'].post.requestBody.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(content['application/x-www-form-urlencoded'].examples.form.value).toEqual({ u_id: 1, content: '{"info_type":1,"msg":"你好"}', client_msg_id: 'c-1' });
    expect(content['application/json'].examples.json.value).toEqual({ u_id: 1, content: { info_type: 1, msg: '你好' }, client_msg_id: 'c-1' });
  });

  it('gives HTTP 200 response examples for success, the signature failure and each documented error', () => {
    const post = doc.paths['/zhugeleida/gongzhonghao/doc-probe/send/0'].post.responses['200'].content['application/json'].examples;
    expect(Object.keys(post)).toEqual(['code_200', 'code_400', 'code_402', 'code_307']);
    expect(post.code_200.value).toEqual({ code: 200, msg: 'send msg successful', data: { id: 42 } });
    expect(post.code_400.value).toEqual({ code: 400, msg: 'token异常', data: { reason: 'bad_signature' } });
    expect(post.code_307.value).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
    const get = doc.paths['/zhugeleida/gongzhonghao/doc-probe/count/0'].get;
    expect(get.requestBody).toBeUndefined();
    expect(get.responses['200'].content['application/json'].examples.code_302.value).toEqual({ code: 302, msg: '请求异常', data: { u_id: [{ message: '该字段是必填项。', code: 'required' }] } });
  });

  it('types every outcome: a oneOf of envelopes that pin their code, the success data by its DTO, and the non-200 statuses', () => {
    const post = doc.paths['/zhugeleida/gongzhonghao/doc-probe/send/0'].post;
    expect(post.operationId).toBe('docProbeSend');
    const [success, ...errors] = post.responses['200'].content['application/json'].schema.oneOf;
    expect(success.properties.code).toEqual({ type: 'integer', enum: [200] });
    expect(success.properties.msg).toEqual({ type: 'string', enum: ['send msg successful'] });
    expect(success.properties.data).toEqual({ $ref: '#/components/schemas/CreatedId' });
    expect(errors.map((e: { $ref: string }) => e.$ref)).toEqual(['SignatureFailure', 'InvalidInput402', 'NoRelation'].map((n) => `#/components/schemas/${n}`));
    expect(doc.components.schemas.CreatedId).toMatchObject({ required: ['id'], properties: { id: { type: 'number' } } });
    expect(doc.components.schemas.NoRelation.properties.code).toEqual({ type: 'integer', enum: [307] });
    expect(Object.keys(post.responses).sort()).toEqual(['200', '413', '429', '500', '503']);
    expect(Object.keys(doc.paths['/zhugeleida/gongzhonghao/doc-probe/count/0'].get.responses).sort()).toEqual(['200', '429', '500', '503']);
  });

  it('leaves a valid OpenAPI document without the internal extension', async () => {
    expect(JSON.stringify(doc)).not.toContain('x-leida-doc');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
  });

  it('changes nothing at run time: the documented route answers as before, form and JSON', async () => {
    const world = await createWorld(t);
    const form = await t.post('/zhugeleida/gongzhonghao/doc-probe/send/0', world.customers[0], { u_id: 7, content: { info_type: 1, msg: 'x' } }, 'form');
    const json = await t.post('/zhugeleida/gongzhonghao/doc-probe/send/0', world.customers[0], { u_id: 8 }, 'json');
    expect([form.status, form.body]).toEqual([200, { code: 200, msg: 'send msg successful', data: { id: 7 } }]);
    expect(json.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: 8 } });
  });
});
