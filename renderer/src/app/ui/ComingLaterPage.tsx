import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

export type ComingLaterFeature = 'assets' | 'rounds' | 'incidents' | 'problems' | 'knowledge' | 'checks' | 'sync' | 'reports';

/**
 * A page whose feature is not built yet. It says so plainly instead of showing
 * sample rows an engineer could mistake for real records.
 */
export function ComingLaterPage({ feature, icon }: { feature: ComingLaterFeature; icon: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`placeholders.${feature}.title`)} />
      <EmptyState
        icon={icon}
        title={t('app.notYetAvailable')}
        body={t(`placeholders.${feature}.body`)}
      />
    </>
  );
}
