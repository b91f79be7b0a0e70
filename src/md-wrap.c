/* md-wrap.c - the lines of md_render: the stack of block prefixes,
 * inline content collected as styled runs, and greedy wrapping by
 * display width into md_lines (the layout rules are listed in md.c).
 * See md-priv.h.
 */
#include <stdlib.h>
#include <string.h>

#include "copse/md.h"
#include "copse/text.h"

#include "md-priv.h"

/* ---------------------------------------------------------------- utils */

/* Make room for need elements; on failure the array is left as it was
 * and r->err is set. */
int rend_grow(struct rend *r, void **arr, size_t *cap, size_t need, size_t size)
{
	size_t c;
	void *q;

	if (need <= *cap)
		return 0;
	c = *cap ? *cap : 8;
	while (c < need)
		c *= 2;
	q = realloc(*arr, c * size);
	if (!q) {
		r->err = 1;
		return -1;
	}
	*arr = q;
	*cap = c;
	return 0;
}

const char *rend_sym(const struct rend *r, const char *utf8, const char *ascii)
{
	return r->ascii ? ascii : utf8;
}

/* ------------------------------------------------------------ the lines */

void rend_add_seg(struct rend *r, const char *s, size_t len, int width,
		    int attr, int link)
{
	struct seg *g;

	if (r->err || len == 0)
		return;
	if (r->nseg > 0) {
		/* a word and the spaces before it, of one run, are one
		 * stretch of the run's text: one segment */
		g = &r->seg[r->nseg - 1];
		if (g->s + g->len == s && g->attr == attr && g->link == link) {
			g->len += len;
			g->width += width;
			r->lw += width;
			return;
		}
	}
	if (r->nseg == r->seg_cap &&
	    rend_grow(r, (void **)&r->seg, &r->seg_cap, r->nseg + 1, sizeof *r->seg) < 0)
		return;
	if (link >= 0 && (size_t)link < r->doc->nlinks &&
	    r->doc->links[link].line < 0) {
		r->doc->links[link].line = (int)r->doc->nlines;
		r->doc->links[link].col = r->visw + r->lw;
	}
	g = &r->seg[r->nseg++];
	g->s = s;
	g->len = len;
	g->width = width;
	g->attr = attr;
	g->link = link;
	r->lw += width;
}

const char rend_spaces[] = "                                ";   /* 32 */

/* Append the prefix segments of the current stack.  With blank set, only
 * the prefixes of blocks that have already started are drawn. */
static void add_prefix(struct rend *r, int blank)
{
	size_t i, n = r->nvis;
	int save = r->lw;

	if (blank && r->first_pending < n)
		n = r->first_pending;
	for (i = 0; i < n; i++) {
		struct pfx *p = &r->pf[i];
		if (p->kind == PFX_QUOTE)
			rend_add_seg(r, p->first, p->first_len, p->width, MD_QUOTE, -1);
		else if (p->pending)
			rend_add_seg(r, p->first, p->first_len, p->width, MD_MARKER, -1);
		else
			rend_add_seg(r, rend_spaces, (size_t)p->width, p->width, 0, -1);
	}
	r->lw = save;   /* content columns are counted after the prefix */
}

/* Turn the prefix + content segments into a new md_line.  Between lines
 * nothing is under construction (nseg and lw are 0), so flush_line on its
 * own emits a line of just the prefix: blank set for the separator between
 * blocks, clear for an empty item's marker or an empty quote's bar. */
