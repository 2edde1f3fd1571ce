import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, messageOf } from '../api/client';
import { useAuth } from '../auth';

export function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user) return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(loginName.trim(), password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? 'Identifiant ou mot de passe incorrect.'
          : `Connexion impossible : ${messageOf(e)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} component="main">
        <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
          <Stack>
            <div>
              <Title order={1} id="login-title" size="h2" c="indigo.7">
                Liaison
              </Title>
              <Text c="dimmed" size="sm">
                Le back-office des échanges avec le rectorat. Connectez-vous avec votre identifiant.
              </Text>
            </div>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="Identifiant"
              name="login"
              autoComplete="username"
              required
              data-autofocus
              autoFocus
              value={loginName}
              onChange={(e) => setLoginName(e.currentTarget.value)}
            />
            <PasswordInput
              label="Mot de passe"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth>
              Se connecter
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
