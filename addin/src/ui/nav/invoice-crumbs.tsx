import type { ApiClient, Contract, MeResponse } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { contractLabels } from '../contract/labels';
import { projectLabels } from '../project/labels';
import { useLoad } from '../use-load';
import { PaneBreadcrumb } from './pane-breadcrumb';

export type InvoicePlace = { projectId: string; contractId: string; number: number };

/** Project › contract › invoice above the open invoice; the first two lead back. */
export function InvoiceCrumbs(props: {
  api: ApiClient;
  me: MeResponse;
  place: InvoicePlace | null;
  openProject: (projectId: string | null) => void;
  openContract: (contractId: string) => void;
}) {
  const { place } = props;
  const L = useLabels(contractLabels);
  const P = useLabels(projectLabels);
  const contract = useLoad<Contract>(place?.contractId ?? null, (id) => props.api.setup.getContract(id));
  const project = props.me.projects.find((p) => p.id === place?.projectId);
  if (!place) return <PaneBreadcrumb crumbs={[{ label: P.projects, onClick: () => props.openProject(null) }]} />;
  return (
    <PaneBreadcrumb
      crumbs={[
        { label: project?.name ?? P.projects, onClick: () => props.openProject(place.projectId) },
        { label: contract.data ? L.contractNo(contract.data.number, contract.data.title) : '…', onClick: () => props.openContract(place.contractId) },
        { label: L.invoiceNo(place.number) },
      ]}
    />
  );
}
