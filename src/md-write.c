/* md-write.c - writing Markdown: untrusted text escaped so it reads as
 * typed, copse: links, [[wiki]] links, and a body without its repeated
 * "# Title" line.  For the code that writes Markdown pages (the app's
 * kinds, the help screen).  See md.h.
 */
#include <string.h>

#include "copse/md.h"

void md_put_text(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\r')
			buf_puts(b, "^M");   /* visible, as text_sanitize shows it */
		else if (*s == '\n' || *s == '\t')
			buf_putc(b, ' ');
		else {
			if (strchr("\\`*_[]<>!|~&#", *s))
				buf_putc(b, '\\');
			buf_putc(b, *s);
		}
	}
}

void md_put_link(struct buf *b, const char *text, const char *kind, int64_t id)
{
	buf_putc(b, '[');
	md_put_text(b, str_empty(text) ? "?" : text);
	buf_printf(b, "](copse:%s/%lld)", kind, (long long)id);
}

void md_put_wiki(struct buf *b, const char *title)
{
	if (!title)
		return;
	if (strstr(title, "]]") || strstr(title, "[[") || strchr(title, '\n')) {
		md_put_text(b, title);
		return;
	}
	buf_printf(b, "[[%s]]", title);
}

/* body without a leading heading of level 1 to max that says title. */
static const char *skip_heading(const char *body, const char *title, int max)
{
	const char *p = body, *eol;
	size_t n, tl;
	int level = 0;

	if (!body || !title)
		return body ? body : "";
	while (*p == '\n' || *p == ' ')
		p++;
	while (p[level] == '#' && level < max)
		level++;
	if (!level || p[level] != ' ')
		return body;
	p += level + 1;
	while (*p == ' ')
		p++;
	eol = p + strcspn(p, "\n");
	n = (size_t)(eol - p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '#' || p[n - 1] == '\r'))
		n--;
	tl = strlen(title);
	if (n != tl)
		return body;
	for (size_t i = 0; i < n; i++) {
		char x = p[i], y = title[i];
		if (x >= 'A' && x <= 'Z') x += 32;
		if (y >= 'A' && y <= 'Z') y += 32;
		if (x != y)
			return body;
	}
	return *eol ? eol + 1 : eol;
}

const char *md_skip_title(const char *body, const char *title)
{
	return skip_heading(body, title, 1);
}

const char *md_skip_heading(const char *body, const char *title)
{
	return skip_heading(body, title, 6);
}