void rend_flush_line(struct rend *r, int blank)
{
	struct md_doc *d = r->doc;
	struct md_line *ln;
	struct seg *all;
	size_t nall, np, i, j, ncontent = r->nseg, blocklen;
	struct md_span *spans;
	char *block;
	size_t nspans = 0;

	if (r->err)
		return;
	/* the prefix goes in front of the content already collected */
	add_prefix(r, blank);
	if (r->err)
		return;
	/* the prefix segments, appended last, come first: SEG(k) is the
	 * k-th segment of the line in that order */
	nall = r->nseg;
	all = r->seg;
	np = nall - ncontent;
#define SEG(k) (&all[(k) < np ? ncontent + (k) : (k) - np])
	/* trim trailing spaces */
	while (nall > 0) {
		struct seg *g = SEG(nall - 1);
		while (g->len > 0 && g->s[g->len - 1] == ' ') {
			g->len--;
			g->width--;
		}
		if (g->len > 0)
			break;
		nall--;
	}
	if (rend_grow(r, (void **)&d->lines, &r->lines_cap, d->nlines + 1,
		      sizeof *d->lines) < 0)
		return;
	/* the texts of the line's spans, one block: each ends with a NUL */
	blocklen = 0;
	for (i = 0; i < nall; i++)
		blocklen += SEG(i)->len + 1;
	spans = nall ? calloc(nall, sizeof *spans) : NULL;
	block = nall ? malloc(blocklen) : NULL;
	if (nall && (!spans || !block)) {
		free(spans);
		free(block);
		r->err = 1;
		return;
	}
	ln = &d->lines[d->nlines];
	ln->spans = spans;
	ln->n = 0;
	ln->width = 0;
	ln->block = block;
	ln->blocklen = blocklen;
	/* merge neighbours of the same style */
	for (i = 0; i < nall; i = j) {
		size_t len = 0, k;
		int w = 0;
		char *t = block;
		const struct seg *first = SEG(i);

		for (j = i; j < nall && SEG(j)->attr == first->attr &&
		     SEG(j)->link == first->link; j++) {
			len += SEG(j)->len;
			w += SEG(j)->width;
		}
		len = 0;
		for (k = i; k < j; k++) {
			memcpy(t + len, SEG(k)->s, SEG(k)->len);
			len += SEG(k)->len;
		}
		t[len] = '\0';
		block += len + 1;
		spans[nspans].text = t;
		spans[nspans].width = w;
		spans[nspans].attr = first->attr;
		spans[nspans].link = first->link;
		spans[nspans].level = (first->attr & MD_HEADING) ? r->level : 0;
		nspans++;
		ln->width += w;
	}
#undef SEG
	ln->n = nspans;
	d->nlines++;   /* counted even on error, so md_doc_free frees it */
	if (!blank) {
		/* markers are drawn once */
		for (i = r->first_pending; i < r->npf; i++)
			r->pf[i].pending = 0;
		r->first_pending = r->npf;
	}
	if (r->lw > r->block_maxw)
		r->block_maxw = r->lw;
	r->nseg = 0;
	r->lw = 0;
}

int rend_avail(const struct rend *r)
{
	return r->width - r->visw;
}

/* ------------------------------------------------------------- prefixes */

void rend_push_pfx(struct rend *r, int kind, const char *first, int width)
{
	struct pfx *p;
	size_t n = strlen(first);

	if (rend_grow(r, (void **)&r->pf, &r->pf_cap, r->npf + 1, sizeof *r->pf) < 0)
		return;
	p = &r->pf[r->npf];
	p->kind = kind;
	if (n >= sizeof p->first)
		n = sizeof p->first - 1;
	memcpy(p->first, first, n);
	p->first[n] = '\0';
	p->first_len = n;
	p->width = width;
	p->pending = kind == PFX_ITEM;
	/* first_pending == npf means "none"; a quote keeps it so */
	if (!p->pending && r->first_pending == r->npf)
		r->first_pending = r->npf + 1;
	r->npf++;
	if (r->nvis == r->npf - 1 && r->visw + width <= r->maxpfx) {
		r->nvis++;
		r->visw += width;
	}
}

void rend_pop_pfx(struct rend *r)
{
	if (r->npf == 0)
		return;
	r->npf--;
	if (r->nvis > r->npf) {
		r->nvis = r->npf;
		r->visw -= r->pf[r->npf].width;
	}
	if (r->first_pending > r->npf)
		r->first_pending = r->npf;
}

