import type { Services } from '../../src/services';

/** Re-derives pending provisioning from the tenants table: losing Redis delays it, never loses it. */
export const tenantDefaultsSweep = (s: Services) => () => s.provisioning.sweep();
