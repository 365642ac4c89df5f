import { act, render, screen } from '@testing-library/react';
import { Component, type ComponentType, type ReactNode, Suspense, useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { loadRoute, registerRoute, routeChunkStatus } from './route-preload';

/** A page chunk that loads when the test says so, and a page that counts its mounts. */
function deferredChunk() {
  const mounts: string[] = [];
  function Page() {
    const [clicks, setClicks] = useState(0);
    useEffect(() => {
      mounts.push('mount');
    }, []);
    return (
      <button type="button" onClick={() => setClicks((n) => n + 1)}>
        page {clicks}
      </button>
    );
  }
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  let loads = 0;
  const load = () => {
    loads += 1;
    return new Promise<{ default: typeof Page }>((resolve, reject) => {
      settle = { resolve: () => resolve({ default: Page }), reject };
    });
  };
  return {
    load,
    mounts,
    loads: () => loads,
    resolve: () => settle?.resolve(),
    reject: (error: Error) => settle?.reject(error),
  };
}

/** Renders `Page` (a new element each render) in a Suspense boundary whose fallback records each time it is shown. */
function renderInBoundary(Page: ComponentType, fallbacks: string[]) {
  function Fallback() {
    fallbacks.push('fallback');
    return <p>loading</p>;
  }
  class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
    override state: { error?: Error } = {};
    static getDerivedStateFromError(error: Error) {
      return { error };
    }
    override render() {
      return this.state.error ? <p>failed: {this.state.error.message}</p> : this.props.children;
    }
  }
  const tree = () => (
    <Boundary>
      <Suspense fallback={<Fallback />}>
        <Page />
      </Suspense>
    </Boundary>
  );
  const result = render(tree());
  return { rerender: () => result.rerender(tree()) };
}

describe('registerRoute', () => {
  it('when the chunk was loaded before the first render, then the page commits at once, without a fallback', async () => {
    const chunk = deferredChunk();
    const Page = registerRoute('meshes', { load: chunk.load });
    if (!Page) throw new Error('a route with a chunk has a page');
    const loaded = loadRoute('meshes');
    chunk.resolve();
    await loaded;
    expect(routeChunkStatus('meshes')).toBe('loaded');

    const fallbacks: string[] = [];
    await act(async () => {
      renderInBoundary(Page, fallbacks);
    });
    expect(screen.getByRole('button', { name: 'page 0' })).toBeTruthy();
    // React.lazy would have suspended once, even with the chunk in: the fallback would show first.
    expect(fallbacks).toEqual([]);
    expect(chunk.loads()).toBe(1);
  });

  it('when a page mounts before its chunk is in, then it suspends, shows once it arrives and keeps its state afterwards', async () => {
    const chunk = deferredChunk();
    const Page = registerRoute('virtualNodes', { load: chunk.load });
    if (!Page) throw new Error('a route with a chunk has a page');
    const fallbacks: string[] = [];
    let view: ReturnType<typeof renderInBoundary> | undefined;
    await act(async () => {
      view = renderInBoundary(Page, fallbacks);
    });
    expect(screen.getByText('loading')).toBeTruthy();
    expect(fallbacks.length).toBeGreaterThan(0);

    await act(async () => {
      chunk.resolve();
    });
    const button = await screen.findByRole('button', { name: 'page 0' });
    await act(async () => {
      button.click();
    });
    // The route re-renders (a navigation, a parent's state): the page stays mounted.
    await act(async () => {
      view?.rerender();
    });
    // The same mount: the click's state is kept, the page was not remounted when the chunk arrived.
    expect(screen.getByRole('button', { name: 'page 1' })).toBeTruthy();
    expect(chunk.mounts).toEqual(['mount']);
    expect(chunk.loads()).toBe(1);
  });

  it('when the chunk fails to load, then the first load still renders and the page shows the failure after one retry', async () => {
    // React reports the error the boundary catches; that report is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const chunk = deferredChunk();
    const Page = registerRoute('virtualRouters', { load: chunk.load });
    if (!Page) throw new Error('a route with a chunk has a page');
    const loaded = loadRoute('virtualRouters');
    chunk.reject(new Error('offline'));
    await expect(loaded).resolves.toBeUndefined();
    expect(routeChunkStatus('virtualRouters')).toBe('idle');

    const fallbacks: string[] = [];
    await act(async () => {
      renderInBoundary(Page, fallbacks);
    });
    expect(chunk.loads()).toBe(2);
    await act(async () => {
      chunk.reject(new Error('still offline'));
    });
    expect(await screen.findByText('failed: still offline')).toBeTruthy();
    expect(chunk.loads()).toBe(2);
  });
});
