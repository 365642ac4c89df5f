export default function CreateVirtualGatewayPage() {
  return null;
}
