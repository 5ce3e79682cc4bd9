import type { Config } from '../../../config/config';
import type { Logger } from '../../../core/observability/logger';
import { AliyunSmsSender } from './aliyun-sms';
import { DevSmsSender } from './dev-sms';
import type { SmsSender } from './sms-sender';

/**
 * The sender the configuration names: Alibaba Cloud SMS, or the development inbox (refused in
 * production by config). null when none is set in production: residents stay off until it is.
 */
export function smsSenderFrom(config: Config, log: Logger): SmsSender | null {
  const provider = config.SMS_PROVIDER ?? (config.isProduction ? null : 'dev');
  if (provider === 'aliyun') {
    return new AliyunSmsSender({
      accessKeyId: config.ALIYUN_SMS_ACCESS_KEY_ID!,
      accessKeySecret: config.ALIYUN_SMS_ACCESS_KEY_SECRET!,
      signName: config.ALIYUN_SMS_SIGN_NAME!,
      templates: { VERIFY_CODE: config.ALIYUN_SMS_TEMPLATE_CODE!, BOOKING_UPDATE: config.ALIYUN_SMS_TEMPLATE_BOOKING! },
      endpoint: config.ALIYUN_SMS_ENDPOINT,
    });
  }
  if (provider === 'dev') return new DevSmsSender(log.child({ component: 'dev-sms' }));
  return null;
}
