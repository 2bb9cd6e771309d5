import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import * as t from './legacy-time';

/**
 * The service's notion of "now" and of the business time zone. Injected wherever relative
 * times are rendered, so tests can pin the clock.
 */
@Injectable()
export class Clock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return new Date();
  }

  get timeZone(): string {
    return this.config.businessTimezone;
  }

  dateTime(instant: Date): string {
    return t.formatDateTime(instant, this.timeZone);
  }

  dateTimeOrNull(instant: Date | null | undefined): string | null {
    return instant ? this.dateTime(instant) : null;
  }

  /** `YYYY-MM-DD HH:mm:ss` (legacy views that formatted with strftime). */
  dateTimeSpaced(instant: Date): string {
    return t.formatDateTimeSpaced(instant, this.timeZone);
  }

  localDate(instant: Date): string {
    return t.formatLocalDate(instant, this.timeZone);
  }

  followTime(at: Date | null | undefined): string {
    return t.relativeFollowTime(at, this.now(), this.timeZone);
  }

  activityTime(at: Date | null | undefined): string {
    return t.relativeActivityTime(at, this.now(), this.timeZone);
  }

  followStatus(at: Date | null | undefined): string {
    return t.followStatus(at, this.now(), this.timeZone);
  }

  shortChatTime(at: Date): string {
    return t.shortChatTime(at, this.now(), this.timeZone);
  }

  daysSince(at: Date): number {
    return t.calendarDaysAgo(at, this.now(), this.timeZone);
  }
}
