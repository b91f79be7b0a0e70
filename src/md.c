/* md.c - Markdown to styled terminal lines: the walk over libcmark's AST
 * (blocks, inline styles, links), the text output of a rendered document
 * and its [[wiki links]].  The lines themselves are built in md-wrap.c;
 * text escaped into Markdown (md_put_*) is md-write.c.
 *
 * The layout walks the AST with cmark_iter (no recursion, so hostile
 * nesting cannot exhaust the C stack) and keeps a stack of block prefixes:
 * every block quote pushes a bar ("│ "), every list item its marker
 * ("• ", "1. ") for its first line and as many spaces for the others.
 * Every output line starts with the whole stack, so quotes and hanging
 * indents survive wrapping.  Inline content of a paragraph or heading is
 * collected as styled runs and wrapped greedily by display width.
 *
 * Layout decisions:
 *   - one blank line between blocks, none between the blocks of a tight
 *     list (items, their paragraphs and nested lists);
 *   - headings are bold text without '#'; an H1 is underlined with a
 *     double rule ("═", "=" in ASCII mode) and an H2 with a single rule
 *     ("─", "-"), as wide as the heading text; H3-H6 are bold only;
 *     an empty heading is left out;
 *   - lines break at spaces, and without a space next to a wide (CJK,
 *     emoji) character, except before closing or after opening
 *     punctuation; a word wider than the line is split by characters;
 *     a combining mark always stays with its base;
 *   - list items hang: "• " / "- " for bullets, right-aligned "1." or
 *     "1)" numbers; continuation lines are indented by the marker width;
 *   - code blocks are indented by 2 and never wrapped: a line wider than
 *     the space left is cut and ends with a dim "…" ("~"), since the
 *     reader does not scroll sideways; tabs are expanded from the start
 *     of the code line; an empty code block is left out;
 *   - except a diff (a fence with the info string "diff"): there a wide
 *     line wraps, after a space when one is in its second half, and each
 *     row it continues on starts again with its first two columns (the
 *     "- " or "+ "), so a change at the end of a long line shows;
 *   - a link is shown as its text followed by a dim "[n]" (n = index + 1,
 *     the number of the "[n] target" list of md_doc_text); [[wiki links]]
 *     show only their title; images are "[image: alt] (url)", "[image]"
 *     without alt text, the url dim;
 *   - HTML is never interpreted: raw blocks and inline tags are dim text;
 *   - trailing spaces are trimmed from every line;
 *   - deep nesting keeps at least a third of the width (8 columns at
 *     least) for text: prefixes that would eat into it are not drawn.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "copse/md.h"
#include "copse/text.h"

#include "md-priv.h"

/* ------------------------------------------------------- inline content */

static int cur_attr(const struct rend *r)
{
	int a = r->base_attr;

	if (r->emph)
		a |= MD_ITALIC;
	if (r->strong)
		a |= MD_BOLD;
	if (r->cur_link >= 0)
		a |= MD_LINK;
	return a;
}

static int add_link(struct rend *r, const char *target, size_t len, int wiki)
{
	struct md_link *l;
	char *t;

	if (r->err)
		return -1;
	if (rend_grow(r, (void **)&r->doc->links, &r->links_cap, r->doc->nlinks + 1,
		     sizeof *r->doc->links) < 0)
		return -1;
	t = text_sanitize(target, len, r->tflags);
	if (!t) {
		r->err = 1;
		return -1;
	}
	l = &r->doc->links[r->doc->nlinks];
	l->target = t;
	l->wiki = wiki;
	l->missing = 0;
	l->line = -1;
	l->col = -1;
	return (int)r->doc->nlinks++;
}

/* Find the next [[Title]] in s[0, len): the offsets of "[[" and of the
 * title (trimmed), or 0 when there is none. */
