import { Link, Typography } from '@mui/material';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

/** The assets using an address, each a link to its page. */
export function AssetLinks({ assets }: { assets: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <Typography component="span" variant="body2">
      {assets.map((asset, index) => (
        <Fragment key={asset.id}>
          {index > 0 ? t('ipPlan.listSeparator') : null}
          <Link component={RouterLink} to={`/assets/${asset.id}`}>
            {asset.name}
          </Link>
        </Fragment>
      ))}
    </Typography>
  );
}
