#!/usr/bin/env python3
"""Writes the synthetic project that scripts/benchmark.sh measures, deterministically.

    python3 scripts/benchmark-project.py OUT [--templates 1000] [--partners 1000]
        [--prefixes 100] [--clients 10000 ...] [--seed 13]

OUT/project/     handout.yml, directory.json (PARTNERS partners over PREFIXES 3-digit ZIP
                 prefixes: fictional names, 555-01xx numbers, example.org addresses) and
                 Templates/<lang>/*.md: the bundled library and renamed copies of it, TEMPLATES
                 files in all (copies keep their links, which point at the originals)
OUT/clients-N.csv  N client rows (ids client-1..N) in those prefixes, for `packet --clients`
OUT/markdown/<lang>/<id>.md  the Markdown of each site page for cmark and Hugo: each page's
                 template body with its tags filled in the way a site build fills them
                 (facts in the page's language, no client, every partner of its topics),
                 and a page per category listing its partners
OUT/hugo/        a Hugo site with those bodies as content pages and one plain layout
OUT/hugo-packets/  with --packet-pages N: a Hugo site of N pages, one per row of clients-N.csv,
                 each the bodies of as many handouts (in the row's language, three partners
                 each) as the row has needs, as a packet holds one handout per need

Same seed, same bytes. Nothing here is real: partner names are made up from word lists,
phone numbers are in the 555-0100..0199 range reserved for fiction, web sites are
example.org. The ZIP codes are real (from Resources/zip-codes.tsv), so the ZIP table
locates clients and partners the way it does for real data.
"""
import argparse
import json
import os
import random
import re
import shutil
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CATEGORIES = ["housing", "utilities", "benefits", "health-coverage", "medical-debt", "employment",
              "education", "immigration", "family-safety", "disability", "food", "mental-health"]
WORDS = ["Lakeside", "Riverbend", "Cedar", "Harbor", "Prairie", "Summit", "Maple", "Granite",
         "Willow", "Canyon", "Meadow", "Northgate", "Southfield", "Eastbrook", "Westview", "Pine"]
KINDS = ["Legal Aid", "Tenant Union", "Benefits Counsel", "Medical-Legal Partnership",
         "Workers Center", "Family Center", "Immigrant Legal Services", "Disability Rights Office"]
FIRST_NAMES = ["Alex", "Sam", "Jordan", "Taylor", "Casey", "Robin", "Ana", "Luis", "Mei", "Noor"]


def zip_rows():
    rows = []
    with open(os.path.join(ROOT, "Resources/zip-codes.tsv"), encoding="utf-8") as table:
        for line in table:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            rows.append(fields)
    return rows


def pick_prefixes(rng, rows, count):
    """COUNT 3-digit prefixes with at least five ZIP codes, all in one state."""
    by_prefix = {}
    for fields in rows:
        by_prefix.setdefault(fields[0][:3], []).append(fields)
    usable = sorted(p for p, zips in by_prefix.items()
                    if len(zips) >= 5 and len({z[1] for z in zips}) == 1)
    chosen = sorted(rng.sample(usable, count))
    return [(prefix, by_prefix[prefix]) for prefix in chosen]


def phone(rng):
    return "+1 312 555 01%02d" % rng.randrange(100)


