import { Button, Field, Input, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { EmailLabels } from './labels';
import { addChips, parseTyped, type Chip, type Suggestion } from './recipients';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1, minWidth: 0 },
});

type Props = {
  L: EmailLabels;
  name: 'to' | 'cc';
  label: string;
  hint: string;
  required?: boolean;
  chips: Chip[];
  onChange: (chips: Chip[]) => void;
  suggestions: Suggestion[];
  errors?: string[];
  extra?: ReactNode;
};

/** Recipients as removable tags; type or pick (the browser's list of suggestions) and press Add or Enter. */
export function RecipientPicker({ L, name, label, hint, required, chips, onChange, suggestions, errors, extra }: Props) {
  const styles = useStyles();
  const listId = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string[]>([]);

  function commit(): boolean {
    if (!text.trim()) return true;
    const parsed = parseTyped(text, suggestions);
    onChange(addChips(chips, parsed.chips));
    setInvalid(parsed.invalid);
    setText(parsed.invalid.join(', '));
    return parsed.invalid.length === 0;
  }

  const messages = [...invalid.map(L.invalidAddress), ...(errors ?? [])];
  return (
    <Field
      label={label}
      required={required}
      hint={hint}
      validationMessage={messages.length ? messages.join(' · ') : undefined}
      validationState={messages.length ? 'error' : 'none'}
    >
      <div className={styles.col}>
        {chips.length > 0 && (
          <TagGroup onDismiss={(_, d) => onChange(chips.filter((c) => c.key !== d.value))} aria-label={label} data-testid={`recipients-${name}`}>
            {chips.map((c) => (
              <Tag key={c.key} value={c.key} size="small" dismissible dismissIcon={{ 'aria-label': `${L.remove} ${c.label}` }} data-testid="recipient-chip">
                {c.label}
              </Tag>
            ))}
          </TagGroup>
        )}
        <div className={styles.row}>
          <Input
            className={styles.grow}
            name={name}
            type="text"
            list={listId}
            value={text}
            autoComplete="off"
            onChange={(_, d) => setText(d.value)}
            onBlur={() => void commit()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              }
            }}
          />
          <Button size="small" onClick={() => void commit()} data-testid={`add-${name}`}>
            {L.addRecipient}
          </Button>
        </div>
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.email} value={s.email}>
              {s.name}
            </option>
          ))}
        </datalist>
        {extra}
      </div>
    </Field>
  );
}
