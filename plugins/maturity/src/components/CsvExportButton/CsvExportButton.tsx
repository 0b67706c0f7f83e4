import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { maturityApiRef } from '../../api/MaturityApi';
import { errorMessage } from '../../utils/errorMessage';

/** Hands a Blob to the browser as a file download. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/**
 * Downloads one row per service as CSV. The file is fetched through the fetchApi (a
 * plain link would not carry the user's token) and then saved from memory.
 */
export function CsvExportButton() {
  const api = useApi(maturityApiRef);
  const [state, download] = useAsyncFn(async () => {
    const blob = await api.downloadCsv();
    saveBlob(blob, `maturity-${new Date().toISOString().slice(0, 10)}.csv`);
  }, [api]);
  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        onClick={() => download()}
        disabled={state.loading}
        startIcon={
          state.loading ? <CircularProgress size={16} /> : <GetAppIcon />
        }
      >
        Export CSV
      </Button>
      {state.error && (
        <Typography variant="body2" color="error" role="alert">
          Export failed: {errorMessage(state.error)}
        </Typography>
      )}
    </>
  );
}
