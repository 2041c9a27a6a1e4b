// 403 — signed in, but this page is not for your role.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export default function Forbidden() {
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h1">Not available to you</Typography>
      <Alert severity="warning">Your role does not give access to this page.</Alert>
    </Stack>
  );
}
