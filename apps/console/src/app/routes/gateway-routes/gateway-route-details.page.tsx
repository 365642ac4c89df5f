export default function GatewayRouteDetailsPage() {
  return null;
}
