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
export { labelPattern } from './pages/cloudscape';
export { ConsoleFormPage } from './pages/console-form.page';
export { ConsoleShellPage, PAGE_LOAD_TIMEOUT } from './pages/console-shell.page';
export { CreateVirtualServiceModal, type VirtualServiceInput } from './pages/create-virtual-service-modal.page';
export {
  DELETE_CONFIRMATION_WORD,
  DeleteConfirmationModal,
  type DeleteConfirmationModalOptions,
} from './pages/delete-confirmation-modal.page';
export { DeleteVirtualGatewayModal } from './pages/delete-virtual-gateway-modal.page';
export { type ExportFormatLabel, ExportModal } from './pages/export-modal.page';
export * from './pages/gateway-input';
export { GatewayRouteDetailsPage, type GatewayRouteSection } from './pages/gateway-route-details.page';
export { type GatewayRouteFormInput, GatewayRouteFormPage } from './pages/gateway-route-form.page';
export { HistoryPanel } from './pages/history-panel.page';
export { type MeshesColumn, MeshesListPage } from './pages/meshes-list.page';
export { ResetStoreModal } from './pages/reset-store-modal.page';
export { VirtualGatewayDetailsPage, type VirtualGatewayTab } from './pages/virtual-gateway-details.page';
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
export { type VirtualServicesColumn, VirtualServicesPage } from './pages/virtual-services.page';
export { freePort, MeshconsoleServer, type MeshconsoleServerOptions } from './server';
