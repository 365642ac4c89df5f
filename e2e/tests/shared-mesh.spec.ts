import { CALLER_ACCOUNT } from '../fixtures/environment';
import { expect, test } from '../fixtures/test';

test.describe('A mesh shared by another account', () => {
  test('when the caller opens a gateway in a mesh shared with it, then it is visible with its owners and cannot be deleted', async ({
    page,
    api,
    demo,
    meshesList,
    gatewaysList,
    gatewayDetails,
  }) => {
    // The meshes page lists the shared mesh with its owner, and the caller's own mesh as the caller's.
    await meshesList.goto();
    await expect(meshesList.ownerOf(demo.sharedMesh)).toHaveText(demo.sharedMeshOwner);
    await expect(meshesList.cell(demo.sharedMesh, 'Sharing')).toHaveText('Shared with you');
    await expect(meshesList.ownerOf(demo.mesh)).toHaveText(`${CALLER_ACCOUNT} (you)`);

    // Its link opens the table of the shared mesh, which shows the gateway.
    await meshesList.openMesh(demo.sharedMesh);
    await expect(page).toHaveURL(new RegExp(`meshOwner=${demo.sharedMeshOwner}`));
    await expect(gatewaysList.row(demo.sharedGateway)).toHaveCount(1);

    // The details page shows it, with Delete disabled and the reason given.
    await gatewaysList.link(demo.sharedGateway).click();
    await expect(gatewayDetails.heading(demo.sharedGateway)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`meshOwner=${demo.sharedMeshOwner}`));
    await expect(gatewayDetails.value('Mesh owner')).toHaveText(demo.sharedMeshOwner);
    await expect(gatewayDetails.value('Resource owner')).not.toHaveText(CALLER_ACCOUNT);

    const del = gatewayDetails.deleteButton;
    await expect(del).toBeDisabled();
    await expect(del).toHaveAccessibleDescription(/resource owner/i);

    // Nor from the table.
    await gatewaysList.goto(demo.sharedMesh, demo.sharedMeshOwner);
    await gatewaysList.select(demo.sharedGateway);
    await expect(gatewaysList.deleteButton).toBeDisabled();

    // And the gateway is still there.
    const stillThere = await api.getVirtualGateway(demo.sharedMesh, demo.sharedGateway, {
      meshOwner: demo.sharedMeshOwner,
    });
    expect(stillThere.status.status).toBe('ACTIVE');
  });
});
