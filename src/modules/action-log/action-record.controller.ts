import { Body, Post } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { CustomerController } from '../../common/auth/surface.decorators';
import { ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { ValidationStyle } from '../../common/validation/validation-style';
import { ActionLogService } from './action-log.service';
import { RecordActionDto } from './dto/record-action.dto';
import { CreatedId } from '../../common/envelope/envelope-data.dto';

/** The customer's pages report what the customer did (API.md §6.10). */
@CustomerController('action', API_TAGS.radar)
@ValidationStyle(402)
export class ActionRecordController {
  constructor(private readonly log: ActionLogService) {}

  @Post('record/0')
  @ApiDoc({
    operationId: 'customerActionRecord',
    returns: CreatedId,
    name: '公众号-雷达-记录客户行为',
    english: 'Record a customer action',
    description:
      'Stores the action with its standard remark (docs/radar-actions.md), sets the relation’s last_activity_at and pushes `radar.action` ' +
      'to rep u_id after commit. The same action on the same target within RADAR_DEDUPE_SECONDS is stored once (the existing id is returned). ' +
      '307 without a relation with u_id; 402 for an unknown action code. data: {id}.',
    json: { u_id: 1, action: 14, article_id: 2, title: '雷达AI名片上线了' },
    success: { msg: '记录成功', data: { id: 58 } },
    errors: [
      DocErrors.validation402({ u_id: [{ message: '这个字段是必填项。', code: 'required' }] }),
      DocErrors.validation402({ action: [{ message: '请输入有效的值。', code: 'invalid' }] }),
      DocErrors.noRelation(),
    ],
  })
  async record(@CurrentPrincipal() p: Principal, @Body() body: RecordActionDto) {
    const { id } = await this.log.recordFromCustomer(p, body);
    return ok('记录成功', { id });
  }
}
