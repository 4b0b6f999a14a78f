"""Lookup: labels, definitions and synonyms are tagged @en; every synonym has a stated source; genes
are linked to their proteins; the predicate table of docs/curation-format.md shows each predicate's
rdfs:domain and rdfs:range exactly as the ontology declares them.

These tests read the hand-edited sources (ontology/alkkg.ttl, docs/curation-format.md,
assertions/*/claims.yaml) directly, without a build.

The domain and range columns of the predicate table are generated from the ontology:
``python tests/test_labels.py`` prints the table (``--write`` rewrites it in place); the meaning
column stays hand-written.
"""

from __future__ import annotations

import re
import sys
from functools import cache

import pytest
import yaml
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from alkkg.prefixes import ALKKG, ALKKGE, DCTERMS, PREFIX_MAP, SKOS
from conftest import ROOT

ONTOLOGY = ROOT / "ontology" / "alkkg.ttl"
DOC = ROOT / "docs" / "curation-format.md"

# Plain namespaces from the one prefix map (rdflib's closed ones warn when pytest inspects this module).
RDF, RDFS, OWL, OBO = (Namespace(PREFIX_MAP[p]) for p in ("rdf", "rdfs", "owl", "obo"))
DEFINITION = OBO.IAO_0000115
HAS_GENE_PRODUCT = OBO.RO_0002205
GENE_PRODUCT_OF = OBO.RO_0002204
DECLARED = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)

TABLE_START = "<!-- predicate-table"
TABLE_END = "<!-- /predicate-table -->"
SYNONYMS_START = "<!-- synonyms-table"
SYNONYMS_END = "<!-- /synonyms-table -->"


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def ours(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith("https://w3id.org/alkkg/")


# -- the predicate table -------------------------------------------------------------------------

def class_name(g: Graph, node: object) -> str:
    """`LocalName` for our classes, a CURIE for external ones."""
    assert isinstance(node, URIRef), node
    if str(node).startswith(str(ALKKG)):
        return f"`{str(node)[len(str(ALKKG)):]}`"
    prefix, _, local = g.namespace_manager.compute_qname(node)
    return f"`{prefix}:{local}`"


def class_expression(g: Graph, node: object) -> str:
    """A named class, or a union of named classes as '`A`, `B` or `C`' (in the ontology's order)."""
    if isinstance(node, BNode):
        members = g.value(node, OWL.unionOf)
        assert members is not None, f"only unions of named classes are rendered, not {node}"
        names = [class_name(g, m) for m in Collection(g, members)]
        return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
    return class_name(g, node)


def domain_and_range(g: Graph, predicate: str) -> tuple[str, str]:
    prop = ALKKG[predicate]
    assert (prop, RDF.type, OWL.ObjectProperty) in g, f"{predicate} is not an object property of the ontology"
    domains, ranges = list(g.objects(prop, RDFS.domain)), list(g.objects(prop, RDFS.range))
    assert len(domains) == 1 and len(ranges) == 1, f"{predicate}: expected one rdfs:domain and one rdfs:range"
    return class_expression(g, domains[0]), class_expression(g, ranges[0])


def _section(text: str, start: str, end: str) -> tuple[int, int]:
    i = text.index(start)
    i = text.index("\n", i) + 1
    return i, text.index(end, i)


def table_rows(text: str, start: str, end: str) -> list[list[str]]:
    """The body rows of the markdown table between the two markers, as lists of cells."""
    a, b = _section(text, start, end)
    rows = [line for line in text[a:b].splitlines() if line.startswith("|")]
    cells = [[c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]] for row in rows]
    assert len(cells) >= 2 and set(cells[1][0]) <= set("-: "), "a table with a header row is expected"
    return cells[2:]


def predicate_rows() -> list[tuple[str, str, str, str]]:
    """(predicate, domain, range, meaning) of the table in docs/curation-format.md."""
    out = []
    for cells in table_rows(DOC.read_text(encoding="utf-8"), TABLE_START, TABLE_END):
        assert len(cells) == 4, cells
        name = cells[0].strip("`")
        out.append((name, cells[1], cells[2], cells[3]))
    return out


def render_predicate_table() -> str:
    g = ontology()
    lines = ["| predicate | domain (subject) | range (object) | meaning |", "| --- | --- | --- | --- |"]
    for name, _, _, meaning in predicate_rows():
        domain, range_ = domain_and_range(g, name)
        lines.append(f"| `{name}` | {domain} | {range_} | {meaning} |")
    return "\n".join(lines) + "\n"


def write_predicate_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    a, b = _section(text, TABLE_START, TABLE_END)
    body = text[a:b]
    first = body.index("| predicate")
    last = body.rindex("|\n") + 2
    DOC.write_text(text[:a] + body[:first] + render_predicate_table() + body[last:] + text[b:], encoding="utf-8")


