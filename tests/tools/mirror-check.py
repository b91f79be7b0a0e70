#!/usr/bin/env python3
"""mirror-check.py - read back a Markdown mirror (copse export --markdown)
against the JSON export of the same database, as zk, nb or Obsidian
would read it: every entry has one file, its front matter holds every
field with the database's value, its body is the entry's body with the
[[links]] as written, index.md links every file, and each meeting has
its minutes.  Prints what differs; exit 1 when anything does.

    mirror-check.py DIR EXPORT.json
"""
import json
import os
import re
import sys

problems = []


def bad(msg):
    problems.append(msg)


def parse_yaml_scalar(v):
    """The scalars copse writes: "double-quoted", [flow, lists], numbers."""
    v = v.strip()
    if v.startswith('['):
        inner = v[1:-1].strip()
        if not inner:
            return []
        return json.loads('[' + inner + ']')
    if v.startswith('"'):
        # copse's escapes are JSON's, plus \xNN
        return json.loads(re.sub(r'\\x([0-9a-f]{2})', r'\\u00\1', v))
    if re.fullmatch(r'-?\d+', v):
        return int(v)
    return v


def read_note(path):
    text = open(path, encoding='utf-8').read()
    if not text.startswith('---\n'):
        bad(f'{path}: no front matter')
        return {}, text
    end = text.index('\n---\n', 4)
    meta = {}
    for line in text[4:end].split('\n'):
        key, _, value = line.partition(': ')
        if not re.fullmatch(r'[a-z_]+', key):
            bad(f'{path}: front matter line {line!r}')
            continue
        meta[key] = parse_yaml_scalar(value)
    body = text[end + 5:]
    return meta, body[1:] if body.startswith('\n') else body


def main():
    mirror, export = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
    manifest = [l for l in open(os.path.join(mirror, '.copse-mirror'), encoding='utf-8')
                .read().split('\n') if l and not l.startswith('#')]
    meetings = {m['id']: m for m in export['meetings']}
    by_id = {}
    for name in manifest:
        if not os.path.isfile(os.path.join(mirror, name)):
            bad(f'{name}: in the manifest, not in the directory')
    for name in sorted(os.listdir(mirror)):
        if not name.endswith('.md') or name not in manifest:
            continue
        meta, body = read_note(os.path.join(mirror, name))
        if 'copse_id' in meta:
            by_id[meta['copse_id']] = (name, meta, body)
    sources = {}
    for s in export.get('entry_sources', []):
        sources.setdefault(s['entry_id'], []).append(s)
    index = open(os.path.join(mirror, 'index.md'), encoding='utf-8').read()
    index_links = set(re.findall(r'\[\[([^\]|]+)(?:\|[^\]]*)?\]\]', index))
    for e in export['entries']:
        if e['id'] not in by_id:
            bad(f'entry {e["id"]}: no file')
            continue
        name, meta, body = by_id[e['id']]
        want = {
            'title': e['title'], 'aliases': [e['title']], 'kind': e['kind'],
            'tags': e['tags'], 'status': e['status'], 'author': e['author'],
            'created': e['created'], 'updated': e['updated'],
            'date': e['created'][:10], 'copse_id': e['id'],
        }
        uses = sum(1 for u in export['entry_uses'] if u['entry_id'] == e['id'])
        if uses:
            want['used'] = uses
        if e['source_meeting_id'] and e['source_meeting_id'] in meetings:
            m = meetings[e['source_meeting_id']]
            want['harvested_from'] = f'{m["title"]} ({m["starts"][:10]})'
            authors = []
            for s in sources.get(e['id'], []):
                if s['author'] not in authors:
                    authors.append(s['author'])
            if authors:
                want['harvested_authors'] = authors
        for k, v in want.items():
            if meta.get(k) != v:
                bad(f'{name}: {k} is {meta.get(k)!r}, want {v!r}')
        for k in meta:
            if k not in want:
                bad(f'{name}: unexpected field {k}')
        if body.rstrip('\n') != e['body'].rstrip('\n'):
            bad(f'{name}: body differs')
        links = re.findall(r'\[\[([^\]]+)\]\]', e['body'])
        if re.findall(r'\[\[([^\]]+)\]\]', body) != links:
            bad(f'{name}: links differ')
        if '/' in name or name.startswith('.'):
            bad(f'{name}: not a plain file name')
        if name[:-3] not in index_links:
            bad(f'{name}: not linked from index.md')
    for m in export['meetings']:
        if not any(n.startswith('Minutes ') and n[:-3] in index_links and
                   read_note(os.path.join(mirror, n))[0].get('copse_meeting_id') == m['id']
                   for n in manifest if n.endswith('.md')):
            bad(f'meeting {m["id"]}: no minutes')
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