def partner(rng, number, prefix, zips):
    home = rng.choice(zips)
    state, county = home[1], home[2]
    name = "%s %s %d" % (rng.choice(WORDS), rng.choice(KINDS), number)
    pid = "partner-%04d" % number
    categories = rng.sample(CATEGORIES, rng.randint(1, 3))
    area_kind = rng.random()
    if area_kind < 0.5:
        area = {"zips": [prefix + "*"]}
    elif area_kind < 0.8:
        area = {"zips": sorted({z[0] for z in rng.sample(zips, min(4, len(zips)))})}
    else:
        area = {"counties": ["%s, %s" % (county, state)]}
    entry = {
        "id": pid,
        "name": name,
        "categories": categories,
        "description": {"en": "Free help with %s problems for people who live nearby." % categories[0].replace("-", " "),
                        "es": "Ayuda gratis con problemas de %s para personas que viven cerca." % categories[0].replace("-", " ")},
        "phones": [{"number": phone(rng), "type": "voice", "label": {"en": "Intake", "es": "Admisión"}}],
        "website": "https://example.org/%s" % pid,
        "email": "%s@example.org" % pid,
        "address": {"street": "%d Example St" % rng.randint(1, 9999), "city": "Exampleton", "state": state, "zip": home[0]},
        "service_area": area,
        "languages": ["en", "es"] if rng.random() < 0.6 else ["en"],
        "fees": {"en": "Free", "es": "Gratis"},
        "last_verified": "2026-%02d-%02d" % (rng.randint(6, 11), rng.randint(1, 28)),
    }
    if home[3] and home[4]:
        entry["address"]["latitude"] = float(home[3])
        entry["address"]["longitude"] = float(home[4])
    if rng.random() < 0.3:
        entry["phones"].append({"number": phone(rng), "type": "text", "label": {"en": "Text us", "es": "Envíenos un texto"}})
    if rng.random() < 0.3:
        entry["eligibility"] = {"max_income_fpl_percent": rng.choice([150, 200, 250])}
    return entry


def bundled_templates():
    found = []
    for lang in sorted(os.listdir(os.path.join(ROOT, "Templates"))):
        folder = os.path.join(ROOT, "Templates", lang)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                found.append((lang, name[:-3]))
    return found


def write_templates(project, count):
    """The bundled templates, then copy 1, 2, ... of each under new ids, COUNT files in all."""
    bundled = bundled_templates()
    written = []
    copy = 0
    while len(written) < count:
        for lang, tid in bundled:
            if len(written) == count:
                break
            new_id = tid if copy == 0 else "%s-copy-%d" % (tid, copy)
            source = os.path.join(ROOT, "Templates", lang, tid + ".md")
            target = os.path.join(project, "Templates", lang, new_id + ".md")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(source, target)
            written.append((lang, new_id, tid))
        copy += 1
    return written


def write_clients(path, rng, prefixes, rows):
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("id,name,language,zip,needs,household_size,annual_income\n")
        for number in range(1, rows + 1):
            _, zips = rng.choice(prefixes)
            needs = ";".join(rng.sample(CATEGORIES[:9], rng.randint(1, 3)))
            if rng.random() < 0.5:
                household = "%d,%d" % (rng.randint(1, 6), rng.randrange(8000, 90000, 500))
            else:
                household = ","
            out.write("client-%d,%s,%s,%s,%s,%s\n" % (
                number, rng.choice(FIRST_NAMES), "es" if rng.random() < 0.4 else "en",
                rng.choice(zips)[0], needs, household))


# --- Markdown for cmark and Hugo --------------------------------------------------------

def load_facts():
    """Fact values by language from Resources/facts.yml (a small reader for its shape)."""
    facts = {}
    key = None
    with open(os.path.join(ROOT, "Resources/facts.yml"), encoding="utf-8") as source:
        for line in source:
            top = re.match(r"^([a-z0-9][a-z0-9-]*):\s*$", line)
            if top:
                key = top.group(1)
                continue
            value = re.match(r"^  value:\s*(.*)$", line)
            if key and value:
                text = value.group(1).strip()
                if text.startswith("{"):
                    pairs = dict(re.findall(r'(\w+):\s*"([^"]*)"', text))
                    facts[key] = pairs
                else:
                    facts[key] = {"": text.strip('"')}
    return facts