static int find_wiki(const char *s, size_t len, size_t *open, size_t *ts,
		     size_t *tl, size_t *close)
{
	size_t i, j;

	for (i = 0; i + 1 < len; i++) {
		const char *b = memchr(s + i, '[', len - 1 - i);

		if (!b)
			break;
		i = (size_t)(b - s);
		if (s[i + 1] != '[')
			continue;
		/* the innermost "[[": skip to the last of a run of '[' */
		while (i + 2 < len && s[i + 2] == '[')
			i++;
		for (j = i + 2; j < len && s[j] != ']' && s[j] != '[' && s[j] != '\n'; j++)
			;
		if (j + 1 >= len || s[j] != ']' || s[j + 1] != ']')
			continue;
		*ts = i + 2;
		*tl = j - *ts;
		while (*tl > 0 && (s[*ts] == ' ' || s[*ts] == '\t')) {
			(*ts)++;
			(*tl)--;
		}
		while (*tl > 0 && (s[*ts + *tl - 1] == ' ' || s[*ts + *tl - 1] == '\t'))
			(*tl)--;
		if (*tl == 0)
			continue;
		*open = i;
		*close = j + 2;
		return 1;
	}
	return 0;
}

/* The dim "[n]" after a link's text: the number the reader and the link
 * list at the end of plain output know it by. */
static void add_marker(struct rend *r, int idx, int attr)
{
	char m[32];
	int n = snprintf(m, sizeof m, "[%d]", idx + 1);

	rend_add_run(r, m, (size_t)n, (attr & ~(MD_LINK | MD_MISSING)) | MD_DIM, idx);
}

static void add_text(struct rend *r, const char *s, size_t len)
{
	int attr = cur_attr(r);
	size_t open, ts, tl, close;

	if (r->cur_link < 0 && !r->in_image) {
		while (find_wiki(s, len, &open, &ts, &tl, &close)) {
			int idx;
			rend_add_run(r, s, open, attr, -1);
			idx = add_link(r, s + ts, tl, 1);
			if (idx < 0)
				return;
			rend_add_run(r, s + ts, tl, attr | MD_LINK, idx);
			add_marker(r, idx, attr);
			s += close;
			len -= close;
		}
	}
	rend_add_run(r, s, len, attr, r->cur_link);
}

/* --------------------------------------------------------------- blocks */

/* Blocks directly in an item of a tight list, and the items of a tight
 * list, are not separated by blank lines. */
static int tight_context(cmark_node *node)
{
	cmark_node *p = cmark_node_parent(node);

	if (cmark_node_get_type(node) == CMARK_NODE_ITEM)
		return p && cmark_node_get_list_tight(p);
	if (p && cmark_node_get_type(p) == CMARK_NODE_ITEM) {
		cmark_node *l = cmark_node_parent(p);
		return l && cmark_node_get_list_tight(l);
	}
	return 0;
}

static void block_begin(struct rend *r, cmark_node *node)
{
	if (r->need_blank && !tight_context(node))
		rend_flush_line(r, 1);
	r->need_blank = 0;
}

static void emit_rule(struct rend *r, const char *ch, int n, int attr)
{
	char blk[64 * 4];   /* ch is one character: 64 copies fit */
	size_t l = strlen(ch), k = 1, left;

	/* k copies, doubled while they fit and the rule is that long */
	memcpy(blk, ch, l);
	while (k * 2 <= 64 && k * 2 <= (size_t)(n > 0 ? n : 0)) {
		memcpy(blk + k * l, blk, k * l);
		k *= 2;
	}
	buf_reset(&r->tmp);
	/* a block of copies at a time, not one per column */
	for (left = n > 0 ? (size_t)n : 0; left > 0; left -= k < left ? k : left)
		if (buf_add(&r->tmp, blk, (k < left ? k : left) * l) < 0) {
			r->err = 1;
			return;
		}
	rend_add_seg(r, r->tmp.s, r->tmp.len, n, attr, -1);
	rend_flush_line(r, 0);
}

/* A diff line of n bytes (sanitised) wider than width, on rows of width
 * columns: each row after the first starts with the line's marker (its
 * first two columns, "- "), and breaks after a space when there is one
 * in its second half. */
static void code_wrap(struct rend *r, const char *s, size_t n, int width)
{
	size_t mark = text_fit(s, n, 2, NULL), off = 0;
	int mw = text_width(s, mark);

	if (width - mw < 8) {      /* too narrow to repeat the marker */
		mark = 0;
		mw = 0;
	}
	while (off < n && !r->err) {
		int room = off ? width - mw : width, used;
		size_t k = text_fit(s + off, n - off, room, &used);

		if (k == 0)                          /* wider than the row */
			k = text_cluster(s + off, n - off, &used);
		if (off + k < n) {
			size_t sp = k;

			while (sp > k / 2 && s[off + sp - 1] != ' ')
				sp--;
			if (sp > k / 2) {
				k = sp;
				used = text_width(s + off, k);
			}
		}
		if (off) {
			rend_add_seg(r, rend_spaces, 2, 2, 0, -1);
			rend_add_seg(r, s, mark, mw, MD_CODE, -1);
		}
		rend_add_seg(r, s + off, k, used, MD_CODE, -1);
		rend_flush_line(r, 0);
		off += k;
	}
}

