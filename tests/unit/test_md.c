/* test_md.c - Markdown layout: blocks, inline styles, links, wrapping,
 * sanitising, output formats, wiki-link extraction. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "copse/md.h"
#include "copse/text.h"

static char linebuf[4096];

/* The text of line i, spans concatenated (static buffer). */
static const char *L(const struct md_doc *d, size_t i)
{
	size_t j, n = 0;

	linebuf[0] = '\0';
	if (i >= d->nlines)
		return "(no such line)";
	for (j = 0; j < d->lines[i].n; j++) {
		size_t k = strlen(d->lines[i].spans[j].text);
		if (n + k >= sizeof linebuf)
			break;
		memcpy(linebuf + n, d->lines[i].spans[j].text, k);
		n += k;
	}
	linebuf[n] = '\0';
	return linebuf;
}

/* The span of line i that contains text (first match), or NULL. */
static const struct md_span *span_with(const struct md_doc *d, size_t i, const char *text)
{
	size_t j;

	if (i >= d->nlines)
		return NULL;
	for (j = 0; j < d->lines[i].n; j++)
		if (strstr(d->lines[i].spans[j].text, text))
			return &d->lines[i].spans[j];
	return NULL;
}

static int render(const char *src, int width, struct md_doc *d)
{
	struct md_opts o = { width, 0 };
	return md_render(src, strlen(src), &o, d);
}

/* Every line's recorded width is the sum of its spans' real widths and
 * no wider than the width asked for. */
static int widths_ok(const struct md_doc *d, int width)
{
	size_t i, j;

	for (i = 0; i < d->nlines; i++) {
		int w = 0;
		for (j = 0; j < d->lines[i].n; j++) {
			const struct md_span *s = &d->lines[i].spans[j];
			int sw = text_width(s->text, strlen(s->text));
			if (sw != s->width)
				return 0;
			w += sw;
		}
		if (w != d->lines[i].width || w > width)
			return 0;
	}
	return 1;
}

TEST(empty_document)
{
	struct md_doc d;

	CHECK_INT(render("", 40, &d), 0);
	CHECK_INT(d.nlines, 0);
	CHECK_INT(d.nlinks, 0);
	md_doc_free(&d);
	CHECK_INT(render("\n\n   \n", 40, &d), 0);
	CHECK_INT(d.nlines, 0);
	md_doc_free(&d);
	md_doc_free(NULL);
}

TEST(headings_without_hashes)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("# Title\n\n## Sub\n\n### Third\n\ntext", 40, &d), 0);
	CHECK_STR(L(&d, 0), "Title");
	s = span_with(&d, 0, "Title");
	CHECK(s && (s->attr & MD_HEADING) && (s->attr & MD_BOLD) && s->level == 1);
	/* H1 is underlined by a double rule as wide as its text */
	CHECK_STR(L(&d, 1), "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90");
	CHECK_STR(L(&d, 2), "");
	CHECK_STR(L(&d, 3), "Sub");
	s = span_with(&d, 3, "Sub");
	CHECK(s && s->level == 2);
	CHECK_STR(L(&d, 4), "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80");
	CHECK_STR(L(&d, 6), "Third");
	s = span_with(&d, 6, "Third");
	CHECK(s && s->level == 3 && (s->attr & MD_HEADING));
	CHECK_STR(L(&d, 7), "");   /* no rule under H3 */
	CHECK_STR(L(&d, 8), "text");
	CHECK_INT(d.nlines, 9);
	md_doc_free(&d);
}

TEST(paragraphs_one_blank_line)
{
	struct md_doc d;

	CHECK_INT(render("one\ntwo\n\n\n\nthree", 40, &d), 0);
	CHECK_INT(d.nlines, 3);
	CHECK_STR(L(&d, 0), "one two");   /* soft break is a space */
	CHECK_STR(L(&d, 1), "");
	CHECK_STR(L(&d, 2), "three");
	md_doc_free(&d);
	CHECK_INT(render("one  \ntwo\\\nthree", 40, &d), 0);   /* hard breaks */
	CHECK_INT(d.nlines, 3);
	CHECK_STR(L(&d, 2), "three");
	md_doc_free(&d);
}

