/* fuzz_md.c - the guarded renderer and the sanitiser (see fuzz.h).
 *
 * The first byte picks the width (10..137) and ASCII mode; the rest is
 * Markdown.  Promises: md_render succeeds; every span is valid UTF-8 with
 * no control, bidi or other code point of text_cp_unsafe (no escape
 * sequence can reach a cell), its recorded width is its real width, and
 * no line is wider than asked; links point at spans that exist.  The
 * sanitiser keeps the same promises for the raw input, keeps newlines
 * only when asked, and is idempotent.
 */
#include <locale.h>
#include <string.h>

#include "copse/md.h"
#include "copse/text.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* s[0, len) is valid UTF-8 without code points of text_cp_unsafe, except
 * '\n' when newlines is set. */
static void check_safe(const char *s, size_t len, int newlines, const char *what)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		int n = text_decode(s + i, len - i, &cp);

		if (cp == 0xfffd && n == 1)
			fuzz_fail("%s: invalid UTF-8 at byte %zu", what, i);
		if (text_cp_unsafe(cp) && !(newlines && cp == '\n'))
			fuzz_fail("%s: U+%04X at byte %zu", what, (unsigned)cp, i);
		i += (size_t)n;
	}
}

static void check_doc(const struct md_doc *d, int width)
{
	for (size_t i = 0; i < d->nlines; i++) {
		const struct md_line *ln = &d->lines[i];
		int w = 0;

		for (size_t j = 0; j < ln->n; j++) {
			const struct md_span *sp = &ln->spans[j];
			size_t len = strlen(sp->text);

			check_safe(sp->text, len, 0, "span");
			if (text_width(sp->text, len) != sp->width)
				fuzz_fail("line %zu span %zu: width %d recorded, %d real", i, j,
					  sp->width, text_width(sp->text, len));
			if (sp->link >= (int)d->nlinks)
				fuzz_fail("line %zu span %zu: link %d of %zu", i, j, sp->link,
					  d->nlinks);
			w += sp->width;
		}
		if (w != ln->width)
			fuzz_fail("line %zu: width %d recorded, %d real", i, ln->width, w);
		if (w > width)
			fuzz_fail("line %zu: %d columns wide, asked for %d", i, w, width);
	}
	for (size_t i = 0; i < d->nlinks; i++) {
		check_safe(d->links[i].target, strlen(d->links[i].target), 0, "link target");
		if (d->links[i].line >= (int)d->nlines)
			fuzz_fail("link %zu on line %d of %zu", i, d->links[i].line, d->nlines);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md_opts o;
	struct md_doc d;
	const char *src;
	size_t len;
	char *copy, *t, *t2;

	if (size == 0)
		return 0;
	o.width = 10 + (data[0] & 0x7f);
	o.ascii = (data[0] & 0x80) != 0;
	src = (const char *)data + 1;
	len = size - 1;

	md_check(src, len, NULL, 0);
	if (md_render(src, len, &o, &d) != 0)
		fuzz_fail("md_render failed");
	check_doc(&d, o.width);
	md_doc_free(&d);

	/* the sanitiser on the raw bytes, one line and many */
	for (int flags = 0; flags <= TEXT_KEEP_NEWLINE; flags += TEXT_KEEP_NEWLINE) {
		t = text_sanitize(src, len, flags | (o.ascii ? TEXT_ASCII : 0));
		if (!t)
			fuzz_fail("text_sanitize failed");
		check_safe(t, strlen(t), flags & TEXT_KEEP_NEWLINE, "sanitised");
		if (o.ascii)
			for (const unsigned char *p = (const unsigned char *)t; *p; p++)
				if (*p >= 0x80)
					fuzz_fail("ASCII mode let byte %02x through", *p);
		if (!text_is_safe(t, strlen(t)) && !(flags & TEXT_KEEP_NEWLINE))
			fuzz_fail("sanitised text is not safe");
		t2 = text_sanitize(t, strlen(t), flags | (o.ascii ? TEXT_ASCII : 0));
		if (!t2 || strcmp(t, t2) != 0)
			fuzz_fail("the sanitiser is not idempotent");
		free(t2);
		free(t);
	}

	/* wiki links of the text, as the store reads them */
	if ((copy = malloc(len + 1))) {
		struct strv titles;

		memcpy(copy, src, len);
		copy[len] = '\0';
		strv_init(&titles);
		if (md_wiki_links(copy, &titles) != 0)
			fuzz_fail("md_wiki_links failed");
		for (size_t i = 0; i < titles.n; i++)
			check_safe(titles.v[i], strlen(titles.v[i]), 0, "wiki title");
		strv_done(&titles);
		free(copy);
	}
	return 0;
}
