import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, session, setUnauthorizedHandler } from './api/client';
import type { SessionDto } from './api/types';

interface AuthValue {
  user: SessionDto['user'] | undefined;
  login(login: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Roles that may send commands (`lecture` only reads). */
  canWrite: boolean;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<SessionDto | undefined>(() => session.read());
  const queryClient = useQueryClient();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      session.write(undefined);
      setCurrent(undefined);
    });
  }, []);

  const login = useCallback(async (loginName: string, password: string) => {
    const s = await api.login(loginName, password);
    session.write(s);
    setCurrent(s);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session may already be gone on the server: the browser forgets it either way.
    }
    session.write(undefined);
    setCurrent(undefined);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({ user: current?.user, login, logout, canWrite: current !== undefined && current.user.role !== 'lecture' }),
    [current, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