def test_predicate_table_domains_and_ranges_match_the_ontology() -> None:
    g = ontology()
    wrong = []
    for name, domain, range_, _ in predicate_rows():
        expected = domain_and_range(g, name)
        if (domain, range_) != expected:
            wrong.append(f"{name}: table says {domain} -> {range_}, ontology says {expected[0]} -> {expected[1]}")
    assert not wrong, "regenerate with `python tests/test_labels.py --write`:\n" + "\n".join(wrong)


def test_every_claim_predicate_is_in_the_table() -> None:
    used = set()
    for path in sorted((ROOT / "assertions").glob("*/claims.yaml")):
        for claim in yaml.safe_load(path.read_text(encoding="utf-8")).get("claims") or []:
            if claim.get("predicate") and claim["predicate"] != "type":
                used.add(claim["predicate"])
    listed = {name for name, *_ in predicate_rows()}
    assert sorted(used - listed) == [], "claim predicates missing from the predicate table"
    assert "encodes" in listed


def test_the_table_says_which_predicates_take_the_gene_and_which_the_protein() -> None:
    rows = {name: (domain, range_) for name, domain, range_, _ in predicate_rows()}
    assert rows["inhibits"] == ("`Drug`", "`Protein`")
    assert rows["activates"][0] == "`GeneAlteration`" and "`Gene`" in rows["activates"][1]
    assert rows["encodes"] == ("`FusionGene` or `Gene`", "`AlteredProtein` or `Protein`")
    text = DOC.read_text(encoding="utf-8")
    a, b = _section(text, TABLE_START, TABLE_END)
    after = text[b:b + 3000]
    assert "alkkge:ALK-gene" in after and "alkkge:ALK-protein" in after and "RO:0002205" in after


# -- labels, definitions and synonyms tagged @en ---------------------------------------------------

def declared_or_ours(g: Graph, s: object) -> bool:
    return ours(s) or any((s, RDF.type, t) in g for t in DECLARED)


def test_every_label_definition_and_synonym_is_tagged_en() -> None:
    g = ontology()
    bad = []
    for p in (RDFS.label, DEFINITION, SKOS.altLabel):
        for s, o in g.subject_objects(p):
            if declared_or_ours(g, s) and not (isinstance(o, Literal) and o.language == "en"):
                bad.append(f"{g.namespace_manager.normalizeUri(s)} {g.namespace_manager.normalizeUri(p)} {o!r}")
    header = URIRef("https://w3id.org/alkkg/ontology")
    for p in (DCTERMS.title, DCTERMS.description, RDFS.comment):
        for o in g.objects(header, p):
            if not (isinstance(o, Literal) and o.language == "en"):
                bad.append(f"ontology header {p} {o!r}")
    assert bad == []


def test_lang_filter_finds_every_label() -> None:
    g = ontology()
    labelled = {s for s in g.subjects(RDFS.label) if declared_or_ours(g, s)}
    found = {row.s for row in g.query('SELECT ?s WHERE { ?s rdfs:label ?l FILTER(lang(?l) = "en") }',
                                        initNs={"rdfs": RDFS})}
    assert labelled - found == set()


@pytest.mark.parametrize("term, expected", [
    ("ALK", {"ALK-gene", "ALK-protein"}),
    ("IGF-1R", {"IGF1R-protein"}),
    ("IGF1R", {"IGF1R-gene", "IGF1R-protein"}),
    ("IGF-1 receptor", {"IGF1R-protein"}),
    ("insulin-like growth factor 1 receptor", {"IGF1R-protein"}),
    ("LDK378", {"ceritinib"}),
    ("PF-02341066", {"crizotinib"}),
    ("MET", {"MET-gene", "MET-protein"}),
    ("NSCLC", {"NSCLC"}),
    ("ALK-rearranged NSCLC", {"ALK-rearranged-NSCLC"}),
])
def test_lookup_by_synonym(term: str, expected: set[str]) -> None:
    """The issue's lookups: an @en label or synonym, compared case-insensitively, finds the entity."""
    query = """
        SELECT DISTINCT ?entity WHERE {
            ?entity rdfs:label|skos:altLabel ?name .
            FILTER (lang(?name) = "en" && LCASE(STR(?name)) = LCASE(?term))
            FILTER (STRSTARTS(STR(?entity), "https://w3id.org/alkkg/entity/"))
        }"""
    rows = ontology().query(query, initNs={"rdfs": RDFS, "skos": SKOS}, initBindings={"term": Literal(term)})
    assert {str(r.entity)[len(str(ALKKGE)):] for r in rows} == expected


def test_every_gene_protein_and_drug_has_a_synonym() -> None:
    g = ontology()
    missing = []
    for cls in (ALKKG.Gene, ALKKG.Protein, ALKKG.Drug):
        members = set(g.transitive_subjects(RDFS.subClassOf, cls))
        for entity in {s for c in members for s in g.subjects(RDF.type, c)}:
            if ours(entity) and (entity, SKOS.altLabel, None) not in g:
                missing.append(str(entity))
    assert sorted(missing) == []


