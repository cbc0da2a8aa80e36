// Starts one throwaway PostgreSQL cluster for the whole test run, so that the
// storage tests run against PostgreSQL as well as the embedded engine.
// PONTIS_TEST_POSTGRES_URL points at an existing server instead.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';

let cluster: PostgresCluster | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.PONTIS_TEST_POSTGRES_URL;
  if (!url) {
    cluster = await startPostgresCluster();
    url = cluster.url;
  }
  project.provide('postgresUrl', url);
  return async () => {
    await cluster?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
