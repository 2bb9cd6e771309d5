import { Injectable } from '@nestjs/common';
import { Errors } from '../../common/errors/api-error';
import { AiPrScorer } from '../action-log/radar-ports';
import { customerDisplayName } from '../contacts/customer-display-name';
import type { RelationEntity } from '../contacts/entities/relation.entity';
import { RelationService } from '../contacts/relation.service';
import { CustomerService } from './customer.service';
import type { CustomerProfile } from './customer.service';
import { TagService } from './tag.service';

/** A customer as one rep sees them (API.md §6.3), before wire mapping. */
export interface CustomerView {
  customer: CustomerProfile;
  relation: RelationEntity;
  aiPr: number;
  /** Display name of the referrer as this rep sees them, or null. */
  superior: string | null;
  tags: string[];
}

@Injectable()
export class CustomerProfileService {
  constructor(
    private readonly customers: CustomerService,
    private readonly relations: RelationService,
    private readonly tags: TagService,
    // Bound by ActionLogModule (global) when present; without it ai_pr echoes expedted_pr (legacy).
    private readonly aiPr: AiPrScorer,
  ) {}

  /** 307 without a relation between the rep and the customer. */
  async view(companyId: number, repId: number, customerId: number): Promise<CustomerView> {
    const relation = await this.relations.require({ companyId, repId, customerId });
    const superiorId = relation.superiorCustomerId;
    const [customer, tags, superior, scores] = await Promise.all([
      this.customers.findCustomer(companyId, customerId),
      this.tags.namesOf(companyId, customerId),
      superiorId ? this.superiorName(companyId, repId, superiorId) : Promise.resolve(null),
      this.aiPr.scores(companyId, repId, [customerId]),
    ]);
    // The relation is in the caller's company and references the customer, so it exists.
    if (!customer) throw Errors.noRelation();
    return { customer, relation, tags, superior, aiPr: scores.get(customerId) ?? 0 };
  }

  private async superiorName(companyId: number, repId: number, superiorId: number): Promise<string | null> {
    const [profiles, relations] = await Promise.all([
      this.customers.findCustomers(companyId, [superiorId]),
      this.relations.findForRep(companyId, repId, [superiorId]),
    ]);
    const profile = profiles.get(superiorId);
    if (!profile) return null;
    return customerDisplayName(superiorId, profile.username, relations.get(superiorId)?.memoName);
  }
}
