import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, Project } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { projectLabels } from './labels';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

/** Name (required), number and address: POST /projects makes the creator its admin. */
export function NewProjectForm({ api, onCreated, onCancel }: { api: ApiClient; onCreated: (p: Project) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const L = useLabels(projectLabels);
  const styles = useStyles();
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.setup.createProject({ name, number, address }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      data-testid="new-project-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Field label={L.name} required>
        <Input name="projectName" value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={L.number}>
        <Input name="projectNumber" value={number} onChange={(_, d) => setNumber(d.value)} />
      </Field>
      <Field label={L.address}>
        <Input name="projectAddress" value={address} onChange={(_, d) => setAddress(d.value)} />
      </Field>
      <ErrorBar message={error} />
      <div className={styles.row}>
        {onCancel && <Button onClick={onCancel}>{L.cancel}</Button>}
        <Button appearance="primary" type="submit" disabled={busy || !name.trim()}>
          {L.create}
        </Button>
      </div>
    </form>
  );
}
