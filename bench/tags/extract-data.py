#!/usr/bin/env python3
"""Builds the tag model's training and held-out sets from public arXiv metadata (standard library only).

Reads a git snapshot of the source repository (a bare git directory or a clone's .git; see README.md for the exact
repository and commit), takes every paper's title, abstract and arXiv categories (primary first), keeps papers submitted before
2025 (new-style arXiv ids below 2501), removes duplicates, caps the number of papers of the over-represented
primary categories (CAPS: the largest source was gathered mostly from cs.CL and audio listings), and splits by a hash of the id: 90 % train,
10 % held out. Output: JSON lines {id, title, abstract, categories} in <out>/train.jsonl and <out>/heldout.jsonl,
and <out>/provenance.tsv (source, commit, files, papers).

usage: extract-data.py OUT_DIR ARXIVER_GIT
"""
import hashlib
import json
import os
import random
import re
import subprocess
import sys

ID = re.compile(r'(\d{4}\.\d{4,5})')
CAPS = {'cs.CL': 6000, 'eess.AS': 2500, 'cs.SD': 2500}


def git(repo, *args):
    """The command's output; empty when git fails (a snapshot lacks its largest files)."""
    done = subprocess.run(['git', '--git-dir', repo] + list(args), capture_output=True)
    return done.stdout if done.returncode == 0 else b''


def last_versions(repo, prefix):
    """(path, commit) of the last stored version of every file under prefix, deleted ones included."""
    out = git(repo, 'log', '--all', '--format=C %H', '--name-status', '--', prefix).decode()
    last, cur = {}, None
    for line in out.splitlines():
        if line.startswith('C '):
            cur = line[2:]
        elif line.strip():
            status, path = line.split('\t')[0], line.split('\t')[-1]
            if not status.startswith('D') and path not in last:
                last[path] = cur
    return sorted(last.items())


def clean(text):
    return re.sub(r'\s+', ' ', text or '').strip()


def arxiver(repo):
    """penguinwang96825/arxiver: data/<date>.jsonl, one paper a line (title, abstract, link, categories)."""
    for path, commit in last_versions(repo, 'data/'):
        for line in git(repo, 'show', f'{commit}:{path}').decode('utf-8', 'replace').splitlines():
            try:
                r = json.loads(line)
            except ValueError:
                continue
            m = ID.search(r.get('link', ''))
            if m and r.get('categories'):
                cats = [r['primary_category']] + [c for c in r['categories'] if c != r['primary_category']]
                yield m.group(1), r['title'], r['abstract'], cats


def main():
    out = sys.argv[1]
    sources = [('penguinwang96825/arxiver', sys.argv[2], arxiver)]
    papers, provenance = {}, []
    for name, repo, read in sources:
        head = git(repo, 'rev-parse', 'HEAD').decode().strip()
        count = 0
        for ident, title, abstract, cats in read(repo):
            if ident >= '2501' or ident in papers:  # submitted in 2025 or later, or seen already
                continue
            cats = [c for c in dict.fromkeys(c.strip() for c in cats) if re.fullmatch(r'[a-z-]+(\.[A-Za-z-]+)?', c)]
            if cats and clean(title) and clean(abstract):
                papers[ident] = {'id': ident, 'title': clean(title), 'abstract': clean(abstract), 'categories': cats}
                count += 1
        provenance.append((name, head, count))
    # cap the papers of the over-represented primary categories (a fixed random choice of them is kept): the largest
    # source was gathered mostly from cs.CL and audio listings, and left alone cs.CL would be the primary of 60 % of
    # the papers and the model would give it to any paper that mentions language
    rng = random.Random(20261206)
    for category, cap in CAPS.items():
        ids = sorted(i for i, p in papers.items() if p['categories'][0] == category)
        rng.shuffle(ids)
        for i in ids[cap:]:
            del papers[i]
    os.makedirs(out, exist_ok=True)
    with open(f'{out}/train.jsonl', 'w') as train, open(f'{out}/heldout.jsonl', 'w') as held:
        for ident in sorted(papers):
            bucket = int(hashlib.sha256(ident.encode()).hexdigest()[:8], 16) % 10
            (held if bucket == 0 else train).write(json.dumps(papers[ident], ensure_ascii=False) + '\n')
    with open(f'{out}/provenance.tsv', 'w') as f:
        for name, head, count in provenance:
            f.write(f'{name}\t{head}\t{count}\n')
        f.write(f'kept\t-\t{len(papers)}\n')
    print(open(f'{out}/provenance.tsv').read(), end='')


if __name__ == '__main__':
    main()
