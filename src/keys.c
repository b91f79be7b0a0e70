/* keys.c - the key table: lookup, names, help and the man page list. */
#include <stdlib.h>
#include <string.h>

#include "copse/keys.h"
#include "copse/text.h"
#include "copse/util.h"

static const struct key_row {
	int scope;
	const char *keys;
	const char *help;
} key_rows[] = {
	{ KEYS_GLOBAL, "", "" },     /* REQ_NONE */
#define KEYS_ROW(n, scope, keys, help) { KEYS_##scope, keys, help },
	KEY_REQUESTS(KEYS_ROW)
#undef KEYS_ROW
};

static const struct {
	const char *name;
	int code;
} key_names[] = {
	{ "Enter", '\n' },
	{ "Tab", '\t' },
	{ "S-Tab", KEYC_BTAB },
	{ "Esc", KEY_ESC },
	{ "Backspace", KEYC_BACKSPACE },
	{ "Space", ' ' },
	{ "Up", KEYC_UP },
	{ "Down", KEYC_DOWN },
	{ "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT },
	{ "Home", KEYC_HOME },
	{ "End", KEYC_END },
	{ "PgUp", KEYC_PGUP },
	{ "PgDn", KEYC_PGDN },
	{ "Delete", KEYC_DELETE },
	{ "Resize", KEYC_RESIZE },
};

int keys_parse_name(const char *name)
{
	uint32_t cp;
	size_t len;
	int n;

	if (!name || !*name)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (strcmp(name, key_names[i].name) == 0)
			return key_names[i].code;
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
		int c = name[2];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if ((c >= 'a' && c <= 'z') || c == '[' || c == '\\' || c == ']')
			return KEY_CTRL(c);
		return -1;
	}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		int f = atoi(name + 1);
		if (f >= 1 && f <= 12)
			return KEYC_F1 + f - 1;
	}
	len = strlen(name);
	n = text_decode(name, len, &cp);
	if ((size_t)n == len && cp >= ' ' && cp != 0x7f && cp != 0xfffd)
		return (int)cp;
	return -1;
}

int keys_normalize(int code)
{
	switch (code) {
	case '\r': case KEYC_ENTER:
		return '\n';
	case 0x7f: case 8:
		return KEYC_BACKSPACE;
	default:
		return code;
	}
}

/* The next name of a key list such as "j Down" into name; advances *p.
 * 0 at the end of the list. */
static int next_name(const char **p, char *name, size_t n)
{
	size_t len;

	while (**p == ' ')
		(*p)++;
	len = strcspn(*p, " ");
	if (!len)
		return 0;
	snprintf(name, n, "%.*s", (int)len, *p);
	*p += len;
	return 1;
}

int keys_utf8(int code, char out[4])
{
	if (code < 0 || KEY_IS_FUNC(code))
		return 0;
	return text_encode((uint32_t)code, out);
}

static int row_has_key(const struct key_row *r, int code)
{
	char name[32];

	for (const char *p = r->keys; next_name(&p, name, sizeof name);)
		if (keys_parse_name(name) == code)
			return 1;
	return 0;
}

static int lookup_in(int scope, int code)
{
	for (size_t i = 1; i < ARRAY_SIZE(key_rows); i++)
		if (key_rows[i].scope == scope && row_has_key(&key_rows[i], code))
			return (int)i;
	return REQ_NONE;
}

int keys_parent(int scope)
{
	if (scope == KEYS_HISTORY)
		return KEYS_READER;
	if (scope == KEYS_SEARCH)
		return KEYS_INPUT;
	return scope >= KEYS_HOME ? KEYS_LIST : KEYS_GLOBAL;
}

int keys_lookup(int scope, int code)
{
	int req = REQ_NONE;

	code = keys_normalize(code);
	if (scope != KEYS_GLOBAL)
		req = lookup_in(scope, code);
	if (req == REQ_NONE && keys_parent(scope) != KEYS_GLOBAL)
		req = lookup_in(keys_parent(scope), code);
	if (req == REQ_NONE) {
		req = lookup_in(KEYS_GLOBAL, code);
		if (keys_takes_text(scope) && req != REQ_REDRAW &&
		    !(req == REQ_HELP && KEY_IS_FUNC(code)))
			req = REQ_NONE;
	}
	return req;
}

int keys_takes_text(int scope)
{
	return scope == KEYS_INPUT || scope == KEYS_SEARCH;
}

/* Append ", name" (or name first) to out of size n. */
static void add_shown(char *out, size_t n, const char *name)
{
	size_t o = strlen(out);

	snprintf(out + o, n - o, "%s%s", o ? ", " : "", name);
}

