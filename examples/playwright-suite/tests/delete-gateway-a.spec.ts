import { test } from '@meshconsole/playwright';
import { deleteSeededGateway } from './shop';

// Two files, run by two workers at once, seed the same names: each worker has its own server, so
// neither sees the other's data (a shared server would refuse the second seed: the mesh exists).
test('when a seeded gateway is deleted from its details page with the typed confirmation, then it is gone (a)', async ({
  page,
  meshconsole,
}) => {
  await deleteSeededGateway(page, meshconsole);
});
