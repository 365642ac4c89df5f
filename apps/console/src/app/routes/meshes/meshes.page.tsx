export default function MeshesPage() {
  return null;
}
