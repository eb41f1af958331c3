import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`, minWidth: 0 },
  // a narrow pane: long project and contract names shrink with an ellipsis instead of wrapping
  list: { flexWrap: 'nowrap', minWidth: 0 },
  item: { minWidth: 0, flexShrink: 1 },
  // where the user is stays readable; the levels above give way first
  current: { flexShrink: 0 },
  text: { minWidth: 0, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
});

export type Crumb = { label: string; onClick?: () => void };

/** Where the user is (project › contract › invoice); every level above the current one is a way back. */
export function PaneBreadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  const styles = useStyles();
  return (
    <nav className={styles.root} data-testid="breadcrumb">
      <Breadcrumb size="small" aria-label="breadcrumb" className={styles.list}>
        {crumbs.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a crumb is its level (project, contract, invoice); the list is never reordered
          <Fragment key={i}>
            {i > 0 && <BreadcrumbDivider />}
            <BreadcrumbItem className={i === crumbs.length - 1 ? styles.current : styles.item}>
              <BreadcrumbButton current={i === crumbs.length - 1} onClick={c.onClick} title={c.label} className={styles.item}>
                <span className={styles.text}>{c.label}</span>
              </BreadcrumbButton>
            </BreadcrumbItem>
          </Fragment>
        ))}
      </Breadcrumb>
    </nav>
  );
}
