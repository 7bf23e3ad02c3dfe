import { Link } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../../../api';

/** Names of assets already asked for in this window; a sweep's results name the same devices many times. */
const names = new Map<string, Promise<string | null>>();

function nameOf(id: string): Promise<string | null> {
  let name = names.get(id);
  if (!name) {
    name = api.call('assets.get', { id }).then(
      ({ asset }) => asset.name,
      () => {
        // A deleted asset, or core busy: ask again next time instead of remembering the failure.
        names.delete(id);
        return null;
      },
    );
    names.set(id, name);
  }
  return name;
}

/** A link to the asset a result belongs to, by name once known, by the checked address until then. */
export function AssetName({ assetId, fallback }: { assetId: string; fallback: string }) {
  const [name, setName] = useState<{ id: string; name: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    void nameOf(assetId).then((found) => {
      if (current) setName({ id: assetId, name: found });
    });
    return () => {
      current = false;
    };
  }, [assetId]);
  const shown = name?.id === assetId && name.name ? name.name : fallback;
  return (
    <Link component={RouterLink} to={`/assets/${assetId}`}>
      {shown}
    </Link>
  );
}
