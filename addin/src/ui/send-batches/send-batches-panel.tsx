import { useState } from 'react';
import type { TabContext } from '../tabs/tab-types';
import { BatchDetail } from './batch-detail';
import { BatchList } from './batch-list';
import { sendBatchLabels } from './labels';
import { RegisterForm } from './register-form';
import { createSendBatchApi } from '../../api';
import { useSignedInClient } from '../auth/use-signed-in-client';
import { useLabels } from '../../i18n/i18n-context';

type Screen = { kind: 'list' } | { kind: 'new' } | { kind: 'batch'; batchId: string };

/** Send in bulk: the project's batches, a registration form, and one batch at a time. */
export function SendBatchesPanel({ ctx }: { ctx: TabContext }) {
  const api = useSignedInClient(createSendBatchApi);
  const L = useLabels(sendBatchLabels);
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const projectId = ctx.view.invoice.projectId;
  const back = () => setScreen({ kind: 'list' });
  return (
    <div data-testid="send-batches-panel">
      {screen.kind === 'list' && (
        <BatchList
          api={api}
          L={L}
          i18n={ctx.i18n}
          projectId={projectId}
          onNew={() => setScreen({ kind: 'new' })}
          onOpen={(batchId) => setScreen({ kind: 'batch', batchId })}
        />
      )}
      {screen.kind === 'new' && (
        <RegisterForm
          api={api}
          L={L}
          i18n={ctx.i18n}
          projectId={projectId}
          contractId={ctx.view.contract.id}
          onBack={back}
          onRegistered={(batchId) => setScreen({ kind: 'batch', batchId })}
        />
      )}
      {screen.kind === 'batch' && (
        <BatchDetail api={api} L={L} i18n={ctx.i18n} projectId={projectId} batchId={screen.batchId} senderEmail={ctx.me.user.email} onBack={back} />
      )}
    </div>
  );
}

/** Shown to admins on Prime Contracts (the permission bulk sending needs), on owner invoices. */
