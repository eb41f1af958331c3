import type { MeResponse } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { contractLabels } from '../contract/labels';
import { projectLabels } from '../project/labels';
import { PaneBreadcrumb } from './pane-breadcrumb';

/** Where the open invoice belongs, from its view (which names the contract: no request of its own). */
export type InvoicePlace = { projectId: string; contractId: string; contractNumber: number; contractTitle: string; number: number };

/** Project › contract › invoice above the open invoice; the first two lead back. */
export function InvoiceCrumbs(props: {
  me: MeResponse;
  place: InvoicePlace | null;
  openProject: (projectId: string | null) => void;
  openContract: (contractId: string) => void;
}) {
  const { place } = props;
  const L = useLabels(contractLabels);
  const P = useLabels(projectLabels);
  const project = props.me.projects.find((p) => p.id === place?.projectId);
  if (!place) return <PaneBreadcrumb crumbs={[{ label: P.projects, onClick: () => props.openProject(null) }]} />;
  return (
    <PaneBreadcrumb
      crumbs={[
        { label: project?.name ?? P.projects, onClick: () => props.openProject(place.projectId) },
        { label: L.contractNo(place.contractNumber, place.contractTitle), onClick: () => props.openContract(place.contractId) },
        { label: L.invoiceNo(place.number) },
      ]}
    />
  );
}
