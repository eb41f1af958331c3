import { tokens } from '@fluentui/react-components';
import type { GriffelStyle } from '@fluentui/react-components';

/**
 * The scrolling body of a pane screen (project, contract, invoice): a column that scrolls once its
 * content is taller than the task pane. Its children never shrink: in a flex column they would be
 * squeezed instead of scrolled, and a Fluent MessageBar (overflow hidden) then hid its own action
 * button under the tab bar ("Open Invoice #3" on a locked invoice could not be clicked).
 */
export function paneScroll(gap: string): GriffelStyle {
  return {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    '& > *': { flexShrink: 0 },
  };
}
