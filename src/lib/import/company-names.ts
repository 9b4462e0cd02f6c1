/**
 * Companies in imported copy. Names and aliases from the company registry that appear in the
 * text are suggested for the article's `companies`; other names that look like organisations
 * are only listed for the editor to confirm, never written: a guess in the frontmatter would
 * give a company a page of its own.
 */
import type { RegistryRecord } from '../content/schema.ts';
import { normalizeName } from '../../search/contract/words.ts';

/** Scripts written without spaces between words: a name there is found anywhere in the text. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a name first stands in the text as a whole word (any case), or -1. */
function firstMention(text: string, name: string): number {
  const pattern = UNSPACED_SCRIPT.test(name)
    ? escapeRegExp(name)
    : `(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`;
  return text.search(new RegExp(pattern, 'iu'));
}

/** Registry companies named (by name or alias) in the text, in order of first mention. */
export function findRegistryCompanies(text: string, registry: readonly RegistryRecord[]): string[] {
  const found: { name: string; at: number }[] = [];
  for (const company of registry) {
    const positions = [company.name, ...company.aliases]
      .map((name) => firstMention(text, name))
      .filter((at) => at >= 0);
    if (positions.length) found.push({ name: company.name, at: Math.min(...positions) });
  }
  return found.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name)).map(({ name }) => name);
}

/** Words that end a company's name: `Acme Corp`, `Globex Holdings`, `Initech GmbH`. */
const CORPORATE_SUFFIX =
  /\b((?:[A-Z][\p{L}\p{N}&'’-]*\s+){0,3}[A-Z][\p{L}\p{N}&'’-]*,?\s+(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|LLP|PLC|plc|GmbH|AG|SA|SE|NV|BV|AB|ASA|Oyj|SpA|KK|Group|Holdings|Technologies|Industries|Systems|Labs|Bank|Motors|Airlines|Pharmaceuticals|Partners)\b\.?)/gu;

/** Capitals that name an organisation more often than not (IBM, IDC), less these everyday ones. */
const ACRONYM = /\b[A-Z][A-Z0-9&]{1,5}\b/g;
const COMMON_ACRONYMS = new Set(
  'AI AM PM US USA UK EU UN GMT UTC CEO CFO COO CTO CIO SVP EVP VP PR PC PCS TV IT IP ID OK API APP USB GPS LED LCD CPU GPU RAM SSD HD HDR AR VR ML OS iOS FAQ PDF HTML URL WWW NEW THE AND FOR Q1 Q2 Q3 Q4 4G 5G LTE DNA GDP IPO M&A R&D'.split(
    ' ',
  ),
);

/** A list of capitalised names: `IBM, Google, Facebook, Apple and Amazon`. */
const NAME_LIST =
  /(?:[A-Z][\p{L}\p{N}&'’-]*(?:\s+[A-Z][\p{L}\p{N}&'’-]*)?\s*,\s*)+[A-Z][\p{L}\p{N}&'’-]*(?:\s+[A-Z][\p{L}\p{N}&'’-]*)?,?\s+(?:and|or|&)\s+[A-Z][\p{L}\p{N}&'’-]*(?:\s+[A-Z][\p{L}\p{N}&'’-]*)?/gu;

/**
 * Names that look like organisations and are not in the registry (nor among `known`), for the
 * editor to confirm: names with a corporate suffix, acronyms, and the other members of a list
 * that names at least one company (`IBM, Google and Amazon`). In order of first mention.
 */
export function findOtherOrganisations(
  text: string,
  registry: readonly RegistryRecord[],
  known: readonly string[] = [],
): string[] {
  const knownNames = new Set(
    [...registry.flatMap((company) => [company.name, ...company.aliases]), ...known].map(normalizeName),
  );
  const candidates = new Map<string, number>();
  const add = (raw: string, at: number) => {
    const name = raw.replace(/[,.]+$/, '').trim();
    const key = normalizeName(name);
    if (!key || knownNames.has(key) || candidates.has(name)) return;
    candidates.set(name, at);
  };
  const isOrganisation = (name: string) => {
    const key = normalizeName(name);
    return (
      knownNames.has(key) ||
      (/^[A-Z][A-Z0-9&]{1,5}$/.test(name) && !COMMON_ACRONYMS.has(name)) ||
      new RegExp(CORPORATE_SUFFIX.source, 'u').test(name)
    );
  };

  for (const match of text.matchAll(CORPORATE_SUFFIX)) add(match[1], match.index);
  for (const match of text.matchAll(ACRONYM)) if (!COMMON_ACRONYMS.has(match[0])) add(match[0], match.index);
  for (const match of text.matchAll(NAME_LIST)) {
    const members = match[0].split(/\s*,\s*|,?\s+(?:and|or|&)\s+/);
    if (!members.some(isOrganisation)) continue;
    for (const member of members) {
      const at = match.index + match[0].indexOf(member);
      // A list's first word may only be a capitalised sentence opener ("Additionally, Microsoft and…").
      const opensSentence = /(?:^|[.!?]["”’]?\s+|\n)$/.test(text.slice(Math.max(0, at - 4), at));
      if (!opensSentence || isOrganisation(member)) add(member, at);
    }
  }
  return [...candidates].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}