TEST(inline_styles)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("a *it* **bo** ***both*** `co de`", 80, &d), 0);
	CHECK_STR(L(&d, 0), "a it bo both co de");
	s = span_with(&d, 0, "it");
	CHECK(s && s->attr == MD_ITALIC);
	s = span_with(&d, 0, "bo");
	CHECK(s && s->attr == MD_BOLD);
	s = span_with(&d, 0, "both");
	CHECK(s && s->attr == (MD_BOLD | MD_ITALIC));
	s = span_with(&d, 0, "co de");
	CHECK(s && s->attr == MD_CODE);
	s = span_with(&d, 0, "a ");
	CHECK(s && s->attr == 0 && s->link == -1);
	md_doc_free(&d);
}

TEST(wrap_paragraph_by_width)
{
	struct md_doc d;

	CHECK_INT(render("the quick brown fox jumps over the lazy dog", 15, &d), 0);
	CHECK_STR(L(&d, 0), "the quick brown");
	CHECK_STR(L(&d, 1), "fox jumps over");
	CHECK_STR(L(&d, 2), "the lazy dog");
	CHECK(widths_ok(&d, 15));
	md_doc_free(&d);
	/* width below 10 is 10 */
	CHECK_INT(render("aaaa bbbb cccc", 3, &d), 0);
	CHECK_STR(L(&d, 0), "aaaa bbbb");
	CHECK(widths_ok(&d, 10));
	md_doc_free(&d);
	/* a tab in flowing text is one space, not a jump to a tab stop of the
	 * source (its columns mean nothing once the text is wrapped) */
	CHECK_INT(render("a\tb *c*\td", 40, &d), 0);
	CHECK_STR(L(&d, 0), "a b c d");
	md_doc_free(&d);
	/* a styled word is not split at the style change */
	CHECK_INT(render("xxxxxxx ab**cd**ef", 12, &d), 0);
	CHECK_STR(L(&d, 0), "xxxxxxx");
	CHECK_STR(L(&d, 1), "abcdef");
	md_doc_free(&d);
}

TEST(wrap_cjk_emoji_combining)
{
	struct md_doc d;

	/* 10 CJK characters (20 columns) at width 10: 5 per line */
	CHECK_INT(render("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1"
			 "\xe7\x94\xb0\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1\xe7\x94\xb0", 10, &d), 0);
	CHECK_INT(d.nlines, 2);
	CHECK_INT(d.lines[0].width, 10);
	CHECK_STR(L(&d, 0), "\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1\xe7\x94\xb0\xe5\xb1\xb1");
	md_doc_free(&d);
	/* 11 columns of "e + combining" never lose their marks */
	CHECK_INT(render("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
			 "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"
			 "e\xcc\x81", 10, &d), 0);
	CHECK_INT(d.nlines, 2);
	CHECK_INT(d.lines[0].width, 10);
	CHECK_STR(L(&d, 1), "e\xcc\x81");
	md_doc_free(&d);
	/* emoji are two columns: 6 of them at width 10 are 5 + 1 */
	CHECK_INT(render("\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
			 "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 10, &d), 0);
	CHECK_INT(d.nlines, 2);
	CHECK_INT(d.lines[0].width, 10);
	CHECK_INT(d.lines[1].width, 2);
	md_doc_free(&d);
}

TEST(bullet_list_hanging_indent)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("- one two three four five six\n- b\n  - nested", 16, &d), 0);
	CHECK_STR(L(&d, 0), "\xe2\x80\xa2 one two three");
	s = span_with(&d, 0, "\xe2\x80\xa2");
	CHECK(s && s->attr == MD_MARKER);
	CHECK_STR(L(&d, 1), "  four five six");   /* hanging indent */
	CHECK_STR(L(&d, 2), "\xe2\x80\xa2 b");           /* tight: no blank */
	CHECK_STR(L(&d, 3), "  \xe2\x80\xa2 nested");
	CHECK_INT(d.nlines, 4);
	CHECK(widths_ok(&d, 16));
	md_doc_free(&d);
}

