import { Checkbox, Fieldset, Select, SimpleGrid } from '@mantine/core';
import { GUARDIAN_LEGAL_LEVELS, GUARDIAN_LINK_LABELS, GUARDIAN_LINK_ORDER } from '@liaison/domain';

const LINK_OPTIONS = GUARDIAN_LINK_ORDER.map((code) => ({ value: code, label: GUARDIAN_LINK_LABELS[code] ?? code }));
const LEGAL_LEVELS = Object.entries(GUARDIAN_LEGAL_LEVELS).map(([value, label]) => ({ value, label: `${value} — ${label}` }));

/** The relation between a guardian and the pupil, as the forms type it. */
export interface RelationDraft {
  link: string;
  legalLevel: string;
  parentalAuthority: boolean;
  livesWith: boolean;
}

/**
 * « Lien avec l’élève »: link (SIECLE's CODE_PARENTE), legal level, parental authority, lives
 * with the pupil — the same fields for a new guardian and an edited one. `field` names each
 * input for the anomaly links that focus it.
 */
export function GuardianRelationFields({
  draft,
  onChange,
  field = () => undefined,
}: {
  draft: RelationDraft;
  onChange: (patch: Partial<RelationDraft>) => void;
  field?: (name: keyof RelationDraft) => string | undefined;
}) {
  return (
    <Fieldset legend="Lien avec l’élève" variant="filled">
      <SimpleGrid cols={4}>
        <Select
          label="Lien de parenté"
          required
          data={LINK_OPTIONS}
          data-field={field('link')}
          value={draft.link || null}
          allowDeselect={false}
          onChange={(v) => v && onChange({ link: v })}
        />
        <Select
          label="Niveau"
          data={LEGAL_LEVELS}
          data-field={field('legalLevel')}
          value={draft.legalLevel}
          allowDeselect={false}
          onChange={(v) => v && onChange({ legalLevel: v })}
        />
        <Checkbox
          mt="xl"
          label="Autorité parentale"
          data-field={field('parentalAuthority')}
          checked={draft.parentalAuthority}
          onChange={(e) => onChange({ parentalAuthority: e.currentTarget.checked })}
        />
        <Checkbox
          mt="xl"
          label="Vit avec l’élève"
          data-field={field('livesWith')}
          checked={draft.livesWith}
          onChange={(e) => onChange({ livesWith: e.currentTarget.checked })}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
