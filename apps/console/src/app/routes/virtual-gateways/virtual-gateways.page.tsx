export default function VirtualGatewaysPage() {
  return null;
}
