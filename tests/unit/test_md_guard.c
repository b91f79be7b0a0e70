/* test_md_guard.c - md_check and the plain-text fallback of md_render:
 * the inputs libcmark 0.30 lays out in quadratic time are refused, every
 * other shape of cmark's pathological tests and ordinary Markdown passes,
 * and a refused text is still shown, as plain text with a note.
 *
 * No timing here (tests/bench measures): a shape that is refused is never
 * parsed, and the shapes that pass are the ones libcmark parses in linear
 * time. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "md-shapes.h"
#include "copse/md.h"
#include "copse/text.h"
#include "copse/util.h"

/* Every line of d holds printable text only and fits the width. */
static int lines_ok(const struct md_doc *d, int width)
{
	for (size_t i = 0; i < d->nlines; i++) {
		int w = 0;

		for (size_t j = 0; j < d->lines[i].n; j++) {
			const char *t = d->lines[i].spans[j].text;

			for (const unsigned char *p = (const unsigned char *)t; *p; p++)
				if (*p < 0x20 || *p == 0x7f)
					return 0;
			w += text_width(t, strlen(t));
		}
		if (w > width)
			return 0;
	}
	return 1;
}

static char *line_text(const struct md_doc *d, size_t i)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t j = 0; i < d->nlines && j < d->lines[i].n; j++)
		buf_puts(&b, d->lines[i].spans[j].text);
	return buf_steal(&b);
}

TEST(quadratic_shapes_refused_at_one_megabyte)
{
	struct buf b;
	char why[256];

	buf_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		int rc;

		make_shape(shapes[i].name, 1024 * 1024, &b);
		rc = md_check(b.s, b.len, why, sizeof why);
		if (rc != (shapes[i].quadratic ? -1 : 0))
			FAILF("%s: md_check %d (%s)", shapes[i].name, rc, why);
		if (rc == 0 && why[0])
			FAILF("%s: passed but why is \"%s\"", shapes[i].name, why);
	}
	buf_done(&b);
}

TEST(quadratic_shapes_refused_small_too)
{
	/* 64 KB already costs libcmark seconds for these */
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		make_shape(shapes[i].name, 64 * 1024, &b);
		if (shapes[i].quadratic && md_check(b.s, b.len, NULL, 0) == 0)
			FAILF("%s at 64 KB passes", shapes[i].name);
	}
	buf_done(&b);
}

TEST(every_shape_renders)
{
	struct buf b;
	struct md_doc d;

	buf_init(&b);
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		make_shape(shapes[i].name, 256 * 1024, &b);
		if (md_render(b.s, b.len, &(struct md_opts){ 60, 0 }, &d) != 0) {
			FAILF("%s: md_render failed", shapes[i].name);
			continue;
		}
		if (d.nlines == 0)
			FAILF("%s: nothing rendered", shapes[i].name);
		if (!lines_ok(&d, 60))
			FAILF("%s: a line too wide or with a control character", shapes[i].name);
		md_doc_free(&d);
	}
	buf_done(&b);
}

TEST(the_reasons_say_what_and_how)
{
	struct buf b;
	char why[256];

	buf_init(&b);
	make_shape("pattern ![[]() repeated", 60000, &b);
	CHECK_INT(md_check(b.s, b.len, why, sizeof why), -1);
	CHECK_STR(why, "a paragraph holds 10000 '![' and 10000 ']'; put blank lines between"
		  " its parts, or write \\[ for a bracket that is no link");
	make_shape("empty lines in deeply nested lists", 30000, &b);
	CHECK_INT(md_check(b.s, b.len, why, sizeof why), -1);
	CHECK_STR(why, "lists and quotes nest up to 20000 deep over 9999 blank lines and '*'"
		  " or '_'; nest them less deeply");
	/* a small why is cut, never overrun */
	CHECK_INT(md_check(b.s, b.len, why, 8), -1);
	CHECK_STR(why, "lists a");
	buf_done(&b);
}

