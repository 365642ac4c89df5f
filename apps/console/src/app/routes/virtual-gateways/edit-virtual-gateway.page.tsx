export default function EditVirtualGatewayPage() {
  return null;
}
