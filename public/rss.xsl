<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an RSS feed opened in a browser as a readable page instead of raw XML: what a feed is,
  its address to copy into a reader, and the latest items. Feed readers ignore this file; it is
  linked from each feed by an <?xml-stylesheet?> instruction. All text is output as text (never
  as markup), so a title containing "<script>" stays a title.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <html lang="{/rss/channel/language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
        <style>
          :root { color-scheme: light dark; --bg: #ffffff; --text: #1a1c20; --muted: #4a5160; --link: #1d4ed8; --border: #d5d9e0; }
          @media (prefers-color-scheme: dark) {
            :root { --bg: #14161a; --text: #e8eaee; --muted: #aab1bd; --link: #8ab4ff; --border: #363b45; }
          }
          body { font: 1rem/1.6 system-ui, sans-serif; max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; background: var(--bg); color: var(--text); overflow-wrap: anywhere; }
          a { color: var(--link); }
          .about { border: 1px solid var(--border); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0 2rem; }
          .about code { word-break: break-all; }
          h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.25rem; }
          ol { list-style: none; padding: 0; }
          li { margin: 0 0 1.25rem; }
          li h2 { font-size: 1.1rem; margin: 0; }
          .meta { color: var(--muted); font-size: 0.9rem; margin: 0; }
          li p { margin: 0.25rem 0 0; }
        </style>
      </head>
      <body>
        <header>
          <p class="meta">RSS feed</p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p><xsl:value-of select="/rss/channel/description"/></p>
          <div class="about">
            <p>
              <strong>This is a feed.</strong> To follow it, copy its address into a feed reader:
              <code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></code>
            </p>
            <p><a href="{/rss/channel/link}">Visit the page this feed follows</a></p>
          </div>
        </header>
        <main>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
                <p class="meta">
                  <xsl:value-of select="pubDate"/>
                  <xsl:for-each select="dc:creator">
                    <xsl:choose>
                      <xsl:when test="position() = 1"> · </xsl:when>
                      <xsl:otherwise>, </xsl:otherwise>
                    </xsl:choose>
                    <xsl:value-of select="."/>
                  </xsl:for-each>
                </p>
                <!-- The feed writes each summary as escaped HTML of plain text (RSS descriptions are
                     HTML), so passing it through unescaped shows the text and cannot add markup. -->
                <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