static void code_block(struct rend *r, const char *lit, int diff)
{
	const char *ell = rend_sym(r, "\xe2\x80\xa6", "~");
	int width = rend_avail(r) - 2;
	const char *p = lit ? lit : "";

	while (*p && !r->err) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int w, used;

		buf_reset(&r->tmp);
		if (text_sanitize_buf(&r->tmp, p, n, r->tflags) < 0) {
			r->err = 1;
			return;
		}
		rend_add_seg(r, rend_spaces, 2, 2, 0, -1);
		w = text_width(r->tmp.s, r->tmp.len);
		if (w <= width) {
			rend_add_seg(r, r->tmp.s, r->tmp.len, w, MD_CODE, -1);
		} else if (diff && width > 0) {
			code_wrap(r, r->tmp.s, r->tmp.len, width);
			goto next;
		} else {
			size_t k = text_fit(r->tmp.s, r->tmp.len, width - 1, &used);
			rend_add_seg(r, r->tmp.s, k, used, MD_CODE, -1);
			rend_add_seg(r, ell, strlen(ell), 1, MD_CODE | MD_DIM, -1);
		}
		rend_flush_line(r, 0);
next:
		p += n;
		if (*p == '\n')
			p++;
	}
}

static void html_block(struct rend *r, const char *lit)
{
	const char *p = lit ? lit : "";

	rend_inline_begin(r, 0, 0);
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		rend_add_run(r, p, n, MD_DIM, -1);
		p += n;
		if (*p == '\n') {
			p++;
			if (*p)
				rend_add_break(r);
		}
	}
	rend_layout_runs(r);
}

static void list_begin(struct rend *r, cmark_node *node)
{
	struct list_state *s;
	cmark_node *c;
	long last;
	int n = 0, digits = 1;

	if (rend_grow(r, (void **)&r->ls, &r->ls_cap, r->nls + 1, sizeof *r->ls) < 0)
		return;
	s = &r->ls[r->nls++];
	s->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	s->num = cmark_node_get_list_start(node);
	s->delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
	for (c = cmark_node_first_child(node); c; c = cmark_node_next(c))
		n++;
	last = (long)s->num + (n > 0 ? n - 1 : 0);
	while (last >= 10) {
		last /= 10;
		digits++;
	}
	s->numw = digits;
}

static void item_begin(struct rend *r)
{
	struct list_state *s;
	char m[32];
	int w;

	if (r->nls == 0)
		return;
	s = &r->ls[r->nls - 1];
	if (s->ordered) {
		w = snprintf(m, sizeof m, "%*d%c ", s->numw, s->num, s->delim);
		s->num++;
		rend_push_pfx(r, PFX_ITEM, m, w);
	} else {
		rend_push_pfx(r, PFX_ITEM, rend_sym(r, "\xe2\x80\xa2 ", "- "), 2);
	}
}

/* Text md_check refuses: a dim note saying why, then the source as it is,
 * line by line, each wrapped by characters.  Linear, whatever the text. */
static void plain_text(struct rend *r, const char *src, size_t len, const char *why)
{
	static const char note[] = "Shown as plain text, since laying it out as Markdown"
		" would take too long: ";
	size_t p = 0;

	rend_inline_begin(r, 0, 0);
	rend_add_run(r, note, sizeof note - 1, MD_DIM, -1);
	rend_add_run(r, why, strlen(why), MD_DIM, -1);
	rend_layout_runs(r);
	rend_flush_line(r, 0);
	while (p < len && !r->err) {
		size_t e = p, off = 0;

		while (e < len && src[e] != '\n' && src[e] != '\r')
			e++;
		buf_reset(&r->tmp);
		if (text_sanitize_buf(&r->tmp, src + p, e - p, r->tflags) < 0) {
			r->err = 1;
			return;
		}
		do {
			int used;
			size_t k = text_fit(r->tmp.s + off, r->tmp.len - off, r->width, &used);

			if (k == 0 && off < r->tmp.len)   /* wider than the line: one anyway */
				k = text_cluster(r->tmp.s + off, r->tmp.len - off, &used);
			rend_add_seg(r, r->tmp.s + off, k, used, 0, -1);
			rend_flush_line(r, 0);
			off += k;
		} while (off < r->tmp.len && !r->err);
		if (e < len && src[e] == '\r' && e + 1 < len && src[e + 1] == '\n')
			e++;
		p = e + 1;
	}
}

