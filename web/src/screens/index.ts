// The screens and the paths they answer to. More specific paths first.
import type { VNode } from 'preact';
import { h } from 'preact';
import { Search } from './Search.tsx';
import { Alerts } from './Alerts.tsx';
import { AlertForm } from './AlertForm.tsx';
import { AlertDetail } from './AlertDetail.tsx';
import { Identity } from './Identity.tsx';
import { LinkReview } from './LinkReview.tsx';
import { Cluster } from './Cluster.tsx';
import { Inbox } from './Inbox.tsx';
import { Thread } from './Thread.tsx';
import { Threat } from './Threat.tsx';
import { Audit } from './Audit.tsx';

export interface ScreenRoute {
  path: string;
  render(params: Record<string, string>): VNode<any>;
}

export const screens: ScreenRoute[] = [
  { path: '/', render: () => h(Search, {}) },
  { path: '/search', render: () => h(Search, {}) },
  { path: '/alerts', render: () => h(Alerts, {}) },
  { path: '/alerts/new', render: () => h(AlertForm, { key: 'new' }) },
  { path: '/alerts/:id/edit', render: (p) => h(AlertForm, { id: p.id!, key: `edit-${p.id}` }) },
  { path: '/alerts/:id', render: (p) => h(AlertDetail, { id: p.id! }) },
  { path: '/identity', render: () => h(Identity, {}) },
  { path: '/identity/links/:id', render: (p) => h(LinkReview, { id: p.id! }) },
  { path: '/identity/persons/:id', render: (p) => h(Cluster, { id: p.id! }) },
  { path: '/inbox', render: () => h(Inbox, {}) },
  { path: '/inbox/threads/:id', render: (p) => h(Thread, { id: p.id! }) },
  { path: '/threat', render: () => h(Threat, {}) },
  { path: '/audit', render: () => h(Audit, {}) },
];
