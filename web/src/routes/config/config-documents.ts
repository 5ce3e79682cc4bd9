import {
  ConfigArchiveOrgUnitDocument,
  ConfigCategoriesDocument,
  ConfigCreateDepartmentDocument,
  ConfigCreateOrgUnitDocument,
  ConfigCreateStaffDocument,
  ConfigDepartmentsDocument,
  ConfigOrgUnitsDocument,
  ConfigQueuesDocument,
  ConfigRoutingPreviewDocument,
  ConfigRoutingRulesDocument,
  ConfigSetShiftsDocument,
  ConfigShiftsDocument,
  ConfigSlaPoliciesDocument,
  ConfigStaffDocument,
  ConfigStationDepartmentDocument,
  ConfigUpdateOrgUnitDocument,
  ConfigUpsertCategoryDocument,
  ConfigUpsertRoutingRuleDocument,
  ConfigUpsertSlaPolicyDocument,
} from '../../gql/graphql';

export const ORG_UNITS = ConfigOrgUnitsDocument;
export const CREATE_ORG_UNIT = ConfigCreateOrgUnitDocument;
export const UPDATE_ORG_UNIT = ConfigUpdateOrgUnitDocument;
export const ARCHIVE_ORG_UNIT = ConfigArchiveOrgUnitDocument;
export const DEPARTMENTS = ConfigDepartmentsDocument;
export const CREATE_DEPARTMENT = ConfigCreateDepartmentDocument;
export const STATION_DEPARTMENT = ConfigStationDepartmentDocument;
export const SHIFTS = ConfigShiftsDocument;
export const SET_SHIFTS = ConfigSetShiftsDocument;
export const STAFF = ConfigStaffDocument;
export const CREATE_STAFF = ConfigCreateStaffDocument;
export const CATEGORIES = ConfigCategoriesDocument;
export const UPSERT_CATEGORY = ConfigUpsertCategoryDocument;
export const ROUTING_RULES = ConfigRoutingRulesDocument;
export const UPSERT_ROUTING_RULE = ConfigUpsertRoutingRuleDocument;
export const SLA_POLICIES = ConfigSlaPoliciesDocument;
export const UPSERT_SLA_POLICY = ConfigUpsertSlaPolicyDocument;
export const QUEUES = ConfigQueuesDocument;
export const ROUTING_PREVIEW = ConfigRoutingPreviewDocument;