TEST(loose_list_blank_between_items)
{
	struct md_doc d;

	CHECK_INT(render("- a\n\n- b\n", 40, &d), 0);
	CHECK_INT(d.nlines, 3);
	CHECK_STR(L(&d, 0), "\xe2\x80\xa2 a");
	CHECK_STR(L(&d, 1), "");
	CHECK_STR(L(&d, 2), "\xe2\x80\xa2 b");
	md_doc_free(&d);
}

TEST(ordered_list_numbers_aligned)
{
	struct md_doc d;
	struct md_opts o = { 40, 1 };
	const char *src = "8. a\n9. b\n10. c\n";

	CHECK_INT(render(src, 40, &d), 0);
	CHECK_STR(L(&d, 0), " 8. a");
	CHECK_STR(L(&d, 1), " 9. b");
	CHECK_STR(L(&d, 2), "10. c");
	md_doc_free(&d);
	CHECK_INT(render("3) x\n4) y\n", 40, &d), 0);
	CHECK_STR(L(&d, 0), "3) x");
	CHECK_STR(L(&d, 1), "4) y");
	md_doc_free(&d);
	/* bullet inside ordered inside bullet, ASCII mode */
	src = "- top\n  1. first\n     - deep\n";
	CHECK_INT(md_render(src, strlen(src), &o, &d), 0);
	CHECK_STR(L(&d, 0), "- top");
	CHECK_STR(L(&d, 1), "  1. first");
	CHECK_STR(L(&d, 2), "     - deep");
	md_doc_free(&d);
}

TEST(empty_item_and_quote)
{
	struct md_doc d;

	CHECK_INT(render("-\n- b\n", 40, &d), 0);
	CHECK_STR(L(&d, 0), "\xe2\x80\xa2");
	CHECK_STR(L(&d, 1), "\xe2\x80\xa2 b");
	md_doc_free(&d);
	CHECK_INT(render(">\n", 40, &d), 0);
	CHECK_INT(d.nlines, 1);
	CHECK_STR(L(&d, 0), "\xe2\x94\x82");
	md_doc_free(&d);
}

TEST(quote_bar_on_every_line)
{
	struct md_doc d;
	const struct md_span *s;
	size_t i;

	CHECK_INT(render("> one two three four five six seven\n>\n> - item\n>\n> > inner words here\n",
			 16, &d), 0);
	for (i = 0; i < d.nlines; i++) {
		s = &d.lines[i].spans[0];
		CHECK(d.lines[i].n > 0 && (s->attr & MD_QUOTE));
		CHECK(strncmp(L(&d, i), "\xe2\x94\x82", 3) == 0);
	}
	CHECK_STR(L(&d, 0), "\xe2\x94\x82 one two three");
	CHECK_STR(L(&d, 1), "\xe2\x94\x82 four five six");
	CHECK_STR(L(&d, 2), "\xe2\x94\x82 seven");
	CHECK_STR(L(&d, 3), "\xe2\x94\x82");   /* blank line keeps the bar, no trailing space */
	CHECK_STR(L(&d, 4), "\xe2\x94\x82 \xe2\x80\xa2 item");
	CHECK_STR(L(&d, 6), "\xe2\x94\x82 \xe2\x94\x82 inner words");
	CHECK_STR(L(&d, 7), "\xe2\x94\x82 \xe2\x94\x82 here");
	CHECK_INT(d.nlines, 8);
	CHECK(widths_ok(&d, 16));
	md_doc_free(&d);
}