TEST(refused_text_shown_as_plain_text)
{
	struct buf b;
	struct md_doc d;
	char *l;

	buf_init(&b);
	buf_puts(&b, "# Title\n\n\x1b[31mred\n");
	repeat(&b, "![[]()", 60000);
	buf_puts(&b, "\n\tend\r\nlast");
	CHECK_INT(md_render(b.s, b.len, &(struct md_opts){ 40, 0 }, &d), 0);
	CHECK(lines_ok(&d, 40));
	CHECK(d.nlinks == 0);
	/* the note, dim, then the text as it is */
	CHECK(d.nlines > 4);
	CHECK(d.lines[0].n > 0 && d.lines[0].spans[0].attr == MD_DIM);
	l = line_text(&d, 0);
	CHECK_STR(l, "Shown as plain text, since laying it out");
	free(l);
	for (size_t i = 0; i < d.nlines; i++) {
		l = line_text(&d, i);
		if (strcmp(l, "# Title") == 0) {
			free(l);
			l = line_text(&d, i + 2);
			CHECK_STR(l, "^[[31mred");
			free(l);
			l = line_text(&d, i + 3);
			CHECK_STR(l, "![[]()![[]()![[]()![[]()![[]()![[]()![[]");
			free(l);
			break;
		}
		free(l);
		if (i + 1 == d.nlines)
			FAILF("no line '# Title'");
	}
	l = line_text(&d, d.nlines - 2);
	CHECK_STR(l, "        end");
	free(l);
	l = line_text(&d, d.nlines - 1);
	CHECK_STR(l, "last");
	free(l);
	md_doc_free(&d);
	/* wiki links of refused text: none (nothing is parsed) */
	{
		struct strv t;

		strv_init(&t);
		CHECK_INT(md_wiki_links(b.s, &t), 0);
		CHECK_INT(t.n, 0);
		strv_done(&t);
	}
	buf_done(&b);
}

/* Ordinary Markdown of every kind, the way people write it. */
static const char *const ordinary[] = {
	"# Heading\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](http://x).\n",
	"Setext\n======\n\nAnother\n-------\n",
	"- one\n- two\n  - nested\n    - deeper\n      1. ordered\n      2. two\n\n- loose\n",
	"> quote\n> > nested quote\n> back\n\n>\n> - list in quote\n",
	"```c\nint main(void) { return 0; }\n```\n\n    indented code\n\n~~~\ntilde\n~~~\n",
	"![image](a.png \"title\") and ![alt][ref]\n\n[ref]: b.png\n",
	"<div>\n*html*\n</div>\n\n<span>inline</span> &amp; &#35; \\* escaped\n",
	"***\n---\n___\n\n* * *\n",
	"line one  \nhard break\\\nagain\n",
	"[[Wiki link]] and [[Another one]] in text, [x][] and <http://auto.link>\n\n[x]: /u\n",
	"1) paren\n2) list\n\n10. ten\n11. eleven\n",
	"\tTab indented code\n\n-\tTab after marker\n",
	"_under_ __strong__ *mixed_ **_both_** ***three***\n",
	"Emphasis everywhere: *a* *b* *c* *d* *e* *f* *g* *h* _i_ _j_ __k__ **l**\n",
};

TEST(ordinary_markdown_passes)
{
	char why[256];

	for (size_t i = 0; i < ARRAY_SIZE(ordinary); i++)
		if (md_check(ordinary[i], strlen(ordinary[i]), why, sizeof why) != 0)
			FAILF("example %zu refused: %s", i, why);
}

