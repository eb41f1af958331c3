import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { getProject, updateProject } from '@shared/api/routes/projects';
import type { Project } from '../../api';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import type { ProjectTabContext, ProjectTabDefinition } from '../project/project-tab-types';
import { useLoad } from '../use-load';
import { errorText } from '../workspace/error-text';
import { isJurisdiction, jurisdictionOptions, projectSettingsLabels } from './labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sub: { color: tokens.colorNeutralForeground3 },
  // a long place name must not widen the pane
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  buttons: { display: 'flex', justifyContent: 'flex-end' },
});

type WorkType = Project['workType'];
type Values = { jurisdiction: string; workType: WorkType };
type SettingsField = keyof Values;

/** Jurisdiction and private/public work, saved with PATCH /projects/{id}; the server's field errors go under their field. */
function ProjectSettingsForm({ ctx, project, onSaved }: { ctx: ProjectTabContext; project: Project; onSaved: (p: Project) => void }) {
  const i18n = useI18n();
  const L = useLabels(projectSettingsLabels);
  const styles = useStyles();
  const [values, setValues] = useState<Values>({ jurisdiction: project.jurisdiction ?? '', workType: project.workType });
  const [problems, setProblems] = useState<Partial<Record<SettingsField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const disabled = !ctx.isAdmin || busy;
  const set = <K extends SettingsField>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
    setSaved(false);
  };
  const state = (field: SettingsField) => ({ validationState: problems[field] ? ('error' as const) : ('none' as const), validationMessage: problems[field] });

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await ctx.api.call(updateProject, {
        param: { id: project.id },
        json: { jurisdiction: isJurisdiction(values.jurisdiction) ? values.jurisdiction : null, workType: values.workType },
      });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      if (isApiError(err) && err.details.length) {
        const placed: Partial<Record<SettingsField, string>> = {};
        const other: string[] = [];
        for (const d of err.details) d.field === 'jurisdiction' || d.field === 'workType' ? (placed[d.field] ??= d.message) : other.push(d.message);
        setProblems(placed);
        setError([err.message, ...other].join(' '));
      } else setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      data-testid="project-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text size={200} className={styles.sub}>
        {L.intro}
      </Text>
      {!ctx.isAdmin && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{L.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={L.jurisdiction} hint={L.jurisdictionHint} {...state('jurisdiction')}>
        <Select className={styles.select} name="jurisdiction" value={values.jurisdiction} disabled={disabled} onChange={(_, d) => set('jurisdiction', d.value)}>
          <option value="">{L.noJurisdiction}</option>
          {jurisdictionOptions(i18n.lang).map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={L.workType} hint={L.workTypeHint} {...state('workType')}>
        <RadioGroup name="workType" value={values.workType} disabled={disabled} onChange={(_, d) => set('workType', d.value as WorkType)}>
          <Radio value="private" label={L.workTypes.private} />
          <Radio value="public" label={L.workTypes.public} />
        </RadioGroup>
      </Field>
      <ErrorBar message={error} />
      {isSaved && (
        <MessageBar layout="multiline" intent="success" data-testid="project-settings-saved">
          <MessageBarBody>{L.saved}</MessageBarBody>
        </MessageBar>
      )}
      {ctx.isAdmin && (
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={busy} data-testid="project-settings-save">
            {busy ? L.saving : L.save}
          </Button>
        </div>
      )}
    </form>
  );
}

/** Reads the project fresh (the signed-in user's list may predate a colleague's change), then the form. */
function ProjectSettingsPanel({ ctx }: { ctx: ProjectTabContext }) {
  const L = useLabels(projectSettingsLabels);
  const loaded = useLoad<Project>(ctx.project.id, (id) => ctx.api.call(getProject, { param: { id } }));
  if (loaded.error) return <ErrorBar message={L.loadFailed(loaded.error)} />;
  if (!loaded.data) return null;
  return <ProjectSettingsForm ctx={ctx} project={loaded.data} onSaved={ctx.projectChanged} />;
}

export const projectSettingsTab: ProjectTabDefinition = {
  id: 'settings',
  order: 90,
  label: (i18n) => projectSettingsLabels(i18n.lang).tab,
  render: (ctx) => <ProjectSettingsPanel key={ctx.project.id} ctx={ctx} />,
};