TEST(code_block_unwrapped_and_cut)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("```\nshort\n\nabcdefghijklmnopqrstuvwxyz\n```\n", 20, &d), 0);
	CHECK_INT(d.nlines, 3);
	CHECK_STR(L(&d, 0), "  short");
	s = span_with(&d, 0, "short");
	CHECK(s && (s->attr & MD_CODE));
	CHECK_STR(L(&d, 1), "");
	/* cut at the width with an ellipsis, not wrapped */
	CHECK_STR(L(&d, 2), "  abcdefghijklmnopq\xe2\x80\xa6");
	CHECK_INT(d.lines[2].width, 20);
	md_doc_free(&d);
	/* indented code, spaces kept; tabs expanded from the code line start */
	CHECK_INT(render("    a  b\n    \tc\n", 40, &d), 0);
	CHECK_STR(L(&d, 0), "  a  b");
	CHECK_STR(L(&d, 1), "          c");
	md_doc_free(&d);
}

TEST(thematic_break_full_width)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("a\n\n---\n\nb", 12, &d), 0);
	CHECK_STR(L(&d, 2), "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
		  "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80");
	s = &d.lines[2].spans[0];
	CHECK(s->attr & MD_RULE);
	md_doc_free(&d);
}

TEST(links_index_line_col)
{
	struct md_doc d;
	const struct md_span *s;
	struct buf b;

	CHECK_INT(render("intro\n\nsee [the docs](http://a.example/x) and <http://b.example>\n", 40, &d), 0);
	CHECK_INT(d.nlinks, 2);
	CHECK_STR(d.links[0].target, "http://a.example/x");
	CHECK_INT(d.links[0].wiki, 0);
	CHECK_INT(d.links[0].line, 2);
	CHECK_INT(d.links[0].col, 4);
	CHECK_STR(L(&d, 2), "see the docs[1] and http://b.example[2]");
	s = span_with(&d, 2, "the docs");
	CHECK(s && (s->attr & MD_LINK) && s->link == 0);
	s = span_with(&d, 2, "[1]");
	CHECK(s && (s->attr & MD_DIM) && !(s->attr & MD_LINK));
	CHECK_INT(d.links[1].line, 2);
	CHECK_INT(d.links[1].col, 20);
	buf_init(&b);
	CHECK_INT(md_doc_text(&d, MD_PLAIN, &b), 0);
	CHECK_STR(b.s, "intro\n\nsee the docs[1] and http://b.example[2]\n\n"
		  "[1] http://a.example/x\n[2] http://b.example\n");
	buf_done(&b);
	md_doc_free(&d);
}

TEST(link_position_after_wrap_and_prefix)
{
	struct md_doc d;

	CHECK_INT(render("> - aaaa bbbb [cc dd](u)", 14, &d), 0);
	/* "│ • aaaa bbbb" then "│   cc dd[1]" */
	CHECK_STR(L(&d, 1), "\xe2\x94\x82   cc dd[1]");
	CHECK_INT(d.links[0].line, 1);
	CHECK_INT(d.links[0].col, 4);
	md_doc_free(&d);
}

