import {
  ConfigCalendarDocument,
  ConfigCreateTenantDocument,
  ConfigCreateWebhookDocument,
  ConfigRedeliverDocument,
  ConfigSettingsDocument,
  ConfigSuspendTenantDocument,
  ConfigTenantsDocument,
  ConfigUpdateCalendarDocument,
  ConfigUpdateCaseSettingsDocument,
  ConfigUpdateNotificationSettingsDocument,
  ConfigUpdateWebhookDocument,
  ConfigWebhookDeliveriesDocument,
  ConfigWebhooksDocument,
} from '../../gql/graphql';

export const CALENDAR = ConfigCalendarDocument;
export const UPDATE_CALENDAR = ConfigUpdateCalendarDocument;
export const WEBHOOKS = ConfigWebhooksDocument;
export const DELIVERIES = ConfigWebhookDeliveriesDocument;
export const CREATE_WEBHOOK = ConfigCreateWebhookDocument;
export const UPDATE_WEBHOOK = ConfigUpdateWebhookDocument;
export const REDELIVER = ConfigRedeliverDocument;
export const SETTINGS = ConfigSettingsDocument;
export const UPDATE_NOTIFICATION_SETTINGS = ConfigUpdateNotificationSettingsDocument;
export const UPDATE_CASE_SETTINGS = ConfigUpdateCaseSettingsDocument;
export const TENANTS = ConfigTenantsDocument;
export const CREATE_TENANT = ConfigCreateTenantDocument;
export const SUSPEND_TENANT = ConfigSuspendTenantDocument;
