// One person across sources: every record linked to them, with how each link
// was decided, so an officer sees the whole identity at once.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { label } from '../format.ts';
import { personRows, type ComparedPerson } from '../components/PersonCompare.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';

interface ClusterLink {
  id: string;
  status: string;
  probability: number;
  personA: string;
  personB: string;
  reason: string | null;
}
interface IdentityCluster {
  personId: string;
  persons: ComparedPerson[];
  links: ClusterLink[];
}

export function Cluster({ id }: { id: string }) {
  const [cluster, setCluster] = useState<IdentityCluster | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setCluster(null);
    api<IdentityCluster>('GET', `/api/v1/identity/persons/${encodeURIComponent(id)}/cluster`).then(setCluster, setError);
  }, [id]);
  if (error) return <main id="main"><h1 tabIndex={-1}>{t('cluster.title')}</h1><ProblemMessage error={error} /></main>;
  if (!cluster) return <main id="main"><p>{t('app.loading')}</p></main>;
  const start = cluster.persons.find((p) => p.id === cluster.personId) ?? cluster.persons[0];
  const nameOf = (pid: string) => cluster.persons.find((p) => p.id === pid)?.display ?? pid;
  const sources = new Set(cluster.persons.map((p) => p.source));
  const fields = personRows(null).map(([f]) => f);
  return (
    <main id="main">
      <h1 tabIndex={-1}>{t('cluster.title')}: {start?.display}</h1>
      <p class="muted" data-testid="cluster-summary">{t('cluster.summary', { records: cluster.persons.length, sources: sources.size, links: cluster.links.length })}</p>
      <div class="table-wrap">
        <table class="compare cluster">
          <caption class="sr-only">{t('cluster.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('identity.field')}</th>
              {cluster.persons.map((p) => (
                <th scope="col" key={p.id} class={p.id === cluster.personId ? 'current' : ''}>{p.source}<br /><small class="muted">{p.ref}</small></th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={f}>
                <th scope="row">{f}</th>
                {cluster.persons.map((p) => <td key={p.id}>{p.record ? personRows(p.record)[i]![1] || '—' : i === 0 ? p.display : ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('cluster.links')}</h2>
      {cluster.links.length === 0 ? <p class="muted">{t('cluster.noLinks')}</p> : (
        <ul class="link-list">
          {cluster.links.map((l) => (
            <li key={l.id}>
              <span class={`status-chip status-${l.status}`}>{label('linkStatus', l.status)}</span>{' '}
              <a href={`/identity/links/${encodeURIComponent(l.id)}`}>{nameOf(l.personA)} ↔ {nameOf(l.personB)}</a>{' '}
              <span class="muted">{Math.round(l.probability * 100)}%{l.reason ? ` · ${l.reason}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