/* ------------------------------------------------------------ rendering */

static void render_node(struct rend *r, cmark_node *node, cmark_event_type ev)
{
	const int enter = ev == CMARK_EVENT_ENTER;
	const char *lit;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_DOCUMENT:
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		if (enter) {
			block_begin(r, node);
			rend_push_pfx(r, PFX_QUOTE, rend_sym(r, "\xe2\x94\x82 ", "| "), 2);
			if (rend_grow(r, (void **)&r->qmark, &r->q_cap, r->nq + 1,
				     sizeof *r->qmark) == 0)
				r->qmark[r->nq++] = r->doc->nlines;
		} else {
			/* an empty quote still shows its bar */
			if (r->nq && r->doc->nlines == r->qmark[--r->nq])
				rend_flush_line(r, 0);
			rend_pop_pfx(r);
			r->need_blank = 1;
		}
		break;
	case CMARK_NODE_LIST:
		if (enter) {
			block_begin(r, node);
			list_begin(r, node);
		} else {
			if (r->nls)
				r->nls--;
			r->need_blank = 1;
		}
		break;
	case CMARK_NODE_ITEM:
		if (enter) {
			block_begin(r, node);
			item_begin(r);
		} else {
			/* an empty item still shows its marker */
			if (r->npf && r->pf[r->npf - 1].pending)
				rend_flush_line(r, 0);
			rend_pop_pfx(r);
			r->need_blank = 1;
		}
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		/* an empty heading ("#") is left out */
		if (!cmark_node_first_child(node))
			break;
		if (enter) {
			int level = cmark_node_get_heading_level(node);
			int heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;
			block_begin(r, node);
			rend_inline_begin(r, heading ? MD_HEADING | MD_BOLD : 0,
				     heading ? level : 0);
		} else {
			size_t before = r->doc->nlines;
			rend_layout_runs(r);
			if (r->doc->nlines == before)   /* empty heading */
				rend_flush_line(r, 0);
			if (r->base_attr & MD_HEADING && r->level <= 2) {
				int w = r->block_maxw > 0 ? r->block_maxw : 1;
				emit_rule(r, r->level == 1 ? rend_sym(r, "\xe2\x95\x90", "=")
					  : rend_sym(r, "\xe2\x94\x80", "-"), w,
					  MD_HEADING | MD_RULE);
			}
			r->base_attr = 0;
			r->level = 0;
			r->need_blank = 1;
		}
		break;
	case CMARK_NODE_CODE_BLOCK:
		lit = cmark_node_get_literal(node);
		if (!lit || !*lit)   /* an empty code block is left out */
			break;
		block_begin(r, node);
		{
			const char *info = cmark_node_get_fence_info(node);

			code_block(r, lit, info && strcmp(info, "diff") == 0);
		}
		r->need_blank = 1;
		break;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_CUSTOM_BLOCK:
		block_begin(r, node);
		html_block(r, cmark_node_get_literal(node));
		r->need_blank = 1;
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		block_begin(r, node);
		emit_rule(r, rend_sym(r, "\xe2\x94\x80", "-"), rend_avail(r), MD_RULE);
		r->need_blank = 1;
		break;
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(node);
		if (lit)
			add_text(r, lit, strlen(lit));
		break;
	case CMARK_NODE_SOFTBREAK:
		rend_add_run(r, " ", 1, cur_attr(r), r->cur_link);
		break;
	case CMARK_NODE_LINEBREAK:
		rend_add_break(r);
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(node);
		if (lit)
			rend_add_run(r, lit, strlen(lit), cur_attr(r) | MD_CODE, r->cur_link);
		break;
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_CUSTOM_INLINE:
		lit = cmark_node_get_literal(node);
		if (lit)
			rend_add_run(r, lit, strlen(lit), cur_attr(r) | MD_DIM, r->cur_link);
		break;
	case CMARK_NODE_EMPH:
		r->emph += enter ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		r->strong += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			const char *url = cmark_node_get_url(node);
			r->cur_link = add_link(r, url ? url : "", url ? strlen(url) : 0, 0);
		} else if (r->cur_link >= 0) {
			int idx = r->cur_link;
			r->cur_link = -1;
			add_marker(r, idx, cur_attr(r));
		}
		break;
	case CMARK_NODE_IMAGE:
		if (enter) {
			r->in_image++;
			if (cmark_node_first_child(node))
				rend_add_run(r, "[image: ", 8, cur_attr(r), r->cur_link);
			else
				rend_add_run(r, "[image", 6, cur_attr(r), r->cur_link);
		} else {
			const char *url = cmark_node_get_url(node);
			r->in_image--;
			rend_add_run(r, "]", 1, cur_attr(r), r->cur_link);
			if (url && *url) {
				rend_add_run(r, " ", 1, cur_attr(r), r->cur_link);
				rend_add_run(r, "(", 1, cur_attr(r) | MD_DIM, r->cur_link);
				rend_add_run(r, url, strlen(url), cur_attr(r) | MD_DIM, r->cur_link);
				rend_add_run(r, ")", 1, cur_attr(r) | MD_DIM, r->cur_link);
			}
		}
		break;
	default:
		break;
	}
}

