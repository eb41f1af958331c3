import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // several tabs do not fit a narrow task pane: let them wrap instead of being cut off
  tabs: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  body: { paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type TabLike = { id: string; label: string };

/** The tab bar and the chosen tab's body of the project and contract screens. */
export function ScreenTabs(props: {
  tabs: TabLike[];
  selected: string | undefined;
  onSelect: (id: string) => void;
  testIdPrefix: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <>
      <TabList className={styles.tabs} size="small" selectedValue={props.selected} onTabSelect={(_, d) => props.onSelect(String(d.value))}>
        {props.tabs.map((tab) => (
          <Tab key={tab.id} value={tab.id} data-testid={`${props.testIdPrefix}-${tab.id}`}>
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <div className={styles.body} role="tabpanel" data-testid={`${props.testIdPrefix}-panel`} data-tab={props.selected}>
        {props.children}
      </div>
    </>
  );
}