def synonym_comments() -> dict[str, list[str]]:
    """For each alkkge: entity, the quoted names of the '# synonyms:' comment right above it."""
    out: dict[str, list[str]] = {}
    comment: list[str] = []
    for line in ONTOLOGY.read_text(encoding="utf-8").splitlines():
        if line.startswith("# synonyms:"):
            comment = [line]
        elif comment and line.startswith("#   "):
            comment.append(line)
        elif comment and line.startswith("alkkge:"):
            text = " ".join(c.lstrip("#").strip() for c in comment)[len("synonyms:"):]
            out[line.split()[0][len("alkkge:"):]] = quoted_outside_parentheses(text)
            comment = []
        else:
            comment = []
    return out


def quoted_outside_parentheses(text: str) -> list[str]:
    """The "quoted" names of a '# synonyms:' comment: those outside the (source) parentheses."""
    names, depth, current = [], 0, None
    for ch in text:
        if current is not None:
            if ch == '"':
                if depth == 0:
                    names.append(current)
                current = None
            else:
                current += ch
        elif ch == '"':
            current = ""
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
    assert depth == 0 and current is None, f"unbalanced '# synonyms:' comment: {text}"
    return names


def altlabels() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s, o in ontology().subject_objects(SKOS.altLabel):
        if str(s).startswith(str(ALKKGE)):
            out.setdefault(str(s)[len(str(ALKKGE)):], set()).add(str(o))
    return out


def test_every_synonym_names_its_source_in_a_comment() -> None:
    comments = synonym_comments()
    labels = altlabels()
    assert set(labels) == set(comments), "an entity with synonyms needs a '# synonyms:' comment right above it"
    for entity, names in labels.items():
        assert set(comments[entity]) == names, (entity, sorted(names), comments[entity])


def synonym_table() -> set[tuple[str, str]]:
    rows = table_rows(DOC.read_text(encoding="utf-8"), SYNONYMS_START, SYNONYMS_END)
    out = set()
    for cells in rows:
        assert len(cells) == 3 and cells[2], cells
        entity = cells[0].strip("`")
        for name in re.findall(r'"([^"]+)"', cells[1]):
            out.add((entity, name))
    return out


def test_synonyms_table_of_the_docs_matches_the_ontology() -> None:
    expected = {(entity, name) for entity, names in altlabels().items() for name in names}
    assert synonym_table() == expected


# -- gene and gene product -----------------------------------------------------------------------

def test_every_gene_is_linked_to_its_protein() -> None:
    g = ontology()
    proteins = {s for c in g.transitive_subjects(RDFS.subClassOf, ALKKG.Protein) for s in g.subjects(RDF.type, c)}
    genes = {s for s in g.subjects(RDF.type, ALKKG.Gene) if ours(s)}
    assert genes, "no gene entities"
    for gene in genes:
        products = set(g.objects(gene, ALKKG.encodes))
        assert products and products <= proteins, f"{gene} encodes {products}"
    assert {(str(gene), str(p)) for gene in genes for p in g.objects(gene, ALKKG.encodes)} >= {
        (str(ALKKGE["ALK-gene"]), str(ALKKGE["ALK-protein"])),
        (str(ALKKGE["IGF1R-gene"]), str(ALKKGE["IGF1R-protein"])),
        (str(ALKKGE["MET-gene"]), str(ALKKGE["MET-protein"])),
    }


def test_encodes_is_ro_has_gene_product() -> None:
    g = ontology()
    assert (ALKKG.encodes, RDFS.subPropertyOf, HAS_GENE_PRODUCT) in g
    assert (HAS_GENE_PRODUCT, OWL.inverseOf, GENE_PRODUCT_OF) in g
    for prop, label in ((HAS_GENE_PRODUCT, "has gene product"), (GENE_PRODUCT_OF, "gene product of")):
        assert (prop, RDF.type, OWL.ObjectProperty) in g
        assert g.value(prop, RDFS.label) == Literal(label, lang="en")
        assert g.value(prop, DEFINITION) is not None


def test_gene_products_follow_by_rdfs_entailment() -> None:
    """A user who asks for RO:0002205 with RDFS subproperty reasoning gets every gene-protein pair."""
    g = ontology()
    query = """SELECT ?gene ?protein WHERE { ?p rdfs:subPropertyOf* <%s> . ?gene ?p ?protein . }""" % HAS_GENE_PRODUCT
    pairs = {(r.gene, r.protein) for r in g.query(query, initNs={"rdfs": RDFS})}
    assert pairs == set(g.subject_objects(ALKKG.encodes))


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_predicate_table()
    print(render_predicate_table(), end="")
