import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { EmptyData } from '../../common/envelope/envelope-data.dto';
import { LEGACY_EMPTY_MSG, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { PageQueryDto, pageOf } from '../../common/pagination/pagination';
import { ValidationStyle } from '../../common/validation/validation-style';
import { CreatedPhrase, FollowPhraseList } from './dto/contact.response.dto';
import { AddFollowLanguageDto, FollowLanguageIdDto } from './dto/follow-language.dto';
import { mapFollowPhrases } from './follow-language.mapper';
import { FollowLanguageService } from './follow-language.service';


/** Follow-up phrases (跟进常用语, legacy follow_language; issue 12). */
@RepController('follow_language', API_TAGS.contacts)
export class FollowLanguageController {
  constructor(private readonly phrases: FollowLanguageService) {}

  @Get()
  @ApiDoc({
    operationId: 'repFollowPhraseList',
    returns: FollowPhraseList,
    name: '企业微信-跟进常用语',
    english: 'Follow-up phrases',
    description:
      "The signed-in rep's own phrases and the company-wide ones (`user_id` null), newest first, paged (`length` default 10, 0: all). " +
      'Legacy shape (API.md §10): `data_count` is the number on this page and `ret_data` an object with the caller and the list; `msg` is empty.',
    success: {
      msg: LEGACY_EMPTY_MSG,
      data: {
        data_count: 2,
        ret_data: {
          user_id: 1,
          follow_language_data: [
            { language_id: 3, user_id: 1, language: '您好,上次说的方案您考虑得怎么样了?' },
            { language_id: 1, user_id: null, language: '您好,我是您的专属顾问,有问题随时找我。' },
          ],
        },
      },
    },
    errors: [DocErrors.validation402({ length: [{ message: '超出允许的范围。', code: 'out_of_range' }] })],
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: PageQueryDto) {
    return ok(LEGACY_EMPTY_MSG, mapFollowPhrases(p.id, await this.phrases.list(p.companyId, p.id, pageOf(query, 10))));
  }

  @Post('add/0')
  @ValidationStyle(301, 'msg')
  @ApiDoc({
    operationId: 'repFollowPhraseAdd',
    returns: CreatedPhrase,
    name: '企业微信-添加跟进常用语',
    english: 'Add a follow-up phrase',
    description: 'Adds a phrase of the signed-in rep (1..256 characters, trimmed). Invalid input → 301 with the field errors in `msg` (legacy).',
    json: { custom_language: '您好,上次说的方案您考虑得怎么样了?' },
    success: { msg: '添加成功', data: { language_id: 3 } },
    errors: [DocErrors.validation301({ custom_language: [{ message: '这个字段是必填项。', code: 'required' }] })],
  })
  async add(@CurrentPrincipal() p: Principal, @Body() body: AddFollowLanguageDto) {
    const phrase = await this.phrases.add(p.companyId, p.id, body.custom_language);
    return ok('添加成功', { language_id: phrase.id });
  }

  @Post('delete/:id')
  @ApiDoc({
    operationId: 'repFollowPhraseDelete',
    returns: EmptyData,
    name: '企业微信-删除跟进常用语',
    english: 'Delete a follow-up phrase',
    description: "Deletes one of the signed-in rep's own phrases. Anything else (unknown, another rep's, company-wide) → 302 and nothing changes.",
    success: { msg: '删除成功', data: {} },
    errors: [DocErrors.phraseNotDeletable(), DocErrors.validation402({ id: [{ message: '请输入有效的值。', code: 'invalid' }] })],
  })
  async delete(@CurrentPrincipal() p: Principal, @Param() params: FollowLanguageIdDto) {
    await this.phrases.delete(p.companyId, p.id, params.id);
    return ok('删除成功');
  }
}
