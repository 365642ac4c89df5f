export default function EditGatewayRoutePage() {
  return null;
}
