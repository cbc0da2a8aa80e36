// Create or edit an alert. The form adapts to the category (which subject it
// may be on, which fields it requires — the server's own rules), validates as
// one types, and shows the server's problems next to the fields they concern.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';
import { label } from '../format.ts';
import { navigate } from '../router.ts';
import { session } from '../session.ts';
import { Field } from '../components/Field.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { fieldErrors } from '../components/problems.ts';
import {
  ALERT_CATEGORIES, ALPHA3, CATEGORY_RULES, CRIME_AREAS, DOCUMENT_STATES, DOCUMENT_TYPES, HANDLING_CODES, ISO_DATE, OBJECT_KINDS, PARTIAL_DATE,
  checkCategoryRules, mayBeChild, type AlertCategory, type AlertView, type SourceView,
} from '../domain.ts';

type Values = Record<string, string>;

const today = () => new Date().toISOString().slice(0, 10);
const inYears = (n: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.toISOString().slice(0, 10);
};

const EDITABLE = ['category', 'crimeArea', 'action', 'reason', 'legalBasis', 'protectiveMeasures', 'handlingCode', 'validFrom', 'reviewAt'] as const;

/** Fields of a new object record by kind; the first is its identifier. */
const OBJECT_FIELDS: Record<string, string[]> = {
  vehicle: ['vin', 'plate', 'plateCountry', 'make', 'model'],
  firearm: ['serial', 'make', 'model', 'calibre'],
  document: ['number', 'documentType', 'issuingCountry', 'state'],
  bank_account: ['iban', 'holder'],
  cultural_good: ['description', 'inventoryNumber'],
  number_plate: ['plate', 'plateCountry'],
};
const OBJECT_REQUIRED: Record<string, string[]> = {
  vehicle: [],
  firearm: ['serial'],
  document: ['number', 'documentType', 'issuingCountry', 'state'],
  bank_account: ['iban'],
  cultural_good: ['description'],
  number_plate: ['plate', 'plateCountry'],
};

function clientIssues(v: Values, mode: 'create' | 'edit', subjectOf: { type: 'person' | 'object'; objectKind?: string; birthDate?: string } | null): Record<string, string> {
  const e: Record<string, string> = {};
  const need = (k: string, msg = t('form.required')) => {
    if (!(v[k] ?? '').trim()) e[k] = msg;
  };
  if (mode === 'create') {
    need('source');
    need('ref');
    need('expiresAt');
  }
  need('action');
  for (const k of ['expiresAt', 'validFrom', 'reviewAt']) if (v[k] && !ISO_DATE.test(v[k])) e[k] = t('form.date');
  if (mode === 'create' && v.expiresAt && ISO_DATE.test(v.expiresAt) && v.expiresAt < today()) e.expiresAt = t('form.past');
  if (v.reviewAt && v.expiresAt && ISO_DATE.test(v.reviewAt) && v.reviewAt > v.expiresAt) e.reviewAt = t('form.reviewAfterExpiry');
  if (mode === 'edit') need('changeReason', t('form.changeReason'));
  const category = v.category as AlertCategory;
  if (!CATEGORY_RULES[category]) {
    e.category = t('form.required');
    return e;
  }
  if (mode === 'create' && !v.subjectId) {
    if (v.subjectType === 'person') {
      if (!v.family?.trim() && !v.given?.trim()) e.family = t('form.nameNeeded');
      if (v.birthDate && !PARTIAL_DATE.test(v.birthDate)) e.birthDate = t('form.partialDate');
      if (v.nationality && !ALPHA3.test(v.nationality)) e.nationality = t('form.alpha3');
    } else {
      const kind = v.objectKind ?? '';
      for (const k of OBJECT_REQUIRED[kind] ?? []) need(`obj.${k}`);
      if (kind === 'vehicle' && !v['obj.vin']?.trim() && !v['obj.plate']?.trim()) e['obj.vin'] = t('form.vinOrPlate');
      for (const k of ['plateCountry', 'issuingCountry']) if (v[`obj.${k}`] && !ALPHA3.test(v[`obj.${k}`]!)) e[`obj.${k}`] = t('form.alpha3');
    }
  }
  if (subjectOf) {
    const subject = { type: subjectOf.type, objectKind: subjectOf.objectKind, birthDate: subjectOf.birthDate };
    const fields = { category, legalBasis: v.legalBasis, reason: v.reason, protectiveMeasures: v.protectiveMeasures, crimeArea: v.crimeArea || undefined };
    for (const issue of checkCategoryRules(fields, subject, today())) {
      const key = issue.path === 'subject/type' ? 'subjectType' : issue.path === 'subject' ? 'objectKind' : issue.path;
      e[key] ??= issue.message;
    }
  }
  return e;
}

