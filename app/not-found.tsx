// 404 — no such page, or nothing of yours under that id.
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export default function NotFound() {
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h1">Not found</Typography>
      <Alert severity="info">There is nothing here, or it is not in your scope.</Alert>
    </Stack>
  );
}
