/**
 * French names, places and occupations the demo draws from. Invented people: any resemblance is
 * chance. Codes are INSEE's (countries without their "99" prefix, as SIECLE writes them;
 * departments on three characters; communes on five) and the 2-digit PCS of SIECLE's nomenclature.
 */

export const GIRL_NAMES = [
  'Éloïse', 'Maëlys', 'Chloé', 'Léa', 'Zoé', 'Anaïs', 'Hélène', 'Inès', 'Jade', 'Louise', 'Alice', 'Léonie',
  'Agathe', 'Clémence', 'Camille', 'Manon', 'Emma', 'Lina', 'Rose', 'Anna', 'Juliette', 'Margaux', 'Romane',
  'Sarah', 'Victoire', 'Capucine', 'Apolline', 'Constance', 'Bérénice', 'Mathilde', 'Héloïse', 'Noémie',
  'Océane', 'Maëlle', 'Célestine', 'Joséphine', 'Adèle', 'Éléonore', 'Gabrielle', 'Ambre', 'Lou', 'Mila',
  'Léna', 'Iris', 'Charlotte', 'Pauline', 'Solène', 'Énora', 'Amélie', 'Clémentine', 'Marie', 'Jeanne',
  'Salomé', 'Daphné', 'Nolwenn', 'Thaïs', 'Élise', 'Anaëlle', 'Aurore', 'Maïwenn',
] as const;

export const BOY_NAMES = [
  'Noé', 'Gaël', 'Côme', 'Léo', 'Louis', 'Gabriel', 'Raphaël', 'Arthur', 'Jules', 'Hugo', 'Maël', 'Timothée',
  'Théo', 'Adrien', 'Mathéo', 'Aurélien', 'Clément', 'Étienne', 'Félix', 'Joël', 'Lucas', 'Nathan', 'Paul',
  'Victor', 'Baptiste', 'Benoît', 'Rémi', 'Jérémie', 'Loïc', 'Anatole', 'Augustin', 'Édouard', 'Gaspard',
  'Hippolyte', 'Martin', 'Malo', 'Marius', 'Octave', 'Pierre', 'Sacha', 'Siméon', 'Tanguy', 'Valentin',
  'Éliott', 'Ewen', 'Léandre', 'Mathis', 'Noah', 'Oscar', 'Quentin', 'Thibault', 'Tristan', 'Yanis',
  'Zacharie', 'Cyprien', 'Amaury', 'Aymeric', 'Évan', 'Héloan', 'Joachim',
] as const;

export const SURNAMES = [
  'Lefèvre', 'Béranger', 'Ménard', 'Giraud', 'Chevalier', 'Faure', 'Lemaître', 'Rousseau', 'Bérénice',
  'Dubois', 'Moreau', 'Mercier', 'Boucher', 'Gauthier', 'Perrin', 'Lambert', 'Bonnet', 'Fontaine', 'Rivière',
  'Garnier', 'Chéron', 'Béguin', 'Létourneau', 'Lévêque', 'Brisset', 'Thébault', 'Pelletier', 'Duchêne',
  'Marchand', 'Hébert', 'Lacroix', 'Bréval', 'Caron', 'Cordier', 'Delacroix', 'Desprès', 'Dufrêne', 'Fabre',
  'Féraud', 'Gérard', 'Guérin', 'Hervé', 'Jourdain', 'Lécuyer', 'Lemoine', 'Mallet', 'Maréchal', 'Nguyen',
  'Noël', 'Pâris', 'Péron', 'Poirier', 'Prévost', 'Renaud', 'Rocher', 'Roussel', 'Sénéchal', 'Tessier',
  'Thérond', 'Vallée', 'Vasseur', 'Vidal', 'Benali', 'Haddad', 'Diallo', 'Traoré', 'Da Silva', 'Pereira',
  'Martins', 'Kowalski', 'Tran', 'Morel', 'Robin', 'Clément', 'Girard', 'André', 'Mathieu', 'Blanc', 'Muller',
  'Henry', 'Roux', 'Fournier', 'Leroy', 'Dumont', 'Colin', 'Vincent', 'Bertrand', 'Laurent', 'Simon', 'Michel',
  'Petit', 'Durand', 'Leroux', 'Bourgeois', 'Carpentier', 'Besnard', 'Régnier', 'Brunet', 'Aubert', 'Barbier',
  'Arnaud', 'Collet', 'Rolland', 'Hamel', 'Huet', 'Charpentier', 'Leclerc', 'Bénard', 'Crépin', 'Després',
  'Frémont', 'Gaillard', 'Jégou', 'Le Gall', 'Le Goff', 'Quéré', 'Séguin', 'Thévenin', 'Villeneuve', 'Zéphir',
] as const;