/** Server paths to the form's field names. */
function serverKey(path: string, mode: 'create' | 'edit'): string {
  if (mode === 'edit' && path === 'reason') return 'changeReason';
  const p = path.replace(/^changes\//, '');
  if (p.startsWith('subject/record/names')) return 'family';
  if (p === 'subject/record/birthDate') return 'birthDate';
  if (p.startsWith('subject/record/nationalities')) return 'nationality';
  if (p.startsWith('subject/record/')) return `obj.${p.slice('subject/record/'.length).split('/')[0]}`;
  if (p === 'subject/type') return 'subjectType';
  if (p === 'subject' || p === 'subject/id') return 'objectKind';
  return p;
}

export function AlertForm({ id }: { id?: string }) {
  const mode = id ? 'edit' : 'create';
  const params = new URLSearchParams(location.search);
  const presetSubject = params.get('subject'); // "person:<uuid>" from a search hit
  const [original, setOriginal] = useState<AlertView | null>(null);
  const [sources, setSources] = useState<SourceView[]>([]);
  const [values, setValues] = useState<Values>(() => ({
    category: 'discreet_check',
    subjectType: presetSubject?.split(':')[0] === 'object' ? 'object' : 'person',
    subjectId: presetSubject?.split(':')[1] ?? '',
    objectKind: 'vehicle',
    handlingCode: 'H0',
    status: 'active',
    ref: `WEB-${Date.now().toString(36).toUpperCase()}`,
    expiresAt: inYears(1),
    'obj.documentType': 'passport',
    'obj.state': 'stolen',
  }));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (mode === 'create') {
      api<{ sources: SourceView[] }>('GET', '/api/v1/sources').then((r) => {
        const mine = r.sources.filter((s) => s.kind === 'alerts' && s.authorityId === session.value?.authority.id);
        const list = mine.length ? mine : r.sources.filter((s) => s.kind === 'alerts');
        setSources(list);
        setValues((v) => (v.source ? v : { ...v, source: list[0]?.id ?? '' }));
      }, setLoadError);
    } else {
      api<AlertView>('GET', `/api/v1/alerts/${encodeURIComponent(id!)}`).then((a) => {
        setOriginal(a);
        setValues({
          category: a.category, crimeArea: a.crimeArea ?? '', action: a.action, reason: a.reason ?? '', legalBasis: a.legalBasis ?? '',
          protectiveMeasures: a.protectiveMeasures ?? '', handlingCode: a.handlingCode, validFrom: a.validFrom ?? '', reviewAt: a.reviewAt ?? '',
          expiresAt: a.expiresAt, changeReason: '',
        });
      }, setLoadError);
    }
  }, [id]);

  const category = values.category as AlertCategory;
  const rule = CATEGORY_RULES[category];
  const subjectOf = mode === 'edit'
    ? original ? { type: original.subject.type, objectKind: original.subject.objectKind } : null
    : { type: (values.subjectType as 'person' | 'object'), objectKind: values.subjectType === 'object' && !values.subjectId ? values.objectKind : undefined, birthDate: values.birthDate };
  const issues = useMemo(() => clientIssues(values, mode, subjectOf), [values, original]);
  const server = fieldErrors(error);
  const serverByField: Record<string, string> = {};
  for (const [k, m] of Object.entries(server)) serverByField[serverKey(k, mode)] = m;
  const errorOf = (k: string) => (touched.has(k) || submitted ? issues[k] : undefined) ?? serverByField[k];

  const required = new Set<string>(['action', 'expiresAt', 'source', 'ref', 'category']);
  if (rule) {
    for (const f of rule.requires) required.add(f);
    if (rule.requiresForChild && values.subjectType === 'person' && mayBeChild(values.birthDate, today())) for (const f of rule.requiresForChild) required.add(f);
  }
  const subjectTypes: ('person' | 'object')[] = rule?.subject === 'person' ? ['person'] : rule?.subject === 'object' ? ['object'] : ['person', 'object'];
  const objectKinds = rule?.objectKinds ?? OBJECT_KINDS;

  const set = (k: string) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setValues((v) => {
      const next = { ...v, [k]: value };
      // Keep the subject consistent with what the new category allows.
      if (k === 'category') {
        const r = CATEGORY_RULES[value as AlertCategory];
        if (r?.subject === 'person') next.subjectType = 'person';
        if (r?.subject === 'object') next.subjectType = 'object';
        if (r?.objectKinds && !r.objectKinds.includes(next.objectKind as never)) next.objectKind = r.objectKinds[0]!;
      }
      return next;
    });
    setTouched((s) => new Set(s).add(k));
  };

  const text = (k: string, lbl: string, opts: { hint?: string; area?: boolean; type?: 'text' | 'date'; placeholder?: string } = {}) => (
    <Field id={`f-${k}`} label={lbl} hint={opts.hint} error={errorOf(k)} required={required.has(k)}>
      {(describedBy, invalid) =>
        opts.area ? (
          <textarea id={`f-${k}`} rows={2} value={values[k] ?? ''} onInput={set(k)} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required.has(k) || undefined} />
        ) : (
          <input id={`f-${k}`} {...(opts.type === 'date' ? { type: 'date' as const } : { type: 'text' as const })} value={values[k] ?? ''} onInput={set(k)} placeholder={opts.placeholder} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required.has(k) || undefined} />
        )
      }
    </Field>
  );
  const select = (k: string, lbl: string, options: readonly string[], prefix: string, opts: { empty?: boolean; hint?: string; names?: Record<string, string> } = {}) => (
    <Field id={`f-${k}`} label={lbl} hint={opts.hint} error={errorOf(k)} required={required.has(k)}>
      {(describedBy, invalid) => (
        <select id={`f-${k}`} value={values[k] ?? ''} onChange={set(k)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {opts.empty ? <option value="">—</option> : null}
          {options.map((o) => <option key={o} value={o}>{opts.names?.[o] ?? (prefix ? label(prefix, o) : o)}</option>)}
        </select>
      )}
    </Field>
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    setError(null);
    if (Object.keys(issues).length) {
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    setBusy(true);
    try {
      const opt = (k: string) => (values[k]?.trim() ? values[k]!.trim() : undefined);
      if (mode === 'create') {
        let subject: Record<string, unknown>;
        if (values.subjectId) subject = { type: values.subjectType, id: values.subjectId };
        else if (values.subjectType === 'person') {
          subject = {
            type: 'person',
            record: {
              ref: `${values.ref}-P`,
              names: [{ family: opt('family'), given: opt('given') }],
              birthDate: opt('birthDate'),
              nationalities: opt('nationality') ? [values.nationality] : [],
            },
          };
        } else {
          const record: Record<string, unknown> = { ref: `${values.ref}-O`, kind: values.objectKind };
          for (const f of OBJECT_FIELDS[values.objectKind!] ?? []) if (opt(`obj.${f}`)) record[f] = opt(`obj.${f}`);
          subject = { type: 'object', record };
        }
        const body = {
          source: values.source, ref: values.ref, category, subject, action: values.action!.trim(), reason: opt('reason'), crimeArea: opt('crimeArea'),
          legalBasis: opt('legalBasis'), protectiveMeasures: opt('protectiveMeasures'), handlingCode: values.handlingCode, validFrom: opt('validFrom'),
          expiresAt: values.expiresAt, reviewAt: opt('reviewAt'), status: values.status,
        };
        const created = await api<AlertView>('POST', '/api/v1/alerts', body);
        navigate(`/alerts/${encodeURIComponent(created.id)}`);
      } else if (original) {
        const changes: Record<string, string> = {};
        for (const k of EDITABLE) {
          const before = (original[k] ?? '') as string;
          const after = (values[k] ?? '').trim();
          if (after !== before && after !== '') changes[k] = after;
        }
        const reason = values.changeReason!.trim();
        if (Object.keys(changes).length) await api('PATCH', `/api/v1/alerts/${encodeURIComponent(original.id)}`, { changes, reason });
        if (values.expiresAt !== original.expiresAt) await api('POST', `/api/v1/alerts/${encodeURIComponent(original.id)}/extend`, { expiresAt: values.expiresAt, reason });
        navigate(`/alerts/${encodeURIComponent(original.id)}`);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(issues).length;
  return (
    <main id="main">
      <h1 tabIndex={-1} ref={headingRef}>{mode === 'create' ? t('alertForm.createTitle') : t('alertForm.editTitle', { ref: original?.ref ?? '' })}</h1>
      <ProblemMessage error={loadError} />
      {mode === 'edit' && !original ? (loadError ? null : <p>{t('app.loading')}</p>) : (
        <form class="alert-form" onSubmit={submit} noValidate aria-describedby="form-rule">
          <fieldset>
            <legend>{t('alertForm.what')}</legend>
            <div class="grid2">
              {select('category', t('alert.category'), ALERT_CATEGORIES, 'category')}
              {select('crimeArea', t('alert.crimeArea'), CRIME_AREAS, 'crimeArea', { empty: true })}
            </div>
            {rule ? <p id="form-rule" class="rule-note" aria-live="polite">{t('alertForm.rule', { category: label('category', category), note: rule.note })}</p> : null}
            {text('action', t('alert.action'), { area: true, hint: t('alertForm.actionHint') })}
            <div class="grid2">
              {text('reason', t('alert.reason'), { area: true })}
              {text('legalBasis', t('alert.legalBasis'), { area: true })}
            </div>
            {rule?.requiresForChild || rule?.requires.includes('protectiveMeasures') || values.protectiveMeasures ? text('protectiveMeasures', t('alert.protectiveMeasures'), { area: true }) : null}
          </fieldset>
          {mode === 'create' ? (
            <fieldset>
              <legend>{t('alertForm.subject')}</legend>
              {values.subjectId ? (
                <>
                  <p>{t('alertForm.existingSubject', { id: values.subjectId })}</p>
                  {issues.subjectType || issues.objectKind ? <p class="field-error" role="alert">{issues.subjectType ?? issues.objectKind}</p> : null}
                </>
              ) : (
                <>
                  <div class="grid2">
                    {select('subjectType', t('alertForm.subjectType'), subjectTypes, 'kind')}
                    {values.subjectType === 'object' ? select('objectKind', t('alertForm.objectKind'), objectKinds, 'objectKind') : null}
                  </div>
                  {values.subjectType === 'person' ? (
                    <div class="grid2">
                      {text('family', t('person.family'))}
                      {text('given', t('person.given'))}
                      {text('birthDate', t('person.birthDate'), { placeholder: 'YYYY-MM-DD', hint: t('form.partialDateHint') })}
                      {text('nationality', t('person.nationality'), { placeholder: 'NLD' })}
                    </div>
                  ) : (
                    <div class="grid2">
                      {(OBJECT_FIELDS[values.objectKind!] ?? []).map((f) => {
                        const k = `obj.${f}`;
                        if (OBJECT_REQUIRED[values.objectKind!]?.includes(f)) required.add(k);
                        if (f === 'documentType') return <div key={k}>{select(k, t('object.documentType'), DOCUMENT_TYPES, 'docType')}</div>;
                        if (f === 'state') return <div key={k}>{select(k, t('object.state'), DOCUMENT_STATES, 'docState')}</div>;
                        return <div key={k}>{text(k, label('objectField', f))}</div>;
                      })}
                    </div>
                  )}
                </>
              )}
            </fieldset>
          ) : null}
          <fieldset>
            <legend>{t('alertForm.validity')}</legend>
            <div class="grid3">
              {mode === 'create' ? select('source', t('alert.source'), sources.map((s) => s.id), '', { names: Object.fromEntries(sources.map((s) => [s.id, `${s.name} (${s.authorityName})`])) }) : null}
              {mode === 'create' ? text('ref', t('alert.ref')) : null}
              {mode === 'create' ? select('status', t('alertForm.status'), ['active', 'proposed'], 'alertStatus', { hint: t('alertForm.statusHint') }) : null}
              {select('handlingCode', t('alert.handlingCode'), HANDLING_CODES, 'handling', { names: Object.fromEntries(HANDLING_CODES.map((h) => [h, `${h} — ${label('handling', h)}`])) })}
              {text('validFrom', t('alert.validFrom'), { type: 'date' })}
              {text('expiresAt', t('alert.expiresAt'), { type: 'date' })}
              {text('reviewAt', t('alert.reviewAt'), { type: 'date' })}
            </div>
          </fieldset>
          {mode === 'edit' ? text('changeReason', t('alertForm.changeReason'), { area: true }) : null}
          <p class="muted" aria-live="polite" data-testid="issue-count">{count === 1 ? t('alertForm.issuesOne') : count ? t('alertForm.issues', { count }) : t('alertForm.ready')}</p>
          <ProblemMessage error={error} />
          <div class="button-row">
            <button type="submit" disabled={busy}>{mode === 'create' ? t('alertForm.create') : t('common.save')}</button>
            <a href={original ? `/alerts/${encodeURIComponent(original.id)}` : '/alerts'}>{t('common.cancel')}</a>
          </div>
        </form>
      )}
    </main>
  );
}
