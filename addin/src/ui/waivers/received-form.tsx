import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { isApiError } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { attachmentLabels } from '../attachments/labels';
import { ACCEPTED_EXTENSIONS, checkBeforeUpload, problemFromServer } from '../attachments/upload-check';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import type { WaiverApi, WaiverView } from './waiver-api';
import { WAIVER_TYPES, type WaiverType } from '@shared/waivers/types';
import { checkReceived, type ReceivedInput, type ReceivedProblems } from './waiver-choices';
import { waiverLabels } from './labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sub: { color: tokens.colorNeutralForeground3 },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileName: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hidden: { display: 'none' },
  buttons: { display: 'flex', justifyContent: 'flex-end' },
});

type Props = { api: WaiverApi; invoiceId: string; projectId: string; today: string; onRecorded: (w: WaiverView) => void };

/**
 * A subcontractor's waiver on a commitment invoice, as received: type, the amount it waives,
 * the through date and the signed file. The file goes through the attachments upload (the same
 * checks as the Attachments tab), then the waiver is recorded with it and linked to the invoice.
 */
export function ReceivedForm({ api, invoiceId, projectId, today, onRecorded }: Props) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const A = useLabels(attachmentLabels);
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const [input, setInput] = useState<Omit<ReceivedInput, 'file'>>({ type: '', amount: '', throughDate: '' });
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<ReceivedProblems>({});
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof input>(field: K, value: (typeof input)[K]) => {
    setInput((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
    setDone(false);
  };
  const message = (field: keyof ReceivedInput) => (field === 'file' && fileProblem) || (problems[field] && L.receivedProblem[problems[field]]);
  const state = (field: keyof ReceivedInput) => ({
    validationState: message(field) ? ('error' as const) : ('none' as const),
    validationMessage: message(field) || undefined,
  });

  function pick(list: FileList | null) {
    const chosen = list?.[0] ?? null;
    setProblems(({ file: _, ...rest }) => rest);
    setDone(false);
    const problem = chosen && checkBeforeUpload(chosen);
    setFileProblem(problem && chosen ? A.problem(chosen.name, problem) : null);
    setFile(problem ? null : chosen);
  }

  async function record() {
    setError(null);
    const r = checkReceived({ ...input, file }, i18n.lang, today);
    if (!r.ok) return setProblems(r.problems);
    setBusy(true);
    try {
      let attachmentId: string;
      try {
        attachmentId = (await api.upload(projectId, file!)).id;
      } catch (err) {
        if (isApiError(err)) setFileProblem(A.problem(file!.name, problemFromServer(file!, err)));
        else throw err;
        return;
      }
      onRecorded(await api.recordReceived(invoiceId, { ...r.value, attachmentId }));
      setInput({ type: '', amount: '', throughDate: '' });
      setFile(null);
      setDone(true);
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      data-testid="waiver-received"
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <Text weight="semibold">{L.receivedTitle}</Text>
      <Text size={200} className={styles.sub}>
        {L.receivedIntro}
      </Text>
      <Field label={L.typeLabel} required {...state('type')}>
        {/* radios, not a select: the types' names are long and a select would cut them at 340 px */}
        <RadioGroup name="received-type" value={input.type} onChange={(_, d) => set('type', d.value as WaiverType)}>
          {WAIVER_TYPES.map((t) => (
            <Radio key={t} value={t} label={L.type[t]} data-testid={`received-type-${t}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={L.receivedAmount} required {...state('amount')}>
        <Input name="received-amount" inputMode="decimal" value={input.amount} onChange={(_, d) => set('amount', d.value)} />
      </Field>
      <Field label={L.throughDate} required {...state('throughDate')}>
        <Input type="date" name="received-through" max={today} value={input.throughDate} onChange={(_, d) => set('throughDate', d.value)} />
      </Field>
      <Field label={L.receivedFile} required {...state('file')}>
        <div className={styles.file}>
          <Button size="small" icon={<AttachRegular />} onClick={() => picker.current?.click()}>
            {L.chooseFile}
          </Button>
          <Text size={200} className={styles.fileName} title={file?.name}>
            {file?.name ?? L.noFile}
          </Text>
          <input
            ref={picker}
            className={styles.hidden}
            type="file"
            accept={ACCEPTED_EXTENSIONS.join(',')}
            data-testid="received-file"
            onChange={(e) => {
              pick(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
      </Field>
      <ErrorBar message={error} />
      {isDone && (
        <Text size={200} data-testid="waiver-recorded">
          {L.recorded}
        </Text>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="waiver-record">
          {busy ? L.recording : L.record}
        </Button>
      </div>
    </form>
  );
}
