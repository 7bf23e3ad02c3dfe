import { Alert, AlertTitle, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error';

interface Props {
  error: unknown;
  title?: string;
  action?: { label: string; run: () => void };
}

/** An error shown in place (a dialog, a page that failed to load): translated message plus the code. */
export function ErrorAlert({ error, title, action }: Props) {
  const { t } = useTranslation();
  const described = describeError(error, t);
  return (
    <Alert
      severity="error"
      action={
        action ? (
          <Button color="inherit" size="small" onClick={action.run}>
            {action.label}
          </Button>
        ) : undefined
      }
    >
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      {described.text}
    </Alert>
  );
}
