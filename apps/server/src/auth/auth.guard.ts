import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Request } from 'express';
import { type Role } from './roles';
import { type User, UsersService } from './users.service';

const PUBLIC = 'liaison:public';
const ROLES = 'liaison:roles';

/** Marks a route that needs no login (health, login, API docs). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Restricts a route to some roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest extends Request {
  user: User;
}

/** Personal data of minors: every route but the public ones needs a valid bearer token. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const user = token ? this.users.authenticate(token) : undefined;
    if (!user) throw new UnauthorizedException('authentification requise : connectez-vous (/api/auth/login)');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`le rôle « ${user.role} » ne permet pas cette action`);
    }
    return true;
  }
}
