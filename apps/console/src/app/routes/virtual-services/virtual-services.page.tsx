export default function VirtualServicesPage() {
  return null;
}
