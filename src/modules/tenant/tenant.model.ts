// The tenant record is the tenancy engine's own type (core/tenancy); the tenant module works with it.
export * from '../../core/tenancy/tenant-record';
