import { Box } from '@mui/material';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationNodeOption } from './location-options';

/** One node of the location tree in a picker's list: indented by depth, with its kind beside the name. */
export function renderLocationOption(props: HTMLAttributes<HTMLLIElement> & { key: Key }, option: LocationNodeOption) {
  const { key, ...rest } = props;
  return (
    <li key={key} {...rest}>
      <LocationOptionLabel option={option} />
    </li>
  );
}

function LocationOptionLabel({ option }: { option: LocationNodeOption }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ pl: option.depth * 2 }}>
      {option.name}
      <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8em', ml: 1 }}>
        {t(`assets.location.${option.kind}`)}
      </Box>
    </Box>
  );
}