/* ---------------------------------------------------------- styled runs */

void rend_add_run(struct rend *r, const char *s, size_t len, int attr, int link)
{
	size_t off = r->text.len;
	struct run *u;

	if (r->err || len == 0)
		return;
	if (memchr(s, '\t', len)) {
		/* the sanitiser expands tabs from the start of the run, which
		 * is no column of the output: in flowing text a tab is a space */
		char *t = malloc(len);
		size_t i;
		int rc;
		if (!t) {
			r->err = 1;
			return;
		}
		for (i = 0; i < len; i++)
			t[i] = s[i] == '\t' ? ' ' : s[i];
		rc = text_sanitize_buf(&r->text, t, len, r->tflags);
		free(t);
		if (rc < 0) {
			r->err = 1;
			return;
		}
	} else if (text_sanitize_buf(&r->text, s, len, r->tflags) < 0) {
		r->err = 1;
		return;
	}
	if (r->text.len == off)
		return;
	if (r->nruns > 0) {
		u = &r->runs[r->nruns - 1];
		if (u->kind == RUN_TEXT && u->attr == attr && u->link == link &&
		    u->off + u->len == off) {
			u->len += r->text.len - off;
			return;
		}
	}
	if (rend_grow(r, (void **)&r->runs, &r->runs_cap, r->nruns + 1, sizeof *r->runs) < 0)
		return;
	u = &r->runs[r->nruns++];
	u->off = off;
	u->len = r->text.len - off;
	u->attr = attr;
	u->link = link;
	u->kind = RUN_TEXT;
}

void rend_add_break(struct rend *r)
{
	struct run *u;

	if (rend_grow(r, (void **)&r->runs, &r->runs_cap, r->nruns + 1, sizeof *r->runs) < 0)
		return;
	u = &r->runs[r->nruns++];
	u->off = r->text.len;
	u->len = 0;
	u->attr = 0;
	u->link = -1;
	u->kind = RUN_BREAK;
}

/* ------------------------------------------------------------- wrapping */

static void place_spaces(struct rend *r)
{
	size_t i;

	for (i = 0; i < r->nsp; i++)
		rend_add_seg(r, r->sp[i].s, r->sp[i].len, r->sp[i].width,
			r->sp[i].attr, r->sp[i].link);
	r->nsp = 0;
	r->spw = 0;
}

static void drop_spaces(struct rend *r)
{
	r->nsp = 0;
	r->spw = 0;
}

/* Characters that should not start a line (closing punctuation, small
 * kana) or end one (opening brackets). */
static int no_break_before(uint32_t c)
{
	static const uint32_t cjk[] = {
		0x3001, 0x3002, 0x3005, 0x3009, 0x300b, 0x300d, 0x300f, 0x3011,
		0x3015, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083,
		0x3085, 0x3087, 0x308e, 0x309d, 0x309e, 0x30a1, 0x30a3, 0x30a5,
		0x30a7, 0x30a9, 0x30c3, 0x30e3, 0x30e5, 0x30e7, 0x30ee, 0x30f5,
		0x30f6, 0x30fb, 0x30fc, 0x30fd, 0x30fe, 0xff01, 0xff09, 0xff0c,
		0xff0e, 0xff1a, 0xff1b, 0xff1f, 0xff3d, 0xff5d,
	};
	size_t i;

	if (c < 0x80)
		return c && strchr(".,;:!?)]}%'\"", (int)c) != NULL;
	for (i = 0; i < ARRAY_SIZE(cjk); i++)
		if (cjk[i] == c)
			return 1;
	return 0;
}

static int no_break_after(uint32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == 0x3008 || c == 0x300a ||
	       c == 0x300c || c == 0x300e || c == 0x3010 || c == 0x3014 ||
	       c == 0xff08 || c == 0xff3b || c == 0xff5b;
}

