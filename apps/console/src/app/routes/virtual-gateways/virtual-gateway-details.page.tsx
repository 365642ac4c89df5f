export default function VirtualGatewayDetailsPage() {
  return null;
}
