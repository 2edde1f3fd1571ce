import { randomBytes } from 'node:crypto';
import { type Command } from 'commander';
import { UsersService } from '../../auth/users.service';
import { withAppContext } from '../app-context';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { readInput } from '../read-input';

interface UsersAddOptions extends CommonOptions {
  role: string;
  passwordStdin?: boolean;
}

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('comptes des utilisateurs');
  withCommonOptions(
    users
      .command('add')
      .description('crée un utilisateur (un mot de passe est généré et affiché si aucun n’est donné)')
      .argument('<login>', 'identifiant')
      .requiredOption('--role <role>', 'admin, direction, secretariat ou lecture')
      .option('--password-stdin', 'lit le mot de passe sur l’entrée standard'),
  ).action(async (login: string, options: UsersAddOptions) => {
    const out = new Output(Boolean(options.json));
    const given = options.passwordStdin ? readInput('-').replace(/\r?\n$/, '') : undefined;
    const password = given ?? randomBytes(12).toString('base64url');
    const user = await withAppContext(resolveDbPath(options), (app) => app.get(UsersService).add(login, options.role, password));
    out.data({ ...user, ...(given === undefined ? { password } : {}) });
    out.line(`Utilisateur « ${user.login} » créé avec le rôle ${user.role}.`);
    if (given === undefined) out.line(`Mot de passe généré : ${password}`);
  });
}