TEST(wiki_links_and_missing)
{
	struct md_doc d;
	struct md_opts o = { 60, 0 };
	struct strv titles, existing;
	const char *src = "See [[Alpha]] and [[ Beta ]], not `[[Code]]` nor [x [[In link]]](u).\n\n"
			  "    [[Indented code]]\n\n[[alpha]] and [[Beta]] again.\n";
	const struct md_span *s;

	CHECK_INT(md_render(src, strlen(src), &o, &d), 0);
	CHECK_INT(d.nlinks, 5);
	CHECK_STR(d.links[0].target, "Alpha");
	CHECK_INT(d.links[0].wiki, 1);
	CHECK_INT(d.links[0].missing, 0);
	CHECK_STR(d.links[1].target, "Beta");   /* trimmed */
	CHECK_INT(d.links[1].missing, 0);       /* the renderer asks nobody */
	CHECK_INT(d.links[2].wiki, 0);
	s = span_with(&d, 0, "Beta");
	CHECK(s && !(s->attr & MD_MISSING));
	/* the caller asks for each title once, and marks */
	strv_init(&titles);
	strv_init(&existing);
	CHECK_INT(md_doc_wiki_titles(&d, &titles), 0);
	CHECK_INT(titles.n, 3);             /* "alpha" is asked for too */
	CHECK_STR(titles.v[0], "Alpha");
	CHECK_STR(titles.v[1], "Beta");
	CHECK_STR(titles.v[2], "alpha");
	strv_push(&existing, "Alpha");
	strv_push(&existing, "alpha");
	md_doc_mark_missing(&d, &existing);
	strv_done(&titles);
	strv_done(&existing);
	CHECK_INT(d.links[0].missing, 0);
	CHECK_INT(d.links[1].missing, 1);
	CHECK_INT(d.links[3].missing, 0);
	CHECK_INT(d.links[4].missing, 1);
	s = span_with(&d, 4, "[5]");
	CHECK(s && !(s->attr & MD_MISSING));    /* the marker stays dim only */
	CHECK_STR(L(&d, 0), "See Alpha[1] and Beta[2], not [[Code]] nor x [[In link]][3].");
	s = span_with(&d, 0, "Alpha");
	CHECK(s && (s->attr & MD_LINK) && !(s->attr & MD_MISSING) && s->link == 0);
	s = span_with(&d, 0, "Beta");
	CHECK(s && (s->attr & MD_LINK) && (s->attr & MD_MISSING) && s->link == 1);
	CHECK_INT(d.links[1].col, 17);   /* after "See Alpha[1] and " */
	CHECK_STR(L(&d, 2), "  [[Indented code]]");
	md_doc_free(&d);
	/* not wiki links: empty, unclosed, nested brackets */
	CHECK_INT(render("[[]] [[ ]] [[open and [[a]b]]", 60, &d), 0);
	CHECK_INT(d.nlinks, 0);
	md_doc_free(&d);
}

TEST(image_alt_and_url)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("![a *cat*](http://i.example/c.png)", 80, &d), 0);
	CHECK_STR(L(&d, 0), "[image: a cat] (http://i.example/c.png)");
	s = span_with(&d, 0, "(http://i.example/c.png)");
	CHECK(s && (s->attr & MD_DIM));
	CHECK_INT(d.nlinks, 0);
	md_doc_free(&d);
}

TEST(html_shown_as_text)
{
	struct md_doc d;
	const struct md_span *s;

	CHECK_INT(render("<script>alert(1)</script>\n\nhi <b>there</b>", 80, &d), 0);
	CHECK_STR(L(&d, 0), "<script>alert(1)</script>");
	s = span_with(&d, 0, "<script>");
	CHECK(s && (s->attr & MD_DIM));
	CHECK_STR(L(&d, 2), "hi <b>there</b>");
	s = span_with(&d, 2, "<b>");
	CHECK(s && s->attr == MD_DIM);
	md_doc_free(&d);
}

