export {
  type AnalystPrincipal,
  createTenantRegistry,
  loadTenants,
  type Owner,
  type OwnerPrincipal,
  type SourcePrincipal,
  sha256Hex,
  Tenant,
  type TenantRegistry,
  TenantsFile,
} from './tenants.ts'
