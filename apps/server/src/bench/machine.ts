import { availableParallelism, cpus, totalmem } from 'node:os';

export interface MachineInfo {
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  sqlite: string;
}

export function machineInfo(sqliteVersion: string): MachineInfo {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    sqlite: sqliteVersion,
  };
}
