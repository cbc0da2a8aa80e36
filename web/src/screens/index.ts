// The screens and the paths they answer to. Each screen area adds its entry here.
import type { VNode } from 'preact';
import { h } from 'preact';
import { Search } from './Search.tsx';

export interface ScreenRoute {
  path: string;
  render(params: Record<string, string>): VNode;
}

export const screens: ScreenRoute[] = [
  { path: '/', render: () => h(Search, {}) },
  { path: '/search', render: () => h(Search, {}) },
];
