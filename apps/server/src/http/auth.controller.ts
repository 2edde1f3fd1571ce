import { Body, Controller, Get, HttpCode, Post, Req, UnauthorizedException } from '@nestjs/common';
import { z } from 'zod';
import { InvalidValueError, describeIssues } from '@liaison/domain';
import { type AuthenticatedRequest, Public } from '../auth/auth.guard';
import { UsersService } from '../auth/users.service';

export const loginSchema = z.object({ login: z.string().min(1), password: z.string().min(1) });

@Controller('api/auth')
export class AuthController {
  constructor(private readonly users: UsersService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  async login(@Body() body: unknown) {
    const parsed = loginSchema.safeParse(body, { error: z.locales.fr().localeError });
    if (!parsed.success) throw new InvalidValueError(`connexion : ${describeIssues(parsed.error.issues)}`);
    const session = await this.users.login(parsed.data.login, parsed.data.password);
    if (!session) throw new UnauthorizedException('identifiant ou mot de passe incorrect');
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest) {
    await this.users.logout((request.headers.authorization ?? '').replace(/^Bearer /, ''));
  }

  @Get('me')
  me(@Req() request: AuthenticatedRequest) {
    return request.user;
  }
}