/* Text without spaces may break next to a wide (CJK, emoji) character:
 * between a (width aw) and b (width bw). */
static int can_break(uint32_t a, int aw, uint32_t b, int bw)
{
	return (aw == 2 || bw == 2) && !no_break_before(b) && !no_break_after(a);
}

/* The greedy wrap of rend_layout_runs below, for stretches of printable
 * ASCII, where a character is a column and only a space ends a word:
 * from s[off] in run u, with no spaces of an earlier run waiting.  What
 * goes on a line becomes one segment.  When the columns left on the line
 * and the byte after them are printable ASCII of this run, the last word
 * that fits is found by looking back from there for a space: a line at a
 * time.  Otherwise a word at a time, for words wholly in the run and
 * followed by a space of it (so no combining mark or break rule can join
 * a word to what follows).  Returns where the general loop takes over:
 * at a word that is wider than a line or may continue past the run, or
 * at spaces that end the run. */
static size_t wrap_ascii_words(struct rend *r, const struct run *u, const char *s,
			       size_t off, int width)
{
	size_t p = off, start = off, end = off;   /* on the line, no segment yet */

	for (;;) {
		size_t q = p, e, base, x;
		int lw, sw, ww;

		while (q < u->len && s[q] == ' ')
			q++;
		if (q == u->len)
			break;
		lw = r->lw + (int)(end - start);
		base = lw > 0 ? p : q;   /* spaces start no line */
		x = base + (size_t)(width - lw);   /* the first column that does not fit */
		if (lw <= width && x < u->len &&
		    text_ascii_span(s + base, x - base + 1) == x - base + 1) {
			/* the last word that ends by x, if any */
			for (e = x; e > q && (s[e] != ' ' || s[e - 1] == ' '); e--)
				;
			if (e > q) {
				if (end == start)
					start = base;
				end = e;
				for (q = e; q < u->len && s[q] == ' '; q++)
					;
				if (q == u->len) {   /* the next word may yet fit */
					p = e;
					break;
				}
			} else if (lw == 0) {
				break;   /* a word wider than the line */
			}
			/* the word at q does not fit: it reaches past x */
			rend_add_seg(r, s + start, end - start, (int)(end - start), u->attr,
				     u->link);
			rend_flush_line(r, 0);
			start = end = p = q;
			continue;
		}
		for (e = q; e < u->len && (unsigned char)s[e] > ' ' &&
		     (unsigned char)s[e] < 0x7f; e++)
			;
		ww = (int)(e - q);
		if (ww == 0 || e == u->len || s[e] != ' ' || ww > width)
			break;
		sw = lw > 0 ? (int)(q - p) : 0;
		if (lw + sw + ww <= width) {
			if (end == start)
				start = sw ? p : q;
		} else {
			rend_add_seg(r, s + start, end - start, (int)(end - start), u->attr,
				     u->link);
			if (r->lw > 0)
				rend_flush_line(r, 0);
			start = q;
		}
		end = e;
		p = e;
	}
	rend_add_seg(r, s + start, end - start, (int)(end - start), u->attr, u->link);
	return p;
}