export const WOMEN_NAMES = [
  'Sophie', 'Nathalie', 'Céline', 'Aurélie', 'Émilie', 'Stéphanie', 'Hélène', 'Anne-Sophie', 'Bérengère',
  'Delphine', 'Virginie', 'Sandrine', 'Caroline', 'Élodie', 'Laetitia', 'Marion', 'Claire', 'Julie', 'Amandine',
  'Mélanie', 'Séverine', 'Géraldine', 'Isabelle', 'Karine', 'Laure', 'Florence', 'Agnès', 'Béatrice', 'Valérie',
  'Estelle', 'Gaëlle', 'Anaïs', 'Maud', 'Coralie', 'Ségolène', 'Bénédicte', 'Mathilde', 'Charlotte', 'Noémie',
  'Fatima', 'Yasmina', 'Linh', 'Aïcha', 'Mariana',
] as const;

export const MEN_NAMES = [
  'Nicolas', 'Sébastien', 'Frédéric', 'Jérôme', 'Stéphane', 'Benoît', 'François', 'Guillaume', 'Rémi', 'Loïc',
  'Olivier', 'Thomas', 'Julien', 'Mathieu', 'Cédric', 'Grégory', 'Arnaud', 'Damien', 'Fabrice', 'Hervé',
  'Jean-Baptiste', 'Xavier', 'Emmanuel', 'Antoine', 'Pierre-Yves', 'Laurent', 'Thierry', 'Vincent', 'Yannick',
  'Gaël', 'Étienne', 'Raphaël', 'Hugues', 'Bertrand', 'Cyril', 'Maxime', 'Romain', 'Karim', 'Mehdi',
  'Jean-François', 'Duc', 'Moussa', 'João',
] as const;

export const STREETS = [
  'rue de Vaugirard', 'rue Lecourbe', 'avenue Émile-Zola', 'rue du Théâtre', 'rue de la Convention',
  'rue Cambronne', 'rue Blomet', 'rue de l’Abbé-Groult', 'avenue Félix-Faure', 'rue Saint-Charles',
  'rue de Javel', 'rue Desnouettes', 'boulevard de Grenelle', 'rue Olivier-de-Serres', 'rue Falguière',
  'rue Péclet', 'rue d’Alésia', 'rue Didot', 'avenue du Maine', 'rue Raymond-Losserand', 'rue de la Procession',
  'rue Mademoiselle', 'rue de l’Église', 'rue Gutenberg', 'rue Rouelle', 'rue des Entrepreneurs',
  'place Étienne-Pernet', 'rue Mathurin-Régnier', 'rue Brancion', 'rue Castagnary', 'rue du Général-Leclerc',
  'avenue Victor-Cresson', 'rue Jean-Jaurès', 'rue Gambetta', 'rue d’Aguesseau', 'avenue de la République',
  'allée des Tilleuls', 'impasse des Glycines', 'rue Ernest-Renan', 'rue Séverine',
] as const;

export const ADDRESS_COMPLEMENTS = [
  'Bâtiment B', 'Escalier 2, 3e étage', 'Résidence Les Tilleuls', 'Appartement 41', '2e étage gauche',
  'Chez Mme Béranger', 'Bâtiment A, porte 12',
] as const;

/** Where families live: postal code, commune label, weight. */
export const HOME_COMMUNES: ReadonlyArray<readonly [{ postalCode: string; commune: string }, number]> = [
  [{ postalCode: '75015', commune: 'Paris' }, 40],
  [{ postalCode: '75014', commune: 'Paris' }, 14],
  [{ postalCode: '75007', commune: 'Paris' }, 4],
  [{ postalCode: '75006', commune: 'Paris' }, 3],
  [{ postalCode: '75016', commune: 'Paris' }, 6],
  [{ postalCode: '92130', commune: 'Issy-les-Moulineaux' }, 10],
  [{ postalCode: '92170', commune: 'Vanves' }, 6],
  [{ postalCode: '92240', commune: 'Malakoff' }, 5],
  [{ postalCode: '92100', commune: 'Boulogne-Billancourt' }, 6],
  [{ postalCode: '92120', commune: 'Montrouge' }, 5],
  [{ postalCode: '92140', commune: 'Clamart' }, 3],
];

export interface FrenchBirthPlace {
  department: string;
  communeCode: string;
  city: string;
}

