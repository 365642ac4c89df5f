import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from 'react-router';
import { SERVICE_NAME, usePageChrome } from '../../components/app-shell';
import { links } from '../../lib/links';

export default function NotFoundPage() {
  const navigate = useNavigate();
  usePageChrome({
    title: 'Page not found',
    breadcrumbs: [
      { text: SERVICE_NAME, href: links.meshes() },
      { text: 'Page not found', href: '#' },
    ],
  });
  return (
    <SpaceBetween size="l">
      {[
        <Header key="h" variant="h1">
          Page not found
        </Header>,
        <Container key="c">
          <SpaceBetween size="m">
            {[
              <Box key="t" variant="p">
                The console has no page at this address.
              </Box>,
              <Button key="b" onClick={() => navigate(links.meshes())}>
                Go to meshes
              </Button>,
            ]}
          </SpaceBetween>
        </Container>,
      ]}
    </SpaceBetween>
  );
}
