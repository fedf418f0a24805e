import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../../config/index.ts';
import type { Organisation } from '../../../config/types.ts';
import {
  type CompiledOrganisations,
  compileOrganisations,
  findOrganisations,
} from '../../../pipeline/organisations/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let compiled: CompiledOrganisations;
beforeAll(async () => {
  // The real list (config/organisations.yaml): these tests pin what the coalition's data finds.
  const config = await loadConfigOrThrow({
    configDir: path.join(ROOT, 'config'),
    sourcesDir: path.join(ROOT, 'config/sources'),
  });
  compiled = compileOrganisations(config.organisations);
});

/** `id:count` of every organisation found in a body text. */
function found(body: string, title = ''): string[] {
  return findOrganisations(compiled, { title, lead: null, body }).map(({ id, count }) => `${id}:${count}`);
}

describe('findOrganisations: full names, inflected and without diacritics', () => {
  it('finds Romanian names in the genitive', () => {
    expect(
      found(
        'Reprezentanții Fundației ICAR și ai Consiliului Național Român pentru Refugiați au cerut sprijin.',
      ),
    ).toEqual(['cnrr:1', 'icar:1']);
  });

  it('finds Polish names in other cases, including the ą/ę alternation of "Urząd"', () => {
    expect(
      found(
        'Według Helsińskiej Fundacji Praw Człowieka i Stowarzyszenia Interwencji Prawnej decyzje Urzędu do Spraw Cudzoziemców są wadliwe.',
      ),
    ).toEqual(['hfpc:1', 'sip:1', 'udsc:1']);
  });

  it('ignores diacritics and cedilla forms', () => {
    expect(found('Inspectoratul General pentru Imigrari si Politiei de Frontiera au anuntat.')).toEqual([
      'igi:1',
      'politia-de-frontiera:1',
    ]);
    expect(found('Consiliul Naţional Român pentru Refugiaţi')).toEqual(['cnrr:1']);
  });

  it('finds Russian and Ukrainian names in other cases', () => {
    expect(found('Представитель Международной организации по миграции заявил.')).toEqual(['iom:1']);
    expect(found('Державної міграційної служби України повідомили.')).toEqual(['dms-ukraine:1']);
  });

  it('names the organisation by its own name and counts every mention in every field', () => {
    const mentions = findOrganisations(compiled, {
      title: 'CNRR cere',
      lead: 'Consiliul Național Român pentru Refugiați',
      body: 'CNRR-ului i s-a cerut.',
    });
    expect(mentions).toEqual([{ id: 'cnrr', name: 'Consiliul Național Român pentru Refugiați', count: 3 }]);
  });
});

describe('findOrganisations: abbreviations', () => {
  it('counts abbreviations with endings joined by a hyphen', () => {
    expect(found('Potrivit CNRR-ului, cererile au crescut. Decyzja UdSC-u jest ostateczna.')).toEqual([
      'cnrr:1',
      'udsc:1',
    ]);
  });

  it('matches short abbreviations case-sensitively and as whole words only', () => {
    expect(found('Copiii sar în apă; au sărit. Operațiunile de tip sar continuă.')).toEqual([]);
    expect(found('SAR a publicat un raport.')).toEqual(['sar:1']);
    expect(found('Both iom and Iom are not the agency; the IOM is.')).toEqual(['iom:1']);
    expect(found('SARS and IOMX are other words.')).toEqual([]);
  });

  it('drops an English possessive', () => {
    expect(found("The IOM's report and UNHCR's figures.")).toEqual(['iom:1', 'unhcr:1']);
  });

  it('counts a name once when an abbreviation is part of a longer variant', () => {
    expect(found('APML România a organizat o dezbatere.')).toEqual(['apml:1']);
  });

  it('matches Cyrillic abbreviations exactly', () => {
    expect(found('По данным УВКБ ООН и МОМ, число беженцев растёт.')).toEqual(['iom:1', 'unhcr:1']);
  });
});

describe('compileOrganisations', () => {
  const organisation = (overrides: Partial<Organisation>): Organisation => ({
    id: 'x',
    name: 'Example',
    country: 'ro',
    kind: 'ngo',
    variants: [],
    abbreviations: [],
    ...overrides,
  });

  it('matches a one-word variant only when capitalised', () => {
    const one = compileOrganisations([organisation({ id: 'ocalenie', name: 'Ocalenie' })]);
    expect(
      findOrganisations(one, { title: '', lead: null, body: 'ocalenie życia. Fundację Ocalenie?' }),
    ).toEqual([{ id: 'ocalenie', name: 'Ocalenie', count: 1 }]);
  });

  it('matches abbreviations longer than four letters in any case', () => {
    const one = compileOrganisations([organisation({ id: 'anitp', abbreviations: ['ANITP'] })]);
    expect(findOrganisations(one, { title: '', lead: null, body: 'Anitp și ANITP' })[0]?.count).toBe(2);
  });

  it('does not let a short word of a name match a longer one', () => {
    const one = compileOrganisations([organisation({ variants: ['Urząd do Spraw Cudzoziemców'] })]);
    expect(findOrganisations(one, { title: '', lead: null, body: 'Urzędu dom Spraw Cudzoziemców' })).toEqual(
      [],
    );
  });
});