void md_doc_free(struct md_doc *doc)
{
	size_t i, j;

	if (!doc)
		return;
	for (i = 0; i < doc->nlines; i++) {
		struct md_line *l = &doc->lines[i];

		for (j = 0; j < l->n; j++) {
			char *t = l->spans[j].text;

			if (!l->block || t < l->block || t >= l->block + l->blocklen)
				free(t);
		}
		free(l->spans);
		free(l->block);
	}
	free(doc->lines);
	for (i = 0; i < doc->nlinks; i++)
		free(doc->links[i].target);
	free(doc->links);
	memset(doc, 0, sizeof *doc);
}

static void rend_done(struct rend *r)
{
	free(r->pf);
	free(r->ls);
	free(r->runs);
	free(r->seg);
	free(r->sp);
	free(r->qmark);
	buf_done(&r->text);
	buf_done(&r->tmp);
}

int md_render(const char *src, size_t len, const struct md_opts *opts,
	      struct md_doc *doc)
{
	static const struct md_opts defaults = { 80, 0 };
	struct rend r;
	struct md_arena *arena;
	cmark_node *root;
	cmark_iter *it;
	cmark_event_type ev;
	char why[256];

	memset(doc, 0, sizeof *doc);
	if (!opts)
		opts = &defaults;
	memset(&r, 0, sizeof r);
	r.doc = doc;
	r.o = opts;
	r.width = opts->width < 10 ? 10 : opts->width;
	r.ascii = opts->ascii != 0;
	r.tflags = r.ascii ? TEXT_ASCII : 0;
	r.maxpfx = r.width - (r.width / 3 > 8 ? r.width / 3 : 8);
	r.cur_link = -1;
	buf_init(&r.text);
	buf_init(&r.tmp);

