import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="center" mt="xl">
      <Title order={2}>Page introuvable</Title>
      <Text>Cette adresse ne correspond à aucun écran de Liaison.</Text>
      <Button component={Link} to="/">
        Retour au tableau de bord
      </Button>
    </Stack>
  );
}