/** French birth places (INSEE department and commune codes), with a weight. */
export const FRENCH_BIRTH_PLACES: ReadonlyArray<readonly [FrenchBirthPlace, number]> = [
  [{ department: '075', communeCode: '75056', city: 'Paris' }, 45],
  [{ department: '092', communeCode: '92012', city: 'Boulogne-Billancourt' }, 6],
  [{ department: '092', communeCode: '92040', city: 'Issy-les-Moulineaux' }, 4],
  [{ department: '092', communeCode: '92051', city: 'Neuilly-sur-Seine' }, 3],
  [{ department: '092', communeCode: '92023', city: 'Clamart' }, 3],
  [{ department: '092', communeCode: '92073', city: 'Suresnes' }, 2],
  [{ department: '092', communeCode: '92064', city: 'Saint-Cloud' }, 2],
  [{ department: '078', communeCode: '78646', city: 'Versailles' }, 3],
  [{ department: '078', communeCode: '78158', city: 'Le Chesnay-Rocquencourt' }, 2],
  [{ department: '078', communeCode: '78551', city: 'Saint-Germain-en-Laye' }, 1],
  [{ department: '094', communeCode: '94028', city: 'Créteil' }, 2],
  [{ department: '094', communeCode: '94080', city: 'Vincennes' }, 1],
  [{ department: '093', communeCode: '93066', city: 'Saint-Denis' }, 1],
  [{ department: '093', communeCode: '93048', city: 'Montreuil' }, 1],
  [{ department: '069', communeCode: '69123', city: 'Lyon' }, 2],
  [{ department: '013', communeCode: '13055', city: 'Marseille' }, 2],
  [{ department: '059', communeCode: '59350', city: 'Lille' }, 1],
  [{ department: '044', communeCode: '44109', city: 'Nantes' }, 1],
  [{ department: '033', communeCode: '33063', city: 'Bordeaux' }, 1],
  [{ department: '031', communeCode: '31555', city: 'Toulouse' }, 1],
  [{ department: '035', communeCode: '35238', city: 'Rennes' }, 1],
  [{ department: '067', communeCode: '67482', city: 'Strasbourg' }, 1],
  [{ department: '006', communeCode: '06088', city: 'Nice' }, 1],
  [{ department: '034', communeCode: '34172', city: 'Montpellier' }, 1],
  [{ department: '037', communeCode: '37261', city: 'Tours' }, 1],
  [{ department: '029', communeCode: '29019', city: 'Brest' }, 1],
  [{ department: '014', communeCode: '14118', city: 'Caen' }, 1],
  [{ department: '974', communeCode: '97411', city: 'Saint-Denis' }, 1],
];

export interface ForeignPlace {
  /** INSEE country code, without the "99" prefix. */
  country: string;
  city: string;
  /** The country's name, for whoever reads this list. */
  label: string;
}

export const FOREIGN_BIRTH_PLACES: readonly ForeignPlace[] = [
  { country: '216', city: 'Shanghai', label: 'Chine' },
  { country: '132', city: 'Londres', label: 'Royaume-Uni' },
  { country: '109', city: 'Munich', label: 'Allemagne' },
  { country: '134', city: 'Madrid', label: 'Espagne' },
  { country: '127', city: 'Milan', label: 'Italie' },
  { country: '139', city: 'Lisbonne', label: 'Portugal' },
  { country: '131', city: 'Bruxelles', label: 'Belgique' },
  { country: '350', city: 'Casablanca', label: 'Maroc' },
  { country: '352', city: 'Alger', label: 'Algérie' },
  { country: '404', city: 'New York', label: 'États-Unis' },
  { country: '401', city: 'Montréal', label: 'Canada' },
  { country: '341', city: 'Dakar', label: 'Sénégal' },
  { country: '243', city: 'Hô Chi Minh-Ville', label: 'Viet Nam' },
];

/** 2-digit PCS with a weight (SIECLE's PROFESSIONS). */
export const PROFESSIONS: ReadonlyArray<readonly [string, number]> = [
  ['37', 15], ['38', 12], ['46', 8], ['54', 8], ['31', 6], ['34', 6], ['43', 6], ['33', 5], ['42', 5],
  ['47', 4], ['55', 4], ['56', 4], ['52', 4], ['85', 4], ['22', 3], ['35', 3], ['45', 3], ['21', 2],
  ['23', 2], ['62', 2], ['48', 1], ['53', 1], ['63', 1], ['64', 1],
];

export const EMAIL_DOMAINS = ['exemple.fr', 'exemple.com', 'courriel.exemple.fr', 'exemple.net'] as const;

/** "Éloïse" → "Eloise": how a name was typed on a keyboard without accents. */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** An e-mail local part: "anne-sophie.le-gall". */
export function emailLocalPart(firstName: string, lastName: string): string {
  const clean = (s: string) =>
    withoutAccents(s)
      .toLowerCase()
      .replace(/[’'\s]+/g, '-')
      .replace(/[^a-z0-9-]/g, '');
  return `${clean(firstName)}.${clean(lastName)}`;
}