	if (!src)
		len = 0;
	if (md_check(src, len, why, sizeof why) != 0) {
		plain_text(&r, src, len, why);
		rend_done(&r);
		if (r.err) {
			md_doc_free(doc);
			return -1;
		}
		return 0;
	}
	root = md_parse(src ? src : "", len, &arena);
	if (!root)
		return -1;
	/* "[[", "Title" and "]]" may come as separate text nodes */
	cmark_consolidate_text_nodes(root);
	it = cmark_iter_new(root);
	if (!it) {
		md_arena_free(arena);
		return -1;
	}
	while (!r.err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		render_node(&r, cmark_iter_get_node(it), ev);
	/* the tree and the iterator go with their arena */
	md_arena_free(arena);
	rend_done(&r);
	if (r.err) {
		md_doc_free(doc);
		return -1;
	}
	return 0;
}

/* --------------------------------------------------------------- output
 *
 * MD_DEBUG, the golden-file format: a span without attributes is its
 * text; any other is "{ATTRS:text}" where ATTRS is "H<level>" for a
 * heading, then the letters B bold, I italic, U underline,
 * C code, L link, M missing, Q quote bar, R rule, K list marker, D dim,
 * comma-separated, then "@<index>" when the span belongs to a link.
 * After the lines, when there are links, a blank line and one line per
 * link: "@<index> <line>:<col> [wiki ][missing ]<target>".
 *
 * MD_ANSI: bold (headings too) 1, dim (urls, html, quote bars, rules,
 * missing wiki links) 2, italic 3, underline (links) 4, code 7 (reverse);
 * each styled span is closed with SGR 0.  No colours, so it
 * suits NO_COLOR.  MD_PLAIN and MD_ANSI end with the link list:
 * "[n] url", "[n] [[Title]]" or "[n] [[Title]] (missing)".
 */

static int debug_span(struct buf *out, const struct md_span *sp)
{
	static const struct { int bit; const char *name; } names[] = {
		{ MD_BOLD, "B" }, { MD_ITALIC, "I" },
{ MD_CODE, "C" }, { MD_LINK, "L" },
		{ MD_MISSING, "M" }, { MD_QUOTE, "Q" }, { MD_RULE, "R" },
		{ MD_MARKER, "K" }, { MD_DIM, "D" },
	};
	const char *sep = "";
	size_t i;
	int rc = 0;

	if (sp->attr == 0 && sp->link < 0)
		return buf_puts(out, sp->text);
	rc |= buf_putc(out, '{');
	if (sp->attr & MD_HEADING) {
		rc |= buf_printf(out, "H%d", sp->level);
		sep = ",";
	}
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(sp->attr & names[i].bit))
			continue;
		rc |= buf_printf(out, "%s%s", sep, names[i].name);
		sep = ",";
	}
	if (sp->link >= 0)
		rc |= buf_printf(out, "@%d", sp->link);
	rc |= buf_putc(out, ':');
	rc |= buf_puts(out, sp->text);
	rc |= buf_putc(out, '}');
	return rc ? -1 : 0;
}

static int ansi_span(struct buf *out, const struct md_span *sp)
{
	int a = sp->attr, rc = 0;
	char sgr[32];
	size_t n = 0;

	if (a & (MD_BOLD | MD_HEADING))
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, ";1");
	if (a & (MD_DIM | MD_QUOTE | MD_RULE | MD_MISSING))
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, ";2");
	if (a & MD_ITALIC)
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, ";3");
	if (a & MD_LINK)
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, ";4");
	if (a & MD_CODE)
		n += (size_t)snprintf(sgr + n, sizeof sgr - n, ";7");
	if (n == 0)
		return buf_puts(out, sp->text);
	rc |= buf_printf(out, "\033[%sm", sgr + 1);
	rc |= buf_puts(out, sp->text);
	rc |= buf_puts(out, "\033[0m");
	return rc ? -1 : 0;
}

int md_doc_text(const struct md_doc *doc, enum md_format fmt, struct buf *out)
{
	size_t i, j;
	int rc = 0;

	if (!doc)
		return 0;
	for (i = 0; i < doc->nlines && rc == 0; i++) {
		const struct md_line *ln = &doc->lines[i];
		for (j = 0; j < ln->n && rc == 0; j++) {
			if (fmt == MD_DEBUG)
				rc = debug_span(out, &ln->spans[j]);
			else if (fmt == MD_ANSI)
				rc = ansi_span(out, &ln->spans[j]);
			else
				rc = buf_puts(out, ln->spans[j].text);
		}
		if (rc == 0)
			rc = buf_putc(out, '\n');
	}
	if (rc || doc->nlinks == 0)
		return rc ? -1 : 0;
	rc = buf_putc(out, '\n');
	for (i = 0; i < doc->nlinks && rc == 0; i++) {
		const struct md_link *l = &doc->links[i];
		if (fmt == MD_DEBUG)
			rc = buf_printf(out, "@%zu %d:%d %s%s%s\n", i, l->line, l->col,
					l->wiki ? "wiki " : "",
					l->missing ? "missing " : "", l->target);
		else if (l->wiki)
			rc = buf_printf(out, "[%zu] [[%s]]%s\n", i + 1, l->target,
					l->missing ? " (missing)" : "");
		else
			rc = buf_printf(out, "[%zu] %s\n", i + 1, l->target);
	}
	return rc ? -1 : 0;
}

/* ----------------------------------------------------------- wiki links
 * Titles are collected through a hash set, so a text with many distinct
 * links costs linear time. */