static int doc_safe(const struct md_doc *d)
{
	size_t i, j;
	const unsigned char *p;

	for (i = 0; i < d->nlines; i++)
		for (j = 0; j < d->lines[i].n; j++)
			for (p = (const unsigned char *)d->lines[i].spans[j].text; *p; p++)
				if (*p < 0x20 || *p == 0x7f)
					return 0;
	for (i = 0; i < d->nlinks; i++)
		for (p = (const unsigned char *)d->links[i].target; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				return 0;
	return 1;
}

TEST(hostile_text_sanitised)
{
	struct md_doc d;
	const char *src =
		"# \033]0;title\007Head\n\n"
		"para \033[31mred\033[0m \033]8;;http://e\033\\x\033]8;;\033\\ \033]52;c;QQ==\007 "
		"\xc2\x9b" "2J \x9b\xff \x01\x7f &#27;[1m\n\n"
		"`\033[5m` [t\033[1m](http://u/\033[2J) [[Ti\033[7mtle]]\n\n"
		"```\n\033[H\033[2J\r\b\n```\n\n"
		"<div>\033]0;x\007</div>\n\n"
		"![\033[1m](\033[2J)\n";
	struct buf b;

	CHECK_INT(render(src, 40, &d), 0);
	CHECK(doc_safe(&d));
	CHECK_STR(L(&d, 0), "^[]0;title^GHead");
	CHECK_INT(d.nlinks, 2);
	buf_init(&b);
	CHECK_INT(md_doc_text(&d, MD_PLAIN, &b), 0);
	CHECK(b.s && !strchr(b.s, '\033'));
	CHECK(b.s && strstr(b.s, "^[[31mred^[[0m"));
	CHECK(b.s && strstr(b.s, "<U+009B>2J"));
	/* CR ends a line for cmark; the backspace stays visible */
	CHECK(b.s && strstr(b.s, "  ^[[H^[[2J\n  ^H\n"));
	buf_done(&b);
	CHECK(widths_ok(&d, 40));
	md_doc_free(&d);
}

TEST(source_not_nul_terminated)
{
	struct md_doc d;
	char src[6] = { 'a', 'b', ' ', 'c', 'd', 'X' };
	struct md_opts o = { 40, 0 };

	CHECK_INT(md_render(src, 5, &o, &d), 0);
	CHECK_STR(L(&d, 0), "ab cd");
	md_doc_free(&d);
	CHECK_INT(md_render("x", 1, NULL, &d), 0);   /* NULL options: defaults */
	CHECK_STR(L(&d, 0), "x");
	md_doc_free(&d);
}

TEST(deep_nesting_stays_in_width)
{
	struct md_doc d;
	struct buf src;
	int i, w;

	buf_init(&src);
	for (i = 0; i < 300; i++)
		buf_puts(&src, "> - ");
	buf_puts(&src, "deep text that must still wrap inside the width\n");
	for (w = 10; w <= 80; w += 7) {
		CHECK_INT(md_render(src.s, src.len, &(struct md_opts){ w, 0 }, &d), 0);
		CHECK(d.nlines > 0);
		CHECK(widths_ok(&d, w));
		md_doc_free(&d);
	}
	buf_done(&src);
}

TEST(text_formats)
{
	struct md_doc d;
	struct buf b;

	CHECK_INT(render("**b** *i* [l](u) [[W]]", 40, &d), 0);
	buf_init(&b);
	CHECK_INT(md_doc_text(&d, MD_DEBUG, &b), 0);
	CHECK_STR(b.s, "{B:b} {I:i} {L@0:l}{D@0:[1]} {L@1:W}{D@1:[2]}\n\n@0 0:4 u\n@1 0:9 wiki W\n");
	buf_reset(&b);
	CHECK_INT(md_doc_text(&d, MD_ANSI, &b), 0);
	CHECK_STR(b.s, "\033[1mb\033[0m \033[3mi\033[0m \033[4ml\033[0m\033[2m[1]\033[0m "
		  "\033[4mW\033[0m\033[2m[2]\033[0m\n\n[1] u\n[2] [[W]]\n");
	buf_reset(&b);
	CHECK_INT(md_doc_text(&d, MD_PLAIN, &b), 0);
	CHECK_STR(b.s, "b i l[1] W[2]\n\n[1] u\n[2] [[W]]\n");
	buf_done(&b);
	md_doc_free(&d);
}

TEST(wiki_links_extracted)
{
	struct strv t;

	strv_init(&t);
	CHECK_INT(md_wiki_links("[[One]] and [[ two ]] and [[one]]\n\n"
				"`[[Code]]`\n\n```\n[[Fenced]]\n```\n\n- [[Three]]\n", &t), 0);
	CHECK_INT(t.n, 3);
	if (t.n == 3) {
		CHECK_STR(t.v[0], "One");
		CHECK_STR(t.v[1], "two");
		CHECK_STR(t.v[2], "Three");
	}
	strv_done(&t);
	strv_init(&t);
	CHECK_INT(md_wiki_links("nothing here", &t), 0);
	CHECK_INT(t.n, 0);
	CHECK_INT(md_wiki_links(NULL, &t), 0);
	strv_done(&t);
}

TEST(fifty_kb_renders_fast)
{
	struct buf src;
	struct md_doc d;
	struct timespec a, z;
	double ms;
	int i;

	buf_init(&src);
	for (i = 0; src.len < 50 * 1024; i++)
		buf_printf(&src, "## Section %d\n\nSome *text* with **bold** and a [link](http://x/%d) "
			   "and [[Entry %d]] and `code` and \xe5\xb1\xb1\xe7\x94\xb0 words that wrap "
			   "around the line.\n\n- item one\n- item two\n  1. nested\n\n"
			   "> quoted line here\n\n```\ncode line %d\n```\n\n", i, i, i, i);
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_INT(md_render(src.s, src.len, &(struct md_opts){ 72, 0 }, &d), 0);
	clock_gettime(CLOCK_MONOTONIC, &z);
	ms = (double)(z.tv_sec - a.tv_sec) * 1e3 + (double)(z.tv_nsec - a.tv_nsec) / 1e6;
	printf("# 50 KB rendered in %.2f ms, %zu lines\n", ms, d.nlines);
	CHECK(widths_ok(&d, 72));
	/* generous bound: sanitiser builds are several times slower */
	CHECK(ms < 250);
	md_doc_free(&d);
	buf_done(&src);
}

TEST(wiki_rename_rewrites_links_by_text)
{
	struct buf b;

	buf_init(&b);
	CHECK_INT(md_wiki_rename("See [[Tea first]], [[ tea FIRST ]] and [[Tea firsts]].\n"
				 "`[[tea first]]` [[[Tea first]]]", "Tea first", "Tea always", &b), 4);
	CHECK_STR(b.s, "See [[Tea always]], [[ Tea always ]] and [[Tea firsts]].\n"
		  "`[[Tea always]]` [[[Tea always]]]");
	buf_reset(&b);
	/* a title that cannot be a link leaves the text alone */
	CHECK_INT(md_wiki_rename("[[A]]", "A", "B]]", &b), 0);
	CHECK_STR(b.s, "[[A]]");
	buf_reset(&b);
	CHECK_INT(md_wiki_rename(NULL, "A", "B", &b), 0);
	CHECK_STR(b.s, "");
	buf_done(&b);
}

int main(void)
{
	harness_init();
	RUN(wiki_rename_rewrites_links_by_text);
	RUN(empty_document);
	RUN(headings_without_hashes);
	RUN(paragraphs_one_blank_line);
	RUN(inline_styles);
	RUN(wrap_paragraph_by_width);
	RUN(wrap_cjk_emoji_combining);
	RUN(bullet_list_hanging_indent);
	RUN(loose_list_blank_between_items);
	RUN(ordered_list_numbers_aligned);
	RUN(empty_item_and_quote);
	RUN(quote_bar_on_every_line);
	RUN(code_block_unwrapped_and_cut);
	RUN(thematic_break_full_width);
	RUN(links_index_line_col);
	RUN(link_position_after_wrap_and_prefix);
	RUN(wiki_links_and_missing);
	RUN(image_alt_and_url);
	RUN(html_shown_as_text);
	RUN(hostile_text_sanitised);
	RUN(source_not_nul_terminated);
	RUN(deep_nesting_stays_in_width);
	RUN(text_formats);
	RUN(wiki_links_extracted);
	RUN(fifty_kb_renders_fast);
	return harness_done();
}
