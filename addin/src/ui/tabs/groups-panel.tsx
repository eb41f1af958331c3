import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Group } from '../../api';
import { errorText } from '../workspace/error-text';
import { matchLineSpec } from './line-match';
import type { TabContext } from './tab-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3 },
  assign: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

type Notice = { intent: 'success' | 'error' | 'info'; text: string };

export function GroupsPanel({ api, view, contract, workbook, refresh, i18n }: TabContext) {
  const { t, tn } = i18n;
  const styles = useStyles();
  const contractId = view.invoice.contractId;
  const isAdmin = contract?.myAccess?.isToolAdmin === true;
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [spec, setSpec] = useState('');
  const [target, setTarget] = useState('');
  const matched = useMemo(() => (spec.trim() ? matchLineSpec(view.lines, spec) : []), [view.lines, spec]);

  const counts = useMemo(() => {
    const m = new Map<string | null, number>();
    for (const l of view.lines) m.set(l.groupId, (m.get(l.groupId) ?? 0) + 1);
    return m;
  }, [view.lines]);

  async function reload() {
    setGroups((await api.listGroups(contractId)).groups);
  }
  useEffect(() => {
    reload().catch((err: unknown) => setNotice({ intent: 'error', text: errorText(err, t) }));
    // groups belong to the contract: reload when the invoice (and so maybe the contract) changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contractId]);

  /** Runs a change, then reloads groups and the invoice so the sheet's outline follows. */
  async function act(work: () => Promise<string | null>) {
    setBusy(true);
    setNotice(null);
    try {
      const text = await work();
      await reload();
      await refresh();
      if (text) setNotice({ intent: 'success', text });
    } catch (err) {
      setNotice({ intent: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  }

  /** Lines to move: the typed items when given, else the rows selected on the G703 sheet. */
  async function assign(groupId: string | null, name: string) {
    const lineIds = spec.trim() ? matched.map((l) => l.lineId) : await workbook.selectedLineIds();
    if (lineIds.length === 0) {
      setNotice({ intent: 'info', text: t('groups.noSelection') });
      return;
    }
    await act(async () => {
      await api.assignLines(contractId, groupId, lineIds);
      setSpec('');
      return t('groups.assigned', { count: i18n.count(lineIds.length), name });
    });
  }

  function create(e: FormEvent) {
    e.preventDefault();
    const name = newName.trim();
    if (!name) return;
    void act(async () => {
      await api.createGroup(contractId, { name });
      setNewName('');
      return null;
    });
  }

  return (
    <div className={styles.root}>
      <Text weight="semibold">{t('groups.title')}</Text>
      {!isAdmin && (
        <Text size={200} className={styles.sub}>
          {t('groups.adminOnly')}
        </Text>
      )}
      {groups?.length === 0 && <Text>{t('groups.empty')}</Text>}
      {groups?.map((g) => (
        <div key={g.id} className={styles.item} data-group={g.name}>
          {editing?.id === g.id ? (
            <form
              className={styles.form}
              style={{ flexGrow: 1 }}
              onSubmit={(e) => {
                e.preventDefault();
                void act(async () => {
                  await api.updateGroup(contractId, g.id, { name: editing.name.trim() });
                  setEditing(null);
                  return null;
                });
              }}
            >
              <Input
                className={styles.grow}
                size="small"
                value={editing.name}
                autoFocus
                aria-label={t('groups.rename')}
                onChange={(_, d) => setEditing({ id: g.id, name: d.value })}
              />
              <Button size="small" appearance="primary" type="submit" disabled={busy || !editing.name.trim()}>
                {t('groups.save')}
              </Button>
              <Button size="small" onClick={() => setEditing(null)}>
                {t('groups.cancel')}
              </Button>
            </form>
          ) : confirmDelete === g.id ? (
            <>
              <Text className={styles.name}>{t('groups.deleteConfirm', { name: g.name })}</Text>
              <Button
                size="small"
                appearance="primary"
                disabled={busy}
                onClick={() => {
                  setConfirmDelete(null);
                  void act(async () => {
                    await api.deleteGroup(contractId, g.id);
                    return null;
                  });
                }}
              >
                {t('groups.delete')}
              </Button>
              <Button size="small" onClick={() => setConfirmDelete(null)}>
                {t('groups.cancel')}
              </Button>
            </>
          ) : (
            <>
              <div className={styles.name}>
                <Text weight="semibold">{g.name}</Text>{' '}
                <Text size={200} className={styles.sub}>
                  {tn('groups.lines', counts.get(g.id) ?? 0)}
                </Text>
              </div>
              {isAdmin && (
                <>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<EditRegular />}
                    aria-label={`${t('groups.rename')} ${g.name}`}
                    title={t('groups.rename')}
                    onClick={() => setEditing({ id: g.id, name: g.name })}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`${t('groups.delete')} ${g.name}`}
                    title={t('groups.delete')}
                    onClick={() => setConfirmDelete(g.id)}
                  />
                </>
              )}
            </>
          )}
        </div>
      ))}
      {isAdmin && (
        <>
          <form className={styles.form} onSubmit={create}>
            <Input
              className={styles.grow}
              size="small"
              placeholder={t('groups.newName')}
              aria-label={t('groups.newName')}
              value={newName}
              onChange={(_, d) => setNewName(d.value)}
            />
            <Button size="small" icon={<AddRegular />} type="submit" disabled={busy || !newName.trim()}>
              {t('groups.create')}
            </Button>
          </form>
        </>
      )}
      {isAdmin && groups && groups.length > 0 && (
        <div className={styles.assign}>
          <Text weight="semibold">{t('groups.assignTitle')}</Text>
          <Text size={200} className={styles.sub}>
            {t('groups.selectionHint')}
          </Text>
          <Field label={t('groups.linesLabel')} hint={spec.trim() ? tn('groups.matched', matched.length) : t('groups.linesHint')}>
            <Input size="small" name="lineSpec" value={spec} onChange={(_, d) => setSpec(d.value)} />
          </Field>
          <div className={styles.form}>
            <Select
              size="small"
              className={styles.grow}
              name="targetGroup"
              aria-label={t('groups.target')}
              value={target}
              onChange={(_, d) => setTarget(d.value)}
            >
              <option value="">{t('groups.target')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
              <option value="none">{t('groups.ungrouped')}</option>
            </Select>
            <Button
              size="small"
              appearance="primary"
              disabled={busy || !target || (spec.trim() !== '' && matched.length === 0)}
              onClick={() =>
                void assign(target === 'none' ? null : target, target === 'none' ? t('groups.ungrouped') : (groups.find((g) => g.id === target)?.name ?? ''))
              }
            >
              {t('groups.assign')}
            </Button>
          </div>
        </div>
      )}
      {notice && (
        <MessageBar layout="multiline" intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