def fill(body, lang, facts, listing):
    """Fills a template body as a published site page: no client, no practitioner, no state."""
    body = re.sub(r"\{\{#(client|practitioner|state)\.[^}]*\}\}.*?\{\{/\1\.[^}]*\}\}", "", body, flags=re.S)
    body = re.sub(r"\{\{\^(client|practitioner|state)\.[^}]*\}\}(.*?)\{\{/\1\.[^}]*\}\}", r"\2", body, flags=re.S)

    def fact(match):
        values = facts.get(match.group(1), {})
        return values.get(lang) or values.get("en") or values.get("") or ""
    body = re.sub(r"\{\{fact\.([a-z0-9-]+)\}\}", fact, body)
    body = body.replace("{{> partners}}", listing)
    return re.sub(r"\{\{[^}]*\}\}", "", body)


def partner_entry(entry, lang):
    text = lambda value: value.get(lang, value["en"]) if isinstance(value, dict) else value
    lines = ["### " + entry["name"], "", text(entry["description"]), ""]
    for number in entry["phones"]:
        lines.append("- %s: [%s](tel:%s)" % (text(number["label"]), number["number"], number["number"].replace(" ", "")))
    address = entry["address"]
    lines += ["- Web site: <%s>" % entry["website"], "- Email: <%s>" % entry["email"],
              "- Address: %s, %s, %s %s" % (address["street"], address["city"], address["state"], address["zip"]),
              "- Languages: " + ", ".join(entry["languages"]), "- Fees: " + text(entry["fees"]),
              "- Verified: " + entry["last_verified"], ""]
    return "\n".join(lines)


def partner_listing(partners, lang):
    heading = "## Where to get help" if lang == "en" else "## Dónde obtener ayuda"
    return "\n".join([heading, ""] + [partner_entry(entry, lang) for entry in partners])


