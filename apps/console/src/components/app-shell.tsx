import AppLayout, { type AppLayoutProps } from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import Spinner from '@cloudscape-design/components/spinner';
import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import {
  createContext,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Outlet, useLocation } from 'react-router';
import { links, useFollow, useMeshParams } from '../lib/links';
import { useSession } from '../lib/session';
import { setThemeMode, useThemeMode } from '../lib/theme-mode';

export const SERVICE_NAME = 'AWS App Mesh';

/* ------------------------------------------------------------------------------------------------
 * Flashbar: one list of outcome messages for the whole app, shown in the AppLayout notifications slot.
 * ---------------------------------------------------------------------------------------------- */

export type FlashItem = FlashbarProps.MessageDefinition & { id: string };

export interface FlashApi {
  /** Adds a flash on top, or replaces the flash with the same id (e.g. in-progress -> success). */
  push: (item: FlashItem) => void;
  dismiss: (id: string) => void;
  clear: () => void;
}

const FlashItemsContext = createContext<FlashItem[]>([]);
const FlashApiContext = createContext<FlashApi | null>(null);

export function FlashProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashItem[]>([]);
  const api = useMemo<FlashApi>(
    () => ({
      push: (item) => setItems((prev) => [item, ...prev.filter((p) => p.id !== item.id)].slice(0, 10)),
      dismiss: (id) => setItems((prev) => prev.filter((p) => p.id !== id)),
      clear: () => setItems([]),
    }),
    [],
  );
  return (
    <FlashApiContext.Provider value={api}>
      <FlashItemsContext.Provider value={items}>{children}</FlashItemsContext.Provider>
    </FlashApiContext.Provider>
  );
}

export function useFlash(): FlashApi {
  const api = useContext(FlashApiContext);
  if (!api) throw new Error('useFlash must be used inside <FlashProvider>.');
  return api;
}

export function Notifications() {
  const items = useContext(FlashItemsContext);
  const { dismiss } = useFlash();
  const withDismiss: FlashbarProps.MessageDefinition[] = items.map((item) => ({
    ariaRole: 'status',
    dismissible: !item.loading,
    dismissLabel: 'Dismiss message',
    onDismiss: () => dismiss(item.id),
    ...item,
  }));
  return (
    <Flashbar
      items={withDismiss}
      stackItems
      i18nStrings={{
        ariaLabel: 'Notifications',
        notificationBarText: 'Notifications',
        notificationBarAriaLabel: 'View all notifications',
        errorIconAriaLabel: 'Error',
        warningIconAriaLabel: 'Warning',
        successIconAriaLabel: 'Success',
        infoIconAriaLabel: 'Info',
        inProgressIconAriaLabel: 'In progress',
      }}
    />
  );
}

/* ------------------------------------------------------------------------------------------------
 * Page chrome: each page tells the shell its breadcrumbs, content type and document title.
 * ---------------------------------------------------------------------------------------------- */

export interface Crumb {
  text: string;
  href: string;
}

export interface PageChrome {
  title: string;
  breadcrumbs: Crumb[];
  contentType?: AppLayoutProps.ContentType;
  /** Forms close the side navigation by default (Cloudscape single-page create). */
  navigationOpen?: boolean;
}

const PageChromeContext = createContext<((chrome: PageChrome) => void) | null>(null);

/** Call once per page: `usePageChrome({ title, breadcrumbs, contentType })`. */
export function usePageChrome(chrome: PageChrome): void {
  const set = useContext(PageChromeContext);
  const serialized = JSON.stringify(chrome);
  useEffect(() => {
    const next = JSON.parse(serialized) as PageChrome;
    set?.(next);
    document.title = `${next.title} | ${SERVICE_NAME}`;
  }, [serialized, set]);
}

/** Breadcrumbs of a page inside a mesh: AWS App Mesh > Meshes > <mesh> > ...rest. */
export function meshCrumbs(mesh: string, meshOwner: string | undefined, ...rest: Crumb[]): Crumb[] {
  return [
    { text: SERVICE_NAME, href: links.meshes() },
    { text: 'Meshes', href: links.meshes() },
    { text: mesh, href: links.virtualGateways(mesh, meshOwner) },
    ...rest,
  ];
}

/* ------------------------------------------------------------------------------------------------
 * The shell: top navigation (account, region, mode), side navigation, breadcrumbs, flashes, content.
 * ---------------------------------------------------------------------------------------------- */

