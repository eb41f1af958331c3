import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** The pane's error line under a form or list: nothing while there is no message. */
export function ErrorBar({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
