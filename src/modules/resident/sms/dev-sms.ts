import type { Logger } from '../../../core/observability/logger';
import { maskPhone } from '../../case/personal-data';
import type { SmsMessage, SmsSender } from './sms-sender';

export interface InboxEntry extends SmsMessage {
  sentAt: Date;
}

const INBOX_SIZE = 200;

/**
 * Development only (config refuses it in production): nothing leaves the machine. The message is
 * logged (phone masked) and kept in a small in-memory inbox that GET /dev/sms-inbox reads, so a
 * developer or a browser test can complete a sign-in without a phone.
 */
export class DevSmsSender implements SmsSender {
  readonly name = 'dev';
  private readonly inbox: InboxEntry[] = [];

  constructor(private readonly log: Logger) {}

  async send(msg: SmsMessage): Promise<void> {
    this.inbox.push({ ...msg, sentAt: new Date() });
    if (this.inbox.length > INBOX_SIZE) this.inbox.splice(0, this.inbox.length - INBOX_SIZE);
    this.log.info({ phone: maskPhone(msg.phone), template: msg.template, params: msg.params }, 'dev sms (not sent)');
  }

  /** Newest first; only one phone's messages when given. */
  messages(phone?: string): InboxEntry[] {
    return this.inbox.filter((m) => !phone || m.phone === phone).reverse();
  }
}
