import '@cloudscape-design/global-styles/index.css';
import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { createRoot } from 'react-dom/client';

const items = [{ name: 'ingress-gw', listener: 'http:8080', status: 'ACTIVE' }];

createRoot(document.getElementById('root') as HTMLElement).render(
  <AppLayout
    contentType="table"
    navigation={
      <SideNavigation header={{ text: 'App Mesh', href: '#' }} items={[{ type: 'link', text: 'Meshes', href: '#' }]} />
    }
    breadcrumbs={
      <BreadcrumbGroup
        items={[
          { text: 'AWS App Mesh', href: '#' },
          { text: 'Virtual gateways', href: '#' },
        ]}
      />
    }
    content={
      <Table
        variant="full-page"
        header={<Header counter="(1)">Virtual gateways</Header>}
        filter={<TextFilter filteringText="" filteringPlaceholder="Find virtual gateways" />}
        pagination={<Pagination currentPageIndex={1} pagesCount={1} />}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (i) => i.name, isRowHeader: true },
          { id: 'listener', header: 'Listener', cell: (i) => i.listener },
          { id: 'status', header: 'Status', cell: (i) => i.status },
        ]}
        items={items}
      />
    }
  />,
);
