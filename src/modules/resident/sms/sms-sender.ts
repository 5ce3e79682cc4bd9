/**
 * Text messages to residents' phones: one interface, a development implementation that keeps
 * messages in a readable inbox, and Alibaba Cloud SMS for production (sms-setup.ts picks).
 * Providers send only pre-approved templates, so a message is a template and its parameters.
 */
export type SmsTemplate = 'VERIFY_CODE' | 'BOOKING_UPDATE';

export interface SmsMessage {
  phone: string;
  template: SmsTemplate;
  params: Record<string, string>;
}

export interface SmsSender {
  readonly name: string;
  /** Resolves once the provider accepted the message; throws SmsError when it refused. */
  send(msg: SmsMessage): Promise<void>;
}

export class SmsError extends Error {
  constructor(
    message: string,
    readonly providerCode: string | null = null,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}
