/** GraphQL operations shared by several test files. */
export const ME = /* GraphQL */ `query { me { subject roles tenants { code } currentTenant { id code } } }`;

export const CREATE_ORG_UNIT = /* GraphQL */ `
  mutation($input: CreateOrgUnitInput!) {
    createOrgUnit(input: $input) { orgUnit { id name kind parent { id } } userErrors { field code message } }
  }`;

export const CREATE_DEPARTMENT = /* GraphQL */ `
  mutation($input: CreateDepartmentInput!) {
    createDepartment(input: $input) { department { id code name kind } userErrors { field code message } }
  }`;

export const UPSERT_CATEGORY = /* GraphQL */ `
  mutation($i: UpsertCategoryInput!) {
    upsertCategory(input: $i) { category { id code name defaultRiskLevel parent { code } } userErrors { field code message } }
  }`;
