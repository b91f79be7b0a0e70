/* md.h - Markdown to styled terminal lines, and text into Markdown.
 *
 * md_render() is a pure function of (source, options): it parses with
 * libcmark and lays the AST out as lines of styled spans wrapped to a
 * display width.  No curses here: the app maps span attributes to curses
 * attributes, `copse entry show` maps them to ANSI SGR or plain text, and
 * the golden tests compare md_doc_text() output.
 *
 * All span text is sanitised (see text.h): it never contains control
 * characters or escape sequences.
 *
 * The md_put_* helpers go the other way, for code that writes Markdown
 * pages: untrusted text goes in escaped, so it reads as it was typed.
 *
 * libcmark 0.30 takes quadratic time on a few shapes of input (md_check);
 * md_render lays such text out as plain text with a note instead, so no
 * text, however hostile, keeps it busy for long.
 *
 * Files: md.c walks the cmark tree and writes a rendered document out;
 * md-wrap.c builds and wraps its lines; md-write.c holds md_put_*;
 * md-guard.c holds md_check.
 */
#ifndef COPSE_MD_H
#define COPSE_MD_H

#include <stddef.h>
#include <stdint.h>

#include "copse/util.h"

/* Span attributes, combinable bit flags. */
enum md_attr {
	MD_BOLD = 1 << 0,
	MD_ITALIC = 1 << 1,
	MD_CODE = 1 << 3,        /* code span or code block text */
	MD_LINK = 1 << 4,        /* link text; span.link is the link index */
	MD_MISSING = 1 << 5,     /* [[wiki link]] to an entry that does not exist
	                          * (set by md_doc_mark_missing) */
	MD_HEADING = 1 << 6,     /* heading text (level in span.level) */
	MD_QUOTE = 1 << 7,       /* block-quote bar / prefix */
	MD_RULE = 1 << 8,        /* thematic break */
	MD_MARKER = 1 << 9,      /* list bullet / number */
	MD_DIM = 1 << 10,        /* secondary text: link URLs, image URLs, html */
};

struct md_span {
	char *text;              /* sanitised UTF-8, owned */
	int width;               /* display columns */
	int attr;                /* enum md_attr bits */
	int link;                /* index into md_doc.links, or -1 */
	int level;               /* heading level 1-6 when MD_HEADING */
};

struct md_line {
	struct md_span *spans;
	size_t n;
	int width;               /* total display width */
	/* md_render puts the texts of a line's spans in one block: a span
	 * whose text lies in block[0 .. blocklen) does not own it (the line
	 * does); any other span owns its text.  NULL: every span owns its. */
	char *block;
	size_t blocklen;
};

struct md_link {
	char *target;            /* URL, or entry title for a wiki link; owned */
	int wiki;                /* 1 for [[Title]] */
	int missing;             /* wiki link whose entry does not exist
	                          * (md_doc_mark_missing) */
	int line;                /* first line where the link text appears */
	int col;                 /* its first column on that line */
};

struct md_doc {
	struct md_line *lines;
	size_t nlines;
	struct md_link *links;
	size_t nlinks;
};

struct md_opts {
	int width;               /* wrap width in columns; < 10 is treated as 10 */
	int ascii;               /* non-UTF-8 terminal: ASCII bullets, bars, rules */
};

/* Can libcmark lay src (len bytes) out in linear time?  0 yes; -1 when
 * it may take quadratic time (the shapes fixed only in cmark 0.31:
 * thousands of unclosed "![" in a paragraph, lists and quotes nested
 * thousands deep over blank lines or emphasis).  Then why (whylen bytes;
 * may be NULL) gets a sentence on what makes the text costly and how to
 * fix it.  One pass over the bytes, no parsing; ordinary Markdown always
 * passes.  The store refuses to save text that fails (store.h). */
int md_check(const char *src, size_t len, char *why, size_t whylen);

/* Render src (len bytes, need not be NUL-terminated) into *doc; text that
 * fails md_check comes out as a dim note and the text itself, unstyled,
 * each line wrapped by characters.
 * Returns 0, or -1 on ENOMEM (doc is then empty).  Free with md_doc_free. */
int md_render(const char *src, size_t len, const struct md_opts *opts,
	      struct md_doc *doc);
void md_doc_free(struct md_doc *doc);   /* accepts NULL / empty */

/* [[wiki links]] to entries that do not exist are marked by the caller,
 * who knows the entries (the renderer asks nobody): md_doc_wiki_titles
 * pushes the titles of doc's wiki links onto titles, each once, exactly
 * as rendered (0, or -1 on ENOMEM); md_doc_mark_missing marks every wiki
 * link whose title is not in existing (exact strings) as missing: its
 * md_link.missing, and MD_MISSING on the spans of its text.  A caller
 * that asks once per loaded source can mark every later render (a resize)
 * from the same answer. */
int md_doc_wiki_titles(const struct md_doc *doc, struct strv *titles);
void md_doc_mark_missing(struct md_doc *doc, const struct strv *existing);

/* Output formats for md_doc_text. */
enum md_format {
	MD_PLAIN,                /* text only */
	MD_ANSI,                 /* SGR attributes (bold, italic, underline, dim) */
	MD_DEBUG,                /* text with attribute markers, for golden tests */
};

/* Append the whole document to out, one '\n'-terminated line each.
 * With MD_PLAIN or MD_ANSI, a link list "[1] target" follows when the
 * document has links.  0 ok, -1 ENOMEM. */
int md_doc_text(const struct md_doc *doc, enum md_format fmt, struct buf *out);

/* Called (when set) before each Markdown parse: tests count parses and
 * check none is made while the write lock is held. */
extern void (*md_parse_hook)(void);

/* Extract [[wiki link]] titles from Markdown source (outside code), e.g.
 * for backlinks.  Titles are pushed trimmed, de-duplicated. */
int md_wiki_links(const char *src, struct strv *titles);
/* Copy src onto out with every [[from]] (its trimmed title equal to
 * from, ASCII case ignored) written [[to]]: a renamed entry's links,
 * rewritten by text (in code too).  A to that cannot be a link (empty,
 * '[', ']' or a line break) changes nothing.  Returns how many were
 * rewritten, or -1 on ENOMEM. */
int md_wiki_rename(const char *src, const char *from, const char *to, struct buf *out);

/* ---- writing Markdown ----
 * Append text with Markdown punctuation escaped and newlines flattened
 * (a CR shows as "^M"); a [text](copse:KIND/ID) link; a [[wiki]] link
 * (escaped text when the title cannot be one). */
void md_put_text(struct buf *b, const char *s);
void md_put_link(struct buf *b, const char *text, const char *kind, int64_t id);
void md_put_wiki(struct buf *b, const char *title);
/* body without a leading "# Title" line that repeats title (borrowed). */
const char *md_skip_title(const char *body, const char *title);
/* The same for a heading of any level ("## Agenda" atop an agenda). */
const char *md_skip_heading(const char *body, const char *title);

#endif