def strip_front_matter(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[:end], text[end + 5:]
    return "", text


def write_markdown(out, project, languages, written, partners, rng):
    """The site's pages as Markdown, as `handout build` fills them: one page per handout id
    and language (a language without its own template shows the English one) listing every
    partner of the handout's topics, and a page per category listing its partners. Returns
    the pages, and each handout's body with three partners of its topic, as in a packet."""
    facts = load_facts()
    ids = sorted({tid for _, tid, _ in written})
    have = {(lang, tid) for lang, tid, _ in written}
    pages, sections = [], []
    for tid in ids:
        for lang in languages:
            source_lang = lang if (lang, tid) in have else "en"
            with open(os.path.join(project, "Templates", source_lang, tid + ".md"), encoding="utf-8") as source:
                matter, body = strip_front_matter(source.read())
            title = re.search(r"^title:\s*(.*)$", matter, re.M).group(1).strip().strip('"')
            topics = set(re.search(r"^topics:\s*\[(.*)\]", matter, re.M).group(1).replace(" ", "").split(","))
            serving = [entry for entry in partners if topics & set(entry["categories"])]
            pages.append((lang, tid, title, "# %s\n\n%s" % (title, fill(body, lang, facts, partner_listing(serving, lang)))))
            chosen = serving[:3] if len(serving) <= 3 else rng.sample(serving, 3)
            sections.append((lang, tid, title, "# %s\n\n%s" % (title, fill(body, lang, facts, partner_listing(chosen, lang)))))
    for lang in languages:
        index = ["# Partners", ""] + ["- [%s](partners-%s.md)" % (category, category) for category in CATEGORIES]
        pages.append((lang, "partners", "Partners", "\n".join(index) + "\n"))
        for category in CATEGORIES:
            title = "Partners: " + category
            serving = [entry for entry in partners if category in entry["categories"]]
            pages.append((lang, "partners-" + category, title, "# %s\n\n%s" % (title, partner_listing(serving, lang))))
    for lang, tid, title, markdown in pages:
        path = os.path.join(out, "markdown", lang, tid + ".md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as page:
            page.write(markdown)
    return pages, sections


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""

HUGO_SINGLE = """<!DOCTYPE html>
<html lang="{{ .Params.lang }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:auto;padding:1rem}</style></head>
<body><nav><a href="{{ "/" | relURL }}">Home</a></nav><main>{{ .Content }}</main>
<footer><p>{{ .Site.Title }}</p></footer></body></html>
"""

HUGO_LIST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def write_hugo(out, pages):
    site = os.path.join(out, "hugo")
    os.makedirs(os.path.join(site, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(site, "config.toml"), "w") as config:
        config.write(HUGO_CONFIG)
    with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as layout:
        layout.write(HUGO_SINGLE)
    with open(os.path.join(site, "layouts", "_default", "list.html"), "w") as layout:
        layout.write(HUGO_LIST)
    for lang, tid, title, markdown in pages:
        path = os.path.join(site, "content", lang, tid + ".md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        body = markdown.split("\n", 1)[1] if markdown.startswith("# ") else markdown
        with open(path, "w", encoding="utf-8") as page:
            page.write("---\ntitle: %s\nlang: %s\n---\n%s" % (json.dumps(title, ensure_ascii=False), lang, body))


def write_hugo_packets(out, sections, clients_csv, rng):
    by_language = {}
    for page in sections:
        by_language.setdefault(page[0], []).append(page)
    site = os.path.join(out, "hugo-packets")
    shutil.copytree(os.path.join(out, "hugo"), site, ignore=shutil.ignore_patterns("content"))
    with open(clients_csv, encoding="utf-8") as clients:
        next(clients)
        for number, row in enumerate(clients, start=1):
            fields = row.rstrip("\n").split(",")
            lang, needs = fields[2], fields[4].split(";")
            chosen = rng.sample(by_language[lang], len(needs))
            body = "\n\n".join("#" + markdown for _, _, _, markdown in chosen)
            path = os.path.join(site, "content", "packets", "client-%d.md" % number)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as page:
                page.write("---\ntitle: Packet %d\nlang: %s\n---\n%s" % (number, lang, body))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--templates", type=int, default=1000)
    parser.add_argument("--partners", type=int, default=1000)
    parser.add_argument("--prefixes", type=int, default=100)
    parser.add_argument("--clients", type=int, action="append", default=[])
    parser.add_argument("--packet-pages", type=int, help="also OUT/hugo-packets/ for clients-N.csv")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    project = os.path.join(args.out, "project")
    for stale in ("project", "markdown", "hugo", "hugo-packets"):
        shutil.rmtree(os.path.join(args.out, stale), ignore_errors=True)
    os.makedirs(project)

    prefixes = pick_prefixes(rng, zip_rows(), args.prefixes)
    partners = [partner(rng, number, *prefixes[(number - 1) % len(prefixes)])
                for number in range(1, args.partners + 1)]
    with open(os.path.join(project, "directory.json"), "w", encoding="utf-8") as directory:
        json.dump({"region": {"name": "Benchmark region (synthetic)"}, "partners": partners},
                  directory, ensure_ascii=False, indent=1)
    languages = ["en", "es"]
    with open(os.path.join(project, "handout.yml"), "w", encoding="utf-8") as config:
        config.write("title: Benchmark (synthetic)\nlanguages: [en, es]\ndirectory: directory.json\n"
                     "templates: Templates\nbase_url: https://example.org/\n")
    written = write_templates(project, args.templates)

    for rows in args.clients or [10000]:
        write_clients(os.path.join(args.out, "clients-%d.csv" % rows), random.Random(args.seed * 1000 + rows), prefixes, rows)

    pages, sections = write_markdown(args.out, project, languages, written, partners, rng)
    write_hugo(args.out, pages)
    if args.packet_pages:
        write_hugo_packets(args.out, sections, os.path.join(args.out, "clients-%d.csv" % args.packet_pages), rng)
    size = sum(len(markdown.encode()) for *_, markdown in pages)
    print("%d partners over %d ZIP prefixes, %d templates, %d pages of Markdown (%.1f MB), clients: %s"
          % (len(partners), len(prefixes), len(written), len(pages), size / 1e6,
             ", ".join(str(n) for n in (args.clients or [10000]))), file=sys.stderr)


if __name__ == "__main__":
    main()
