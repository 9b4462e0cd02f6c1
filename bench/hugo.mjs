/**
 * The Hugo reference of the benchmark (`npm run bench`): the same generated archive built by Hugo
 * (Debian's `hugo` package) and indexed by the Pagefind CLI, the pair a newsroom would pick
 * instead of this project.
 *
 * The site is made to match ours in what it builds, not in how it looks: Hugo reads the archive's
 * own `articles/` folder as its content (its year folders become Hugo sections, so `/2019/` is a
 * paginated year page), each article at `/YYYY/MM/DD/<file name>/`; companies, topics and bylines
 * are taxonomies, each term with a paginated page and an RSS feed (`/companies/<slug>/index.xml`),
 * each taxonomy with its index; the home page lists the latest articles, paginated. Article pages
 * mark their body for Pagefind (`data-pagefind-body`), as ours are indexed. The templates are
 * written here, at run time, into the work folder: nothing of Hugo's lives in the project.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const hasHugo = () => {
  try {
    execSync('command -v hugo', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * Whether Hugo can be run: already on PATH, or installed from Debian's package when running as
 * root on Debian (as the tests install Chromium). Says why not otherwise.
 */
export function ensureHugo(say) {
  if (hasHugo()) return true;
  if (existsSync('/usr/bin/apt-get') && process.getuid?.() === 0) {
    say("Hugo reference: installing Debian's hugo package");
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo', {
        stdio: 'inherit',
      });
    } catch {
      // Reported below.
    }
    if (hasHugo()) return true;
  }
  say('Hugo reference: skipped (no `hugo` on PATH; on Debian, `apt-get install hugo` as root)');
  return false;
}

/** Hugo's version line, for the report. */
export const hugoVersion = () => execSync('hugo version', { encoding: 'utf8' }).trim();

const TEMPLATES = {
  '_default/baseof.html': `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}" title="{{ site.Title }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav aria-label="Main"><a href="{{ "/companies/" | relURL }}">Companies</a> <a href="{{ "/topics/" | relURL }}">Topics</a> <a href="{{ "/byline/" | relURL }}">Authors</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><a href="{{ "/index.xml" | relURL }}">Subscribe</a></footer>
</body>
</html>
`,
  'partials/card.html': `<li><article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</article></li>
`,
  'partials/pager.html': `{{ $p := .Paginator }}{{ if gt $p.TotalPages 1 }}<nav aria-label="Pages">
{{ with $p.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} Page {{ $p.PageNumber }} of {{ $p.TotalPages }}
{{ with $p.Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>{{ end }}
`,
  '_default/single.html': `{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "Monday, 2 January 2006" }}</time>
{{ with .GetTerms "byline" }} · By {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}{{ end }}</p>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
<footer>{{ range $kind := slice "companies" "topics" }}{{ with $.GetTerms $kind }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
{{ with .Params.source }}<p>Source: <a href="{{ .url }}">{{ .name }}</a></p>{{ end }}</footer>
</article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
<ol>{{ range (.Paginate $pages.ByDate.Reverse).Pages }}{{ partial "card.html" . }}{{ end }}</ol>
{{ partial "pager.html" . }}{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
`,
};

/**
 * Writes the Hugo site for the archive in `content` into `folder` (config and templates), and
 * returns the arguments that build it into `dist`.
 */
export function prepareHugo({ folder, content, dist, pageSize = 20 }) {
  mkdirSync(folder, { recursive: true });
  const articles = path.join(content, 'articles');
  const years = readdirSync(articles).filter((name) => /^\d{4}$/.test(name));
  const config = [
    'baseURL = "http://127.0.0.1/"',
    'languageCode = "en"',
    'title = "Newsroom Archive"',
    `contentDir = ${JSON.stringify(articles)}`,
    `publishDir = ${JSON.stringify(dist)}`,
    `paginate = ${pageSize}`,
    // Feeds of the latest articles, as ours (an unlimited feed per term would be far larger).
    `rssLimit = ${pageSize}`,
    'disableHugoGeneratorInject = true',
    '[taxonomies]',
    'company = "companies"',
    'topic = "topics"',
    'author = "byline"',
    '[permalinks]',
    ...years.map((year) => `"${year}" = "/:year/:month/:day/:filename/"`),
    '',
  ].join('\n');
  writeFileSync(path.join(folder, 'config.toml'), config);
  for (const [name, text] of Object.entries(TEMPLATES)) {
    const file = path.join(folder, 'layouts', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return ['--source', folder, '--quiet'];
}
