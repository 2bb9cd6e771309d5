import { Body, Post } from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { CustomerController } from '../../common/auth/surface.decorators';
import { ok } from '../../common/envelope/envelope';
import { ValidationStyle } from '../../common/validation/validation-style';
import { ActionLogService } from './action-log.service';
import { RecordActionDto } from './dto/record-action.dto';

/** The customer's pages report what the customer did (API.md §6.10). */
@CustomerController('action', 'radar')
@ValidationStyle(402)
export class ActionRecordController {
  constructor(private readonly log: ActionLogService) {}

  @Post('record/0')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '记录客户行为 / Record a customer action',
    description:
      'Stores the action with its standard remark (docs/radar-actions.md), sets the relation’s last_activity_at and pushes `radar.action` ' +
      'to rep u_id after commit. The same action on the same target within RADAR_DEDUPE_SECONDS is stored once (the existing id is returned). ' +
      '307 without a relation with u_id; 402 for an unknown action code. data: {id}.',
  })
  async record(@CurrentPrincipal() p: Principal, @Body() body: RecordActionDto) {
    const { id } = await this.log.recordFromCustomer(p, body);
    return ok('记录成功', { id });
  }
}
