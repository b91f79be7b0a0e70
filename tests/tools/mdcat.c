/* mdcat - render a Markdown file with md_render, for golden tests.
 *
 *   mdcat [--debug|--plain|--ansi] [--ascii] [--entries FILE] [--check]
 *         WIDTH FILE
 *
 * FILE "-" is stdin.  --entries names a file of existing entry titles, one
 * a line: [[wiki links]] to other titles are rendered as missing (without
 * it every title exists).  --check prints the plain lines only (no link
 * list) and fails when a line's recorded width differs from the width of
 * its spans or exceeds WIDTH, or a link's recorded position does not hold
 * its text.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copse/md.h"
#include "copse/text.h"
#include "copse/util.h"

static struct strv entries;
static int have_entries;

/* Mark the wiki links to titles not in --entries (ignoring case) as
 * missing, as the app does with the titles the store has. */
static int mark_missing(struct md_doc *doc)
{
	struct strv titles, existing;
	int rc;

	if (!have_entries)
		return 0;
	strv_init(&titles);
	strv_init(&existing);
	rc = md_doc_wiki_titles(doc, &titles);
	for (size_t i = 0; rc == 0 && i < titles.n; i++)
		for (size_t j = 0; j < entries.n; j++)
			if (strcasecmp(entries.v[j], titles.v[i]) == 0) {
				rc = strv_push(&existing, titles.v[i]);
				break;
			}
	if (rc == 0)
		md_doc_mark_missing(doc, &existing);
	strv_done(&titles);
	strv_done(&existing);
	return rc;
}

static int load_entries(const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[1024];

	if (!fp)
		return -1;
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (*line && strv_push(&entries, line) < 0) {
			fclose(fp);
			return -1;
		}
	}
	fclose(fp);
	have_entries = 1;
	return 0;
}

static int check(const struct md_doc *doc, int width)
{
	size_t i, j;
	int bad = 0;

	for (i = 0; i < doc->nlines; i++) {
		const struct md_line *ln = &doc->lines[i];
		int w = 0;
		for (j = 0; j < ln->n; j++) {
			int sw = text_width(ln->spans[j].text, strlen(ln->spans[j].text));
			if (sw != ln->spans[j].width) {
				fprintf(stderr, "line %zu span %zu: width %d, recorded %d\n",
					i, j, sw, ln->spans[j].width);
				bad = 1;
			}
			w += sw;
			fputs(ln->spans[j].text, stdout);
		}
		putchar('\n');
		if (w != ln->width || w > width) {
			fprintf(stderr, "line %zu: width %d, recorded %d, limit %d\n",
				i, w, ln->width, width);
			bad = 1;
		}
	}
	for (i = 0; i < doc->nlinks; i++) {
		const struct md_link *l = &doc->links[i];
		const struct md_line *ln;
		int col = 0;
		if (l->line < 0 || (size_t)l->line >= doc->nlines) {
			fprintf(stderr, "link %zu: line %d\n", i, l->line);
			bad = 1;
			continue;
		}
		ln = &doc->lines[l->line];
		for (j = 0; j < ln->n && col < l->col; j++)
			col += ln->spans[j].width;
		if (col != l->col || j >= ln->n || ln->spans[j].link != (int)i) {
			fprintf(stderr, "link %zu: no span of it at %d:%d\n", i, l->line, l->col);
			bad = 1;
		}
	}
	return bad;
}

int main(int argc, char **argv)
{
	enum md_format fmt = MD_DEBUG;
	struct md_opts opts = { 80, 0 };
	struct md_doc doc;
	struct buf src, out;
	FILE *fp;
	int i, docheck = 0, rc;

	setlocale(LC_ALL, "");
	strv_init(&entries);
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (!strcmp(argv[i], "--debug"))
			fmt = MD_DEBUG;
		else if (!strcmp(argv[i], "--plain"))
			fmt = MD_PLAIN;
		else if (!strcmp(argv[i], "--ansi"))
			fmt = MD_ANSI;
		else if (!strcmp(argv[i], "--ascii"))
			opts.ascii = 1;
		else if (!strcmp(argv[i], "--check"))
			docheck = 1;
		else if (!strcmp(argv[i], "--entries") && i + 1 < argc) {
			if (load_entries(argv[++i]) < 0) {
				fprintf(stderr, "mdcat: %s: cannot read\n", argv[i]);
				return 2;
			}
		} else
			break;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: mdcat [--debug|--plain|--ansi] [--ascii] "
			"[--entries FILE] [--check] WIDTH FILE\n");
		return 2;
	}
	opts.width = atoi(argv[i]);
	fp = strcmp(argv[i + 1], "-") ? fopen(argv[i + 1], "rb") : stdin;
	if (!fp) {
		fprintf(stderr, "mdcat: %s: cannot open\n", argv[i + 1]);
		return 2;
	}
	buf_init(&src);
	buf_init(&out);
	if (buf_read_file(&src, fp) < 0) {
		fprintf(stderr, "mdcat: %s: read error\n", argv[i + 1]);
		return 2;
	}
	if (fp != stdin)
		fclose(fp);
	if (md_render(src.s ? src.s : "", src.len, &opts, &doc) < 0 || mark_missing(&doc) < 0) {
		fprintf(stderr, "mdcat: out of memory\n");
		return 1;
	}
	if (docheck) {
		rc = check(&doc, opts.width < 10 ? 10 : opts.width);
	} else {
		rc = md_doc_text(&doc, fmt, &out) < 0;
		if (out.len)
			fwrite(out.s, 1, out.len, stdout);
	}
	md_doc_free(&doc);
	buf_done(&src);
	buf_done(&out);
	strv_done(&entries);
	return rc;
}
