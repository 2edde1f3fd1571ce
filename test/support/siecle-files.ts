import iconv from 'iconv-lite';

export const UAI = '0750680G';

/** What `liaison import --json` prints (the import report). */
export interface ImportReport {
  status: string;
  counts: Record<string, number>;
  rows: Array<{ ref: string; outcome: string; subject: string; message?: string }>;
  notes: string[];
}

/** A SIECLE « Élèves sans adresses » export holding only some of the pupils we sent. */
export function elevesSansAdresses(
  pupils: Array<{
    eleveId: string;
    privateId: number;
    ine: string;
    last: string;
    first: string;
    birth: string;
    mef: string;
    division: string;
  }>,
) {
  const eleves = pupils
    .map(
      (p) => `    <ELEVE ELEVE_ID="${p.eleveId}" ELENOET="${p.eleveId}">
      <ID_NATIONAL>${p.ine}</ID_NATIONAL>
      <ID_PRV_ELE>${p.privateId}</ID_PRV_ELE>
      <NOM_DE_FAMILLE>${p.last}</NOM_DE_FAMILLE>
      <PRENOM>${p.first}</PRENOM>
      <DATE_NAISS>${p.birth}</DATE_NAISS>
      <DOUBLEMENT>0</DOUBLEMENT>
      <CODE_SEXE>1</CODE_SEXE>
      <CODE_MEF>${p.mef}</CODE_MEF>
    </ELEVE>`,
    )
    .join('\n');
  const structures = pupils
    .map(
      (p) => `    <STRUCTURES_ELEVE ELEVE_ID="${p.eleveId}">
      <STRUCTURE><CODE_STRUCTURE>${p.division}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
    </STRUCTURES_ELEVE>`,
    )
    .join('\n');
  return iconv.encode(
    `<?xml version="1.0" encoding="ISO-8859-15"?>
<BEE_ELEVES VERSION="3.0">
  <PARAMETRES><UAJ>${UAI}</UAJ><ANNEE_SCOLAIRE>2018</ANNEE_SCOLAIRE><DATE_EXPORT>15/01/2019</DATE_EXPORT></PARAMETRES>
  <DONNEES>
  <ELEVES>
${eleves}
  </ELEVES>
  <STRUCTURES>
${structures}
  </STRUCTURES>
  </DONNEES>
</BEE_ELEVES>
`,
    'ISO-8859-15',
  );
}

/** A SIECLE « Responsables avec adresses » export (model before 2018) naming one legal guardian per pupil. */
export function responsablesAvecAdresses(
  year: number,
  links: Array<{ eleveId: string; personneId: string; civility: 'M.' | 'MME'; last: string; first: string }>,
) {
  const personnes = links
    .map(
      (l) => `      <PERSONNE PERSONNE_ID="${l.personneId}">
        <LC_CIVILITE>${l.civility}</LC_CIVILITE>
        <NOM_DE_FAMILLE>${l.last}</NOM_DE_FAMILLE>
        <PRENOM>${l.first}</PRENOM>
      </PERSONNE>`,
    )
    .join('\n');
  const responsables = links
    .map(
      (l) => `      <RESPONSABLE_ELEVE>
        <ELEVE_ID>${l.eleveId}</ELEVE_ID>
        <PERSONNE_ID>${l.personneId}</PERSONNE_ID>
        <RESP_LEGAL>1</RESP_LEGAL>
        <CODE_PARENTE>${l.civility === 'MME' ? '1' : '2'}</CODE_PARENTE>
      </RESPONSABLE_ELEVE>`,
    )
    .join('\n');
  return iconv.encode(
    `<?xml version="1.0" encoding="ISO-8859-15"?>
<BEE_RESPONSABLES VERSION="1.8">
  <PARAMETRES><UAJ>${UAI}</UAJ><ANNEE_SCOLAIRE>${year}</ANNEE_SCOLAIRE></PARAMETRES>
  <DONNEES>
    <PERSONNES>
${personnes}
    </PERSONNES>
    <RESPONSABLES>
${responsables}
    </RESPONSABLES>
  </DONNEES>
</BEE_RESPONSABLES>
`,
    'ISO-8859-15',
  );
}
