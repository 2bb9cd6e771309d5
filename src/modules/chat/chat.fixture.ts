import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ValidationFailed } from '../../common/errors/api-error';
import { RelationService } from '../contacts/relation.service';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { FixtureError, readRecord, where } from '../seed/fixture-schema';
import { ChatContent, parseContent } from './chat-content';
import { ChatStore } from './chat.store';

interface MessageRecord {
  rep_id: number;
  customer_id: number;
  /** 1 rep → customer, 2 customer → rep. */
  send_type: number;
  content: unknown;
  create_date?: string | null;
  client_msg_id?: string | null;
}

interface ValidMessage extends MessageRecord {
  parsed: ChatContent;
}

/**
 * Fixture section `messages` (API.md §9). Each record is appended to its conversation in file
 * order and counts as unread for the receiver. Reloading is a no-op: every record gets a
 * deterministic client_msg_id derived from its contents (unless it names one), and the
 * conversation's unique key skips what is already there.
 */
@FixtureSection()
@Injectable()
export class MessagesFixture implements FixtureSectionHandler<ValidMessage> {
  readonly section = 'messages';
  readonly order = 80;

  constructor(private readonly relations: RelationService) {}

  validate(records: unknown[]): ValidMessage[] {
    return records.map((r, i) => {
      const rec = readRecord<MessageRecord>(this.section, i, r, {
        rep_id: 'id',
        customer_id: 'id',
        send_type: 'id',
        content: 'json',
        create_date: 'datetime?',
        client_msg_id: 'string?',
      });
      const what = where(this.section, i, rec);
      if (rec.send_type !== 1 && rec.send_type !== 2) throw new FixtureError(`${what}: "send_type" must be 1 (rep → customer) or 2 (customer → rep)`);
      if (rec.client_msg_id != null && (rec.client_msg_id.length < 1 || rec.client_msg_id.length > 64)) {
        throw new FixtureError(`${what}: "client_msg_id" must be 1..64 characters`);
      }
      try {
        return { ...rec, parsed: parseContent(rec.content, rec.send_type === 1 ? 'rep' : 'customer') };
      } catch (error) {
        if (error instanceof ValidationFailed) throw new FixtureError(`${what}: invalid "content": ${JSON.stringify(error.fieldErrors)}`);
        throw error;
      }
    });
  }

  async load(manager: EntityManager, records: ValidMessage[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      const what = where(this.section, i, r);
      const [rep] = await manager.query(`SELECT company_id FROM rep WHERE id = $1`, [r.rep_id]);
      if (!rep) throw new FixtureError(`${what}: rep ${r.rep_id} does not exist`);
      const key = { companyId: rep.company_id as number, repId: r.rep_id, customerId: r.customer_id };
      const relation = await this.relations.find(key, manager);
      if (!relation) throw new FixtureError(`${what}: rep ${r.rep_id} and customer ${r.customer_id} have no relation in company ${key.companyId}`);

      const conv = await ChatStore.lockOrCreateConversation(manager, key);
      const clientMsgId = r.client_msg_id ?? fixtureClientId(r);
      if ((await ChatStore.findByClientId(manager, key.companyId, conv.id, r.send_type, clientMsgId)) !== undefined) continue;
      const createdAt = r.create_date ? new Date(r.create_date) : undefined;
      const message = await ChatStore.appendMessage(manager, key.companyId, conv, {
        sendType: r.send_type,
        infoType: r.parsed.infoType,
        content: r.parsed.fields,
        clientMsgId,
        createdAt,
      });
      if (!message) continue;
      if (r.send_type === 1) await this.relations.touchFollow(manager, relation.id, message.createdAt);
      else await this.relations.touchActivity(manager, relation.id, message.createdAt);
    }
  }
}

/** A stable key for a record without client_msg_id: same record, same key, on every load. */
function fixtureClientId(r: MessageRecord): string {
  const basis = JSON.stringify([r.rep_id, r.customer_id, r.send_type, r.content, r.create_date ?? null]);
  return `fixture-${createHash('sha256').update(basis).digest('hex').slice(0, 40)}`;
}