int md_doc_wiki_titles(const struct md_doc *doc, struct strv *titles)
{
	struct strset seen;
	int rc = 0;

	strset_init(&seen, 0);
	for (size_t i = 0; rc == 0 && i < titles->n; i++)
		rc = strset_add(&seen, titles->v[i]) < 0 ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < doc->nlinks; i++) {
		const struct md_link *l = &doc->links[i];
		int added;

		if (!l->wiki)
			continue;
		if ((added = strset_add(&seen, l->target)) < 0 ||
		    (added && strv_push(titles, l->target) < 0))
			rc = -1;
	}
	strset_done(&seen);
	return rc;
}

void md_doc_mark_missing(struct md_doc *doc, const struct strv *existing)
{
	struct strset have;
	int ok = 1;

	strset_init(&have, 0);
	for (size_t i = 0; ok && i < existing->n; i++)
		ok = strset_add(&have, existing->v[i]) >= 0;
	for (size_t i = 0; i < doc->nlinks; i++) {
		struct md_link *l = &doc->links[i];

		/* out of memory: nothing is marked missing */
		if (l->wiki)
			l->missing = ok && !strset_has(&have, l->target);
	}
	strset_done(&have);
	/* the link's text, not its dim [n] marker */
	for (size_t i = 0; i < doc->nlines; i++)
		for (size_t j = 0; j < doc->lines[i].n; j++) {
			struct md_span *sp = &doc->lines[i].spans[j];

			if (sp->link < 0 || !(sp->attr & MD_LINK) || !doc->links[sp->link].wiki)
				continue;
			if (doc->links[sp->link].missing)
				sp->attr |= MD_MISSING;
			else
				sp->attr &= ~MD_MISSING;
		}
}

int md_wiki_links(const char *src, struct strv *titles)
{
	struct md_arena *arena;
	cmark_node *root;
	cmark_iter *it;
	cmark_event_type ev;
	struct strset seen;
	size_t len;
	int in_link = 0, rc = 0;

	if (!src)
		return 0;
	/* text the renderer shows as plain text has no links either */
	len = strlen(src);
	if (md_check(src, len, NULL, 0) != 0)
		return 0;
	root = md_parse(src, len, &arena);
	if (!root)
		return -1;
	cmark_consolidate_text_nodes(root);
	it = cmark_iter_new(root);
	if (!it) {
		md_arena_free(arena);
		return -1;
	}
	strset_init(&seen, 1);
	for (size_t i = 0; rc == 0 && i < titles->n; i++)
		rc = strset_add(&seen, titles->v[i]) < 0 ? -1 : 0;
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		const char *s;
		size_t n, open, ts, tl, close;

		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			in_link += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		}
		if (t != CMARK_NODE_TEXT || in_link)
			continue;
		s = cmark_node_get_literal(node);
		n = s ? strlen(s) : 0;
		while (rc == 0 && find_wiki(s, n, &open, &ts, &tl, &close)) {
			char *title = text_sanitize(s + ts, tl, 0);
			int added;

			if (!title || (added = strset_add(&seen, title)) < 0 ||
			    (added && strv_push(titles, title) < 0))
				rc = -1;
			free(title);
			s += close;
			n -= close;
		}
	}
	strset_done(&seen);
	md_arena_free(arena);       /* the tree and the iterator */
	return rc;
}

int md_wiki_rename(const char *src, const char *from, const char *to, struct buf *out)
{
	size_t len = src ? strlen(src) : 0, flen = strlen(from), open, ts, tl, close;
	int n = 0;

	if (buf_puts(out, "") != 0)
		return -1;
	/* a title that cannot be a [[link]] leaves the links as they are */
	if (!*to || strpbrk(to, "[]\n") || !*from)
		return buf_add(out, src ? src : "", len) != 0 ? -1 : 0;
	while (find_wiki(src, len, &open, &ts, &tl, &close)) {
		int same = tl == flen && strncasecmp(src + ts, from, flen) == 0;

		if (buf_add(out, src, same ? ts : close) != 0)
			return -1;
		if (same) {
			if (buf_puts(out, to) != 0 || buf_add(out, src + ts + tl, close - ts - tl) != 0)
				return -1;
			n++;
		}
		src += close;
		len -= close;
	}
	return buf_add(out, src ? src : "", len) != 0 ? -1 : n;
}