static int scope_applies(int row_scope, int scope)
{
	return row_scope == KEYS_GLOBAL || row_scope == scope || row_scope == keys_parent(scope);
}

void keys_help(int scope,
	       void (*fn)(int req, const char *keys, const char *help, void *ctx),
	       void *ctx)
{
	for (size_t i = 1; i < ARRAY_SIZE(key_rows); i++) {
		const struct key_row *r = &key_rows[i];
		char shown[128] = "", name[32];

		if (!scope_applies(r->scope, scope))
			continue;
		/* show only the keys that really reach this request here */
		for (const char *p = r->keys; next_name(&p, name, sizeof name);)
			if (keys_lookup(scope, keys_parse_name(name)) == (int)i)
				add_shown(shown, sizeof shown, name);
		if (shown[0])
			fn((int)i, shown, r->help, ctx);
	}
}

void keys_print_mdoc(FILE *fp)
{
	static const char *const scope_names[] = {
		[KEYS_GLOBAL] = "Everywhere",
		[KEYS_LIST] = "Lists",
		[KEYS_READER] = "The reader",
		[KEYS_MEETING] = "The meeting screen",
		[KEYS_INPUT] = "The input line (the meeting screen, prompts)",
		[KEYS_DRAFTS] = "Kept drafts (listed at start)",
		[KEYS_HISTORY] = "A revision in an entry's history (and the reader's keys)",
		[KEYS_HOME] = "The Home panel",
		[KEYS_MEMBERS] = "The Members panel",
		[KEYS_TOPICS] = "The Topics panel",
		[KEYS_HEALTH] = "The Health panel",
		[KEYS_SEARCH] = "The search screen (and the input line's editing keys)",
	};
	static const int order[] = { KEYS_GLOBAL, KEYS_LIST, KEYS_HOME, KEYS_MEMBERS,
				     KEYS_TOPICS, KEYS_HEALTH, KEYS_READER, KEYS_HISTORY,
				     KEYS_MEETING, KEYS_INPUT, KEYS_DRAFTS,
				     KEYS_SEARCH };

	for (size_t s = 0; s < ARRAY_SIZE(order); s++) {
		fprintf(fp, ".Ss %s\n.Bl -tag -width \"Enter, l, Right\" -compact\n",
			scope_names[order[s]]);
		for (size_t i = 1; i < ARRAY_SIZE(key_rows); i++) {
			char shown[128] = "", name[32];
			const char *h;

			if (key_rows[i].scope != order[s])
				continue;
			for (const char *p = key_rows[i].keys; next_name(&p, name, sizeof name);)
				add_shown(shown, sizeof shown, name);
			fprintf(fp, ".It Cm %s\n", shown);
			/* mdoc: a line starting with '.' or '\'' is a request;
			 * '\' must be escaped. */
			h = key_rows[i].help;
			if (*h == '.' || *h == '\'')
				fputs("\\&", fp);
			for (; *h; h++) {
				if (*h == '\\')
					fputs("\\e", fp);
				else
					fputc(*h, fp);
			}
			fputc('\n', fp);
		}
		fputs(".El\n", fp);
	}
}

int keys_writes(int req)
{
	switch (req) {
	case REQ_ADD: case REQ_EDIT: case REQ_DELETE: case REQ_UNDO: case REQ_NOTE_LINE:
	case REQ_LOG_TOGGLE: case REQ_LOG_EDIT: case REQ_LOG_DELETE:
	case REQ_RSVP: case REQ_INVITE: case REQ_INPUT_SEND: case REQ_RECOVER:
	case REQ_USED: case REQ_RESTORE: case REQ_HARVEST:
	case REQ_INTRODUCE_SUGGESTED: case REQ_DISMISS: case REQ_DISMISS_FOR:
	case REQ_INTRODUCE: case REQ_PIPELINE:
	case REQ_DEVNOTE: case REQ_VOTE: case REQ_LINK_TOPIC: case REQ_ASSESS:
		return 1;
	default:
		return 0;
	}
}

void keys_drop_writes(int scope, char *hints)
{
	char *out = hints, *p = hints;

	while (*p) {
		char *end = strstr(p, "  "), name[32];
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t klen = strcspn(p, " ");
		int code;

		if (klen > len)
			klen = len;
		snprintf(name, sizeof name, "%.*s", (int)klen, p);
		code = keys_parse_name(name);
		if (code < 0 || !keys_writes(keys_lookup(scope, code))) {
			if (out != hints) {
				*out++ = ' ';
				*out++ = ' ';
			}
			memmove(out, p, len);
			out += len;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	*out = '\0';
}
