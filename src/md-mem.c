/* md-mem.c - the memory libcmark parses a document into: an arena,
 * taken in large chunks and given back at once when the document is
 * laid out, instead of a malloc and a free for every node and every
 * piece of text (a third of the renderer's time went there).
 *
 * libcmark's allocator (cmark_mem) has no context pointer, so the arena
 * of the parse under way is a static: one document is parsed and laid
 * out at a time (copse has one thread).  Each block carries its size
 * before it; realloc grows the last block of a chunk in place (a
 * growing buffer), free gives the last block back and otherwise waits
 * for the whole arena.  Memory that runs out ends the program, as with
 * libcmark's own allocator (it cannot be told).  See md-priv.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "md-priv.h"

#define CHUNK_MIN (64 * 1024)
#define ALIGN 16

struct chunk {
	struct chunk *next;
	size_t used, cap;                 /* bytes of data */
	_Alignas(ALIGN) unsigned char data[];
};

/* A block: its size, then (ALIGN bytes on) what the caller got. */
struct head {
	size_t size;
};

struct md_arena {
	struct chunk *chunks;             /* the first is where blocks go */
};

static struct md_arena *cur;

static size_t round_up(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static struct chunk *new_chunk(size_t need)
{
	size_t cap = need > CHUNK_MIN ? need : CHUNK_MIN;
	struct chunk *c = malloc(sizeof *c + cap);

	if (!c)
		return NULL;
	c->next = NULL;
	c->used = 0;
	c->cap = cap;
	return c;
}

static void *arena_alloc(size_t size)
{
	struct chunk *c = cur->chunks;
	size_t need = ALIGN + round_up(size ? size : 1);
	unsigned char *p;

	if (!c || c->cap - c->used < need) {
		struct chunk *n = new_chunk(need);

		if (!n)
			abort();    /* as libcmark's own allocator: it cannot be
				     * told that memory ran out */
		if (c && need > CHUNK_MIN / 2) {
			/* a big block has a chunk of its own: the current one
			 * keeps taking the small ones */
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			cur->chunks = n;
		}
		c = n;
	}
	p = c->data + c->used;
	((struct head *)p)->size = size;
	c->used += need;
	return p + ALIGN;
}

/* The block p is the last of the current chunk. */
static int is_last(const unsigned char *p)
{
	const struct chunk *c = cur->chunks;
	size_t size = ((const struct head *)(p - ALIGN))->size;

	return c && p - ALIGN >= c->data && p + round_up(size ? size : 1) == c->data + c->used;
}

static void *mem_calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		abort();
	p = arena_alloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

static void *mem_realloc(void *ptr, size_t size)
{
	unsigned char *p = ptr;
	size_t old;
	void *q;

	if (!p)
		return arena_alloc(size);
	old = ((struct head *)(p - ALIGN))->size;
	if (is_last(p)) {
		struct chunk *c = cur->chunks;
		size_t start = (size_t)(p - c->data);

		if (start + round_up(size ? size : 1) <= c->cap) {
			c->used = start + round_up(size ? size : 1);
			((struct head *)(p - ALIGN))->size = size;
			return p;
		}
	}
	if (size <= old) {
		((struct head *)(p - ALIGN))->size = size;
		return p;
	}
	q = arena_alloc(size);
	if (q)
		memcpy(q, p, old);
	return q;
}

static void mem_free(void *ptr)
{
	unsigned char *p = ptr;

	if (p && is_last(p))
		cur->chunks->used = (size_t)(p - ALIGN - cur->chunks->data);
}

static cmark_mem arena_mem = { mem_calloc, mem_realloc, mem_free };

void (*md_parse_hook)(void);

cmark_node *md_parse(const char *src, size_t len, struct md_arena **arena)
{
	cmark_parser *parser;
	cmark_node *root;

	if (md_parse_hook)
		md_parse_hook();

	*arena = calloc(1, sizeof **arena);
	if (!*arena)
		return NULL;
	cur = *arena;
	parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &arena_mem);
	if (!parser) {
		md_arena_free(*arena);
		*arena = NULL;
		return NULL;
	}
	cmark_parser_feed(parser, src, len);
	root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (!root) {
		md_arena_free(*arena);
		*arena = NULL;
		return NULL;
	}
	return root;
}

void md_arena_free(struct md_arena *arena)
{
	if (!arena)
		return;
	while (arena->chunks) {
		struct chunk *n = arena->chunks->next;

		free(arena->chunks);
		arena->chunks = n;
	}
	if (cur == arena)
		cur = NULL;
	free(arena);
}