function TopBar({ utilities = [] }: { utilities?: TopNavigationProps.Utility[] }) {
  const session = useSession();
  const mode = useThemeMode();
  const toggle = () => setThemeMode(mode === 'dark' ? 'light' : 'dark');
  const account = session.data
    ? `Account ${session.data.accountId}`
    : session.isError
      ? 'Account unavailable'
      : 'Loading account';
  const region = session.data?.region ?? '';
  return (
    <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
      <TopNavigation
        identity={{ href: links.meshes(), title: 'meshconsole · AWS App Mesh' }}
        utilities={[
          {
            type: 'button',
            text: mode === 'dark' ? 'Light mode' : 'Dark mode',
            iconName: mode === 'dark' ? 'star' : 'star-filled',
            ariaLabel: mode === 'dark' ? 'Switch to light mode' : 'Switch to dark mode',
            onClick: toggle,
          },
          ...utilities,
          ...(region ? [{ type: 'button' as const, text: `Region ${region}`, iconName: 'globe' as const }] : []),
          { type: 'button', text: account, iconName: 'user-profile', ariaLabel: account },
        ]}
        i18nStrings={{ overflowMenuTriggerText: 'More', overflowMenuTitleText: 'All' }}
      />
    </div>
  );
}

function Navigation() {
  const { mesh, meshOwner } = useMeshParams();
  const location = useLocation();
  const follow = useFollow();
  const items: SideNavigationProps.Item[] = [{ type: 'link', text: 'Meshes', href: links.meshes() }];
  if (mesh) {
    items.push(
      { type: 'divider' },
      {
        type: 'section',
        text: `Mesh: ${mesh}`,
        items: [
          { type: 'link', text: 'Virtual gateways', href: links.virtualGateways(mesh, meshOwner) },
          { type: 'link', text: 'Virtual services', href: links.virtualServices(mesh, meshOwner) },
          { type: 'link', text: 'Virtual routers', href: links.virtualRouters(mesh, meshOwner) },
          { type: 'link', text: 'Virtual nodes', href: links.virtualNodes(mesh, meshOwner) },
        ],
      },
    );
  }
  // The active item is the deepest navigation link that is a prefix of the current path.
  const path = location.pathname;
  const candidates = [
    links.meshes(),
    ...(mesh
      ? [
          links.virtualGateways(mesh, meshOwner),
          links.virtualServices(mesh, meshOwner),
          links.virtualRouters(mesh, meshOwner),
          links.virtualNodes(mesh, meshOwner),
        ]
      : []),
  ];
  const activeHref =
    candidates.filter((href) => path.startsWith(href.split('?')[0] ?? href)).sort((a, b) => b.length - a.length)[0] ??
    links.meshes();
  return (
    <SideNavigation
      header={{ text: SERVICE_NAME, href: links.meshes() }}
      activeHref={activeHref}
      items={items}
      onFollow={follow}
    />
  );
}

function PageFallback() {
  return (
    <div style={{ padding: 40, textAlign: 'center' }}>
      <Spinner size="large" /> Loading
    </div>
  );
}

export interface AppShellProps {
  children?: ReactNode;
  /** More top navigation utilities, after the light/dark switch (features add theirs from the app layer). */
  utilities?: TopNavigationProps.Utility[];
  /** Rendered beside the layout: a feature's modal opened from a utility. */
  overlay?: ReactNode;
}

export function AppShell({ children, utilities, overlay }: AppShellProps) {
  const [chrome, setChrome] = useState<PageChrome>({ title: SERVICE_NAME, breadcrumbs: [] });
  const [navigationOpen, setNavigationOpen] = useState(true);
  const lastType = useRef<string | undefined>(undefined);
  const follow = useFollow();

  const onChrome = useCallback((next: PageChrome) => {
    setChrome(next);
    // Opening a form or a wizard closes the navigation; opening any other page type restores it.
    const type = next.contentType ?? 'default';
    if (type !== lastType.current) {
      lastType.current = type;
      setNavigationOpen(next.navigationOpen ?? (type !== 'form' && type !== 'wizard'));
    }
  }, []);

  const breadcrumbs: BreadcrumbGroupProps.Item[] = chrome.breadcrumbs;
  return (
    <PageChromeContext.Provider value={onChrome}>
      <TopBar utilities={utilities} />
      <AppLayout
        headerSelector="#top-nav"
        contentType={chrome.contentType ?? 'default'}
        navigation={<Navigation />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        toolsHide
        breadcrumbs={
          breadcrumbs.length > 0 ? (
            <BreadcrumbGroup items={breadcrumbs} onFollow={follow} ariaLabel="Breadcrumbs" />
          ) : undefined
        }
        notifications={<Notifications />}
        stickyNotifications
        ariaLabels={{
          navigation: 'Side navigation',
          navigationClose: 'Close side navigation',
          navigationToggle: 'Open side navigation',
          notifications: 'Notifications',
        }}
        content={<Suspense fallback={<PageFallback />}>{children ?? <Outlet />}</Suspense>}
      />
      {overlay}
    </PageChromeContext.Provider>
  );
}
