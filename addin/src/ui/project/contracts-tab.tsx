import { Button, Card, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Contract } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { ContractStatusBadge } from '../contract/contract-status-badge';
import { contractLabels } from '../contract/labels';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import { projectLabels } from './labels';
import type { ProjectTabContext, ProjectTabDefinition } from './project-tab-types';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingVerticalS, gap: tokens.spacingVerticalXXS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3 },
  money: { fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

/** The project's contracts with their status: one click opens a contract; admins start a new one. */
function ContractsPanel({ ctx }: { ctx: ProjectTabContext }) {
  const L = useLabels(projectLabels);
  const C = useLabels(contractLabels);
  const styles = useStyles();
  const contracts = useLoad<Contract[]>(ctx.project.id, async (id) => (await ctx.api.listContracts(id)).contracts);
  return (
    <div className={styles.list} data-testid="contract-list">
      {ctx.isAdmin && (
        <div className={styles.actions}>
          <Button size="small" appearance="primary" icon={<AddRegular />} onClick={ctx.newContract} data-testid="new-contract">
            {L.newContract}
          </Button>
        </div>
      )}
      <ErrorBar message={contracts.error} />
      {contracts.isLoading && <Spinner size="tiny" />}
      {contracts.data?.length === 0 && <Text className={styles.sub}>{L.noContracts}</Text>}
      {contracts.data?.map((c) => (
        <Card
          key={c.id}
          className={styles.card}
          data-testid="contract-row"
          data-contract-id={c.id}
          onClick={() => ctx.openContract(c.id)}
          aria-label={C.contractNo(c.number, c.title)}
        >
          <div className={styles.head}>
            <Text weight="semibold" className={styles.title}>
              {C.contractNo(c.number, c.title)}
            </Text>
            <ContractStatusBadge status={c.status} />
          </div>
          <Text size={200} className={styles.sub}>
            {`${C.kind[c.kind]} · ${C.method[c.accountingMethod]} · ${L.lines(c.lineCount)}`}
          </Text>
          <Text size={200} className={styles.money}>{`${C.revisedSum}: ${ctx.i18n.money(c.revisedContractSumCents)}`}</Text>
        </Card>
      ))}
    </div>
  );
}

export const contractsTab: ProjectTabDefinition = {
  id: 'contracts',
  order: 10,
  label: (i18n) => projectLabels(i18n.lang).tabContracts,
  render: (ctx) => <ContractsPanel key={ctx.project.id} ctx={ctx} />,
};
