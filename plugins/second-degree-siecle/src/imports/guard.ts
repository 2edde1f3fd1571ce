import { ImportFileError, type SchoolSnapshot } from '@liaison/domain';

/** SIECLE and STS-web serve collèges and lycées: a first-degree establishment is refused. */
export function refuseFirstDegree(snapshot: SchoolSnapshot): void {
  if (snapshot.establishment.registered && snapshot.establishment.degree === 'first') {
    throw new ImportFileError(
      `l’établissement ${snapshot.uai} est du premier degré : les fichiers SIECLE et STS-web concernent le second degré (collèges, lycées)`,
    );
  }
}
