/**
 * The `kinds:` setting of archive.yaml: kinds of name of the archive's own (places, desks,
 * series), each keyed by the frontmatter field articles name them in:
 *
 *   kinds:
 *     places: { label: Place, plural: Places, path: places, multiple: true }
 *
 * `label` is required; `plural` defaults to the label with an "s", `path` (the URL segment) to the
 * key, `multiple` (a list, or one name) to true. Read strictly, as every setting is: an unknown key
 * (with a suggestion), a wrong type, a field an article already has, a path the site already
 * builds, or a search parameter another kind or the search page already uses is a problem at the
 * file, line and key. Each becomes a `KindInfo` (src/lib/kinds.ts) like the built-in ones.
 */
import { isMap, isScalar, type Node } from 'yaml';
import { editDistanceWithin } from '../edit-distance.ts';
import { BUILT_IN_KINDS, RESERVED_PARAMS, RESERVED_PATHS, type KindInfo } from '../kinds.ts';
import { slugify } from '../slug.ts';
import { ARTICLE_FIELDS } from './article-fields.ts';
import { EXPORT_ROW_FIELDS } from '../export/rows.ts';
import type { ContentProblem } from './errors.ts';

const KIND_KEYS = ['label', 'plural', 'path', 'multiple'] as const;
const FIELD_NAME = /^[a-z][a-zA-Z0-9_-]*$/;
const PATH = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the `kinds:` map; `lineOf` gives a node's line. */
export function readDeclaredKinds(
  node: unknown,
  file: string,
  lineOf: (node: Node | null | undefined) => number,
  settingLine: number,
): { kinds: KindInfo[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const kinds: KindInfo[] = [];
  if (!isMap(node)) {
    problems.push({
      file,
      line: settingLine,
      field: 'kinds',
      message: 'expected one entry per kind, such as "places: { label: Place, plural: Places }"',
    });
    return { kinds, problems };
  }
  const takenFields = new Set<string>([...ARTICLE_FIELDS, ...BUILT_IN_KINDS.map((info) => info.kind)]);
  const takenPaths = new Map<string, string>(BUILT_IN_KINDS.map((info) => [info.kind, `the ${info.plural.toLowerCase()}' pages`]));
  for (const path of RESERVED_PATHS) takenPaths.set(path, 'a page of the site');
  const takenFacets = new Map<string, string>(BUILT_IN_KINDS.map((info) => [info.facet, `the ${info.plural.toLowerCase()}' facet`]));
  for (const param of RESERVED_PARAMS) takenFacets.set(param, "the search page's own parameter");

  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const field = isScalar(keyNode) ? String(keyNode.value) : '';
    const line = lineOf(keyNode);
    const at = (key: string, message: string, where = line): void => {
      problems.push({ file, line: where, field: key, message });
    };
    const name = `kinds.${field}`;
    const problemsBefore = problems.length;
    if (!FIELD_NAME.test(field)) {
      at(name, 'expected a frontmatter field name: a lower-case letter, then letters, digits, - or _');
      continue;
    }
    if (takenFields.has(field)) {
      at(name, `"${field}" is already an article's field; name the kind's field otherwise, such as "places" or "desks"`);
      continue;
    }
    if (EXPORT_ROW_FIELDS.includes(field)) {
      at(name, `"${field}" is a column of the archive's data export (npm run export); name the kind's field otherwise`);
      continue;
    }
    takenFields.add(field);
    if (!isMap(pair.value)) {
      at(name, 'expected the kind\'s labels, such as { label: Place, plural: Places }', lineOf(pair.value as Node) || line);
      continue;
    }
    const values: Record<string, { value: unknown; line: number }> = {};
    for (const item of pair.value.items) {
      const subKey = isScalar(item.key) ? String(item.key.value) : '';
      const subLine = lineOf(item.key as Node);
      if (!(KIND_KEYS as readonly string[]).includes(subKey)) {
        const near = KIND_KEYS.find((known) => editDistanceWithin(known, subKey.toLowerCase(), 2) <= 2);
        at(`${name}.${subKey}`, `unknown key${near ? ` (did you mean "${near}"?)` : ''}; a kind takes ${KIND_KEYS.join(', ')}`, subLine);
        continue;
      }
      const valueNode = item.value as Node | null;
      values[subKey] = { value: isScalar(valueNode) ? valueNode.value : valueNode == null ? null : {}, line: lineOf(valueNode) || subLine };
    }
    const textOf = (key: string, what: string): string | undefined => {
      const entry = values[key];
      if (!entry) return undefined;
      if (typeof entry.value === 'string' && entry.value.trim()) return entry.value.trim();
      at(`${name}.${key}`, `expected ${what}`, entry.line);
      return undefined;
    };
    const label = textOf('label', 'the name of one, such as Place');
    if (!values.label) at(`${name}.label`, 'a kind needs a label: the name of one, such as "label: Place"');
    const plural = textOf('plural', 'the name of several, such as Places') ?? (label && `${label}s`);
    const path = values.path ? textOf('path', 'a URL segment such as places') : field.toLowerCase();
    let multiple = true;
    if (values.multiple) {
      if (typeof values.multiple.value === 'boolean') multiple = values.multiple.value;
      else at(`${name}.multiple`, `expected true (an article names several) or false (one), got ${JSON.stringify(values.multiple.value)}`, values.multiple.line);
    }
    if (!label || !plural || !path || problems.length > problemsBefore) continue;
    const pathLine = values.path?.line ?? line;
    if (!PATH.test(path)) {
      at(`${name}.path`, `expected a URL segment of lower-case letters, digits and single hyphens, such as places, got "${path}"`, pathLine);
      continue;
    }
    if (/^\d+$/.test(path)) {
      at(`${name}.path`, `"${path}" would be read as a year's page (/${path}/); choose a word`, pathLine);
      continue;
    }
    const pathOwner = takenPaths.get(path);
    if (pathOwner) {
      at(`${name}.path`, `/${path}/ is already ${pathOwner}; choose another path`, pathLine);
      continue;
    }
    const facet = slugify(label);
    const facetOwner = takenFacets.get(facet);
    if (facetOwner) {
      at(`${name}.label`, `its search parameter "${facet}" (from the label) is already ${facetOwner}; choose another label`, values.label!.line);
      continue;
    }
    takenPaths.set(path, `the ${plural.toLowerCase()}' pages`);
    takenFacets.set(facet, `the ${plural.toLowerCase()}' facet`);
    kinds.push({
      kind: path,
      field,
      multiple,
      facet,
      singular: label,
      plural,
      description: `Every ${label.toLowerCase()} in the archive, A–Z, with its number of articles.`,
      preposition: 'about',
      declared: true,
    });
  }
  return { kinds, problems };
}
