/* md-priv.h - private to md.c and md-wrap.c: the state of one
 * md_render (struct rend) and the line-building calls md.c's walk of the
 * cmark tree makes into md-wrap.c.  Nothing here reaches the store or
 * curses.
 */
#ifndef COPSE_MD_PRIV_H
#define COPSE_MD_PRIV_H

#include <stddef.h>

#include "copse/md.h"
#include "copse/util.h"

enum { PFX_QUOTE, PFX_ITEM };

struct pfx {
	int kind;
	char first[32];          /* item marker, or the quote bar */
	size_t first_len;
	int width;               /* display width of first and continuation */
	int pending;             /* first line not yet emitted */
};

struct list_state {
	int ordered;
	int num;                 /* number of the next item */
	int numw;                /* digits of the widest number */
	char delim;
};

enum { RUN_TEXT, RUN_BREAK };

struct run {
	size_t off, len;         /* into r->text */
	int attr, link, kind;
};

/* A piece of the line being built; text is borrowed until the flush. */
struct seg {
	const char *s;
	size_t len;
	int width, attr, link;
};

struct rend {
	struct md_doc *doc;
	const struct md_opts *o;
	int width, ascii, tflags, err;
	size_t lines_cap, links_cap;

	struct pfx *pf;          /* the block prefix stack */
	size_t npf, pf_cap;
	size_t nvis;             /* leading entries drawn (fit the width) */
	size_t first_pending;    /* lowest entry with a pending marker */
	int visw;                /* their total width */
	int maxpfx;              /* widest prefix allowed */
	int need_blank;

	struct list_state *ls;
	size_t nls, ls_cap;

	/* inline content of the current paragraph / heading */
	struct buf text;
	struct run *runs;
	size_t nruns, runs_cap;
	int base_attr, level, emph, strong, cur_link, in_image;

	/* the line under construction */
	struct seg *seg;
	size_t nseg, seg_cap;
	int lw;
	struct seg *sp;          /* spaces waiting for the next word */
	size_t nsp, sp_cap;
	int spw;
	int block_maxw;          /* widest line of the current block */

	struct buf tmp;          /* scratch for code lines and rules */

	size_t *qmark;           /* per open block quote: lines before it */
	size_t nq, q_cap;
};

/* ---- md-mem.c ---- */

/* Parse src with libcmark into an arena of its own: the tree, and what
 * is later allocated for it (an iterator, consolidated text), lives
 * there until md_arena_free, which frees it all (no cmark_node_free).
 * One at a time.  NULL when libcmark gives no document. */
struct md_arena;
struct cmark_node;
struct cmark_node *md_parse(const char *src, size_t len, struct md_arena **arena);
void md_arena_free(struct md_arena *arena);     /* accepts NULL */

/* ---- md-wrap.c ---- */

/* Make room for need elements of size bytes in *arr (capacity *cap);
 * on failure the array is left as it was, r->err is set and -1 returned. */
int rend_grow(struct rend *r, void **arr, size_t *cap, size_t need, size_t size);
/* utf8, or ascii on an ASCII terminal. */
const char *rend_sym(const struct rend *r, const char *utf8, const char *ascii);
/* 32 spaces, for indents (borrowed by segments). */
extern const char rend_spaces[];

/* Append a segment (s borrowed until the flush) to the line being built. */
void rend_add_seg(struct rend *r, const char *s, size_t len, int width,
		  int attr, int link);
/* End the line being built: prefix + segments become a new md_line.
 * blank: a separator between blocks (only started blocks' prefixes). */
void rend_flush_line(struct rend *r, int blank);
/* Columns left for content after the drawn prefixes. */
int rend_avail(const struct rend *r);

/* Open (a quote bar or an item marker of that width) and close a block
 * prefix. */
void rend_push_pfx(struct rend *r, int kind, const char *first, int width);
void rend_pop_pfx(struct rend *r);

/* Inline content of a paragraph or heading: start it, collect styled
 * runs (sanitised here) and hard breaks, then wrap it into lines. */
void rend_inline_begin(struct rend *r, int base_attr, int level);
void rend_add_run(struct rend *r, const char *s, size_t len, int attr, int link);
void rend_add_break(struct rend *r);
void rend_layout_runs(struct rend *r);

#endif
