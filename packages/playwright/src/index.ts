// @meshconsole/playwright: Playwright's test with a `meshconsole` fixture, page objects for the
// console's pages, and a client of the console API. README.md documents every export.
export {
  ConsoleApi,
  ConsoleApiError,
  type FixedData,
  type GatewayRouteData,
  type MeshData,
  type SeedCreated,
  type SeedDocument,
  type VirtualGatewayData,
  type VirtualServiceData,
} from './console-api';
export {
  expect,
  type Meshconsole,
  type MeshconsoleTestFixtures,
  type MeshconsoleWorkerFixtures,
  test,
} from './fixture';
export { cloudscape, formFieldParts, labelPattern } from './pages/cloudscape';
export { ConsoleFormPage } from './pages/console-form.page';
export { ConsoleShellPage, PAGE_LOAD_TIMEOUT } from './pages/console-shell.page';
export { DeleteVirtualGatewayModal } from './pages/delete-virtual-gateway-modal.page';
export * from './pages/gateway-input';
export { type GatewayRouteFormInput, GatewayRouteFormPage } from './pages/gateway-route-form.page';
export { ResetStoreModal } from './pages/reset-store-modal.page';
export { VirtualGatewayDetailsPage } from './pages/virtual-gateway-details.page';
export {
  codeViewText,
  type FormSection,
  stepOf,
  VirtualGatewayFormPage,
  WIZARD_STEPS,
  type WizardStep,
} from './pages/virtual-gateway-form.page';
export { meshQuery, VirtualGatewaysListPage } from './pages/virtual-gateways-list.page';
export { VirtualNodesPage } from './pages/virtual-nodes.page';
export { VirtualRoutersPage } from './pages/virtual-routers.page';
export { freePort, MeshconsoleServer, type MeshconsoleServerOptions } from './server';
