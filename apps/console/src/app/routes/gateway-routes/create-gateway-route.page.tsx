export default function CreateGatewayRoutePage() {
  return null;
}
