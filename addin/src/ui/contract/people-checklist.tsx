import { Checkbox, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TDirectory } from '@shared/api/project-views';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '180px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Person = TDirectory['people'][number];

/** People of the project directory with a checkbox each (a private list, invoice contacts). */
export function PeopleChecklist(props: {
  name: string;
  label: string;
  hint?: string;
  people: Person[];
  value: string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
  error?: string;
  emptyText: string;
}) {
  const styles = useStyles();
  const chosen = new Set(props.value);
  return (
    <Field label={props.label} hint={props.hint} validationState={props.error ? 'error' : 'none'} validationMessage={props.error}>
      {props.people.length === 0 ? (
        <Text size={200} className={styles.sub}>
          {props.emptyText}
        </Text>
      ) : (
        <div className={styles.list} role="group" aria-label={props.label} data-testid={`people-${props.name}`}>
          {props.people.map((p) => (
            <Checkbox
              key={p.userId}
              name={props.name}
              value={p.userId}
              disabled={props.disabled}
              checked={chosen.has(p.userId)}
              label={`${p.name} · ${p.companyName}`}
              onChange={(_, d) => props.onChange(d.checked ? [...props.value, p.userId] : props.value.filter((id) => id !== p.userId))}
            />
          ))}
        </div>
      )}
    </Field>
  );
}