TEST(a_large_ordinary_document_passes)
{
	/* 1 MB of a long handbook: nested lists, quotes, emphasis, images,
	 * links, code, many blank lines */
	struct buf b;
	char why[256];

	buf_init(&b);
	for (int i = 0; b.len < 1024 * 1024; i++)
		buf_printf(&b, "## Part %d\n\nSome *text* with **bold**, _em_ and a [link](http://x/%d)"
			   " and ![a picture](p%d.png) and [[Entry %d]].\n\n"
			   "- item *one*\n- item two\n  - nested ![i](x.png) and ![j](y.png)\n"
			   "    1. deeper **still**\n\n"
			   "> a quote with *style*\n> > and a nested one\n\n"
			   "```\nsnake_case_name = other_name * 2\n```\n\n\n", i, i, i, i);
	CHECK_INT(md_check(b.s, b.len, why, sizeof why), 0);
	/* one paragraph with a thousand images and links */
	buf_reset(&b);
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "![%d](p%d.png) [link %d](u%d) ", i, i, i, i);
	CHECK_INT(md_check(b.s, b.len, why, sizeof why), 0);
	/* a gallery list, one image per item */
	buf_reset(&b);
	for (int i = 0; i < 20000; i++)
		buf_printf(&b, "- ![%d](p%d.png) [more](u%d)\n", i, i, i);
	CHECK_INT(md_check(b.s, b.len, why, sizeof why), 0);
	/* a list nested 100 deep (each level indented) with blank lines */
	buf_reset(&b);
	for (int i = 0; i < 100; i++) {
		times(&b, "  ", (size_t)i);
		buf_puts(&b, "- item *x*\n\n");
	}
	CHECK_INT(md_check(b.s, b.len, why, sizeof why), 0);
	buf_done(&b);
}

TEST(lines_that_only_look_like_paragraph_ends_do_not_cut)
{
	/* "```x`" is no fence (a backtick in a backtick fence's info string),
	 * "    - x" no list item, "2. x" cannot interrupt a paragraph: each
	 * continues the paragraph, so the brackets all count together */
	static const char *const joiners[] = { "```x`", "    - x", "2. x", ">     >", "#hashtag" };
	struct buf b;

	buf_init(&b);
	for (size_t j = 0; j < ARRAY_SIZE(joiners); j++) {
		buf_reset(&b);
		buf_puts(&b, "start\n");
		for (int i = 0; i < 3000; i++)
			buf_printf(&b, "![[]()![[]()\n%s\n", joiners[j]);
		if (md_check(b.s, b.len, NULL, 0) == 0)
			FAILF("'%s' lines cut the paragraph", joiners[j]);
	}
	/* while lines that surely end one do cut it */
	buf_reset(&b);
	for (int i = 0; i < 3000; i++)
		buf_puts(&b, "![[]()![[]()\n```\ncode\n```\n- ![[]()\n\n> x\n>\n# h ![[]()\n");
	CHECK_INT(md_check(b.s, b.len, NULL, 0), 0);
	buf_done(&b);
}

TEST(line_endings_and_odd_bytes)
{
	/* CR, CRLF, NUL and invalid UTF-8 do not upset the scan */
	static const char s[] = "a\r- b\r\n> c\0d\xff\xfe\n\r\r";
	struct md_doc d;

	CHECK_INT(md_check(s, sizeof s - 1, NULL, 0), 0);
	CHECK_INT(md_check(NULL, 0, NULL, 0), 0);
	CHECK_INT(md_check("", 0, NULL, 0), 0);
	CHECK_INT(md_render(s, sizeof s - 1, &(struct md_opts){ 20, 0 }, &d), 0);
	CHECK(lines_ok(&d, 20));
	md_doc_free(&d);
}

int main(void)
{
	harness_init();
	RUN(quadratic_shapes_refused_at_one_megabyte);
	RUN(quadratic_shapes_refused_small_too);
	RUN(every_shape_renders);
	RUN(the_reasons_say_what_and_how);
	RUN(refused_text_shown_as_plain_text);
	RUN(ordinary_markdown_passes);
	RUN(a_large_ordinary_document_passes);
	RUN(lines_that_only_look_like_paragraph_ends_do_not_cut);
	RUN(line_endings_and_odd_bytes);
	return harness_done();
}