/* Lay the collected runs out as wrapped lines. */
void rend_layout_runs(struct rend *r)
{
	const char *text = r->text.s;
	size_t ri = 0, off = 0, n;
	int w, width = rend_avail(r);

	drop_spaces(r);
	while (ri < r->nruns && !r->err) {
		struct run *u = &r->runs[ri];
		const char *s = text + u->off;

		if (u->kind == RUN_BREAK) {
			drop_spaces(r);
			rend_flush_line(r, 0);
			ri++;
			off = 0;
			continue;
		}
		if (off >= u->len) {
			ri++;
			off = 0;
			continue;
		}
		if (r->nsp == 0) {
			size_t e = wrap_ascii_words(r, u, s, off, width);

			if (e != off) {
				off = e;
				continue;
			}
		}
		if (s[off] == ' ') {
			size_t e = off;
			while (e < u->len && s[e] == ' ')
				e++;
			if (r->lw > 0) {
				if (rend_grow(r, (void **)&r->sp, &r->sp_cap, r->nsp + 1,
					     sizeof *r->sp) < 0)
					return;
				r->sp[r->nsp].s = s + off;
				r->sp[r->nsp].len = e - off;
				r->sp[r->nsp].width = (int)(e - off);
				r->sp[r->nsp].attr = u->attr;
				r->sp[r->nsp].link = u->link;
				r->nsp++;
				r->spw += (int)(e - off);
			}
			off = e;
			continue;
		}
		/* a word: up to the next space, hard break or break
		 * opportunity between wide characters, across runs */
		{
			size_t wri = ri, woff = off, word_ri = ri, word_off = off;
			int ww = 0, pw = 0;
			uint32_t pcp = 0, cp;
			for (;;) {
				struct run *v = &r->runs[wri];
				const char *t = text + v->off;
				if (v->kind == RUN_BREAK)
					break;
				if (woff >= v->len) {
					woff = 0;
					if (++wri >= r->nruns)
						break;
					continue;
				}
				if (t[woff] == ' ')
					break;
				if ((unsigned char)t[woff] > ' ' && (unsigned char)t[woff] < 0x7f) {
					/* a stretch of printable ASCII: one column a
					 * byte, and no break inside it; its last byte
					 * is left for below when a combining mark
					 * (a byte >= 0x80) follows it */
					size_t e = woff + 1;

					while (e < v->len && (unsigned char)t[e] > ' ' &&
					       (unsigned char)t[e] < 0x7f)
						e++;
					if (e < v->len && (unsigned char)t[e] >= 0x80)
						e--;
					if (e > woff) {
						if (ww > 0 && can_break(pcp, pw,
									(unsigned char)t[woff], 1))
							break;
						ww += (int)(e - woff);
						pcp = (unsigned char)t[e - 1];
						pw = 1;
						woff = e;
						continue;
					}
				}
				text_decode(t + woff, v->len - woff, &cp);
				n = text_cluster(t + woff, v->len - woff, &w);
				if (ww > 0 && can_break(pcp, pw, cp, w))
					break;
				woff += n;
				ww += w;
				pcp = cp;
				pw = w;
			}
			if (r->lw + r->spw + ww <= width) {
				place_spaces(r);
			} else {
				drop_spaces(r);
				if (r->lw > 0)
					rend_flush_line(r, 0);
			}
			/* place the word, piece by piece; split it by
			 * clusters only when it is wider than a line */
			while (ri < wri || (ri == wri && off < woff)) {
				struct run *v = &r->runs[ri];
				const char *t = text + v->off;
				size_t end = ri == wri ? woff : v->len;
				if (off >= end) {
					ri++;
					off = 0;
					continue;
				}
				if (ww <= width) {
					/* a word in one run is one piece: its
					 * width is known */
					int pw2 = ri == word_ri && ri == wri && off == word_off ? ww
						  : text_width(t + off, end - off);

					rend_add_seg(r, t + off, end - off, pw2, v->attr, v->link);
					off = end;
					continue;
				}
				n = text_cluster(t + off, end - off, &w);
				if (r->lw + w > width && r->lw > 0)
					rend_flush_line(r, 0);
				rend_add_seg(r, t + off, n, w, v->attr, v->link);
				off += n;
			}
		}
	}
	drop_spaces(r);
	if (r->lw > 0 || r->nseg > 0)
		rend_flush_line(r, 0);
}

void rend_inline_begin(struct rend *r, int base_attr, int level)
{
	r->nruns = 0;
	buf_reset(&r->text);
	r->base_attr = base_attr;
	r->level = level;
	r->emph = r->strong = r->in_image = 0;
	r->cur_link = -1;
	r->block_maxw = 0;
}
