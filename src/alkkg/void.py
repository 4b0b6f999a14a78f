"""A VoID/DCAT description of a release: what the dataset is and which file holds what."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from .prefixes import CC_BY_4, DCTERMS, PREFIX_MAP, new_graph
from .release import Release

VOID = Namespace(PREFIX_MAP["void"])
DCAT = Namespace(PREFIX_MAP["dcat"])
DATASET = URIRef("https://w3id.org/alkkg/dataset")
MEDIA_TYPES = {
    ".ttl": "text/turtle", ".trig": "application/trig", ".nq": "application/n-quads",
    ".jsonld": "application/ld+json", ".owl": "application/rdf+xml",
}
DESCRIPTIONS = {
    "alkkg.ttl": "Ontology, source document and every claim in one default graph: the file to load into a triplestore.",
    "alkkg.trig": "One nanopublication per claim (head, assertion, provenance, publication info).",
    "alkkg.nq": "The nanopublications as sorted N-Quads.",
    "alkkg.jsonld": "alkkg.ttl as JSON-LD.",
    "alkkg-ontology.ttl": "The released ontology.",
    "alkkg-ontology.owl": "The released ontology as RDF/XML.",
    "alkkg-inferred.ttl": "alkkg.ttl plus the class memberships and subclass links HermiT inferred.",
}


def describe(release: Release, flat: Graph, claims: int, files: list[str]) -> Graph:
    """The VoID description of a build (release date as an input, never the clock)."""
    g = new_graph()
    g.add((DATASET, RDF.type, VOID.Dataset))
    g.add((DATASET, RDF.type, DCAT.Dataset))
    g.add((DATASET, DCTERMS.title, Literal("alkkg: the claims of Shaw et al. 2014 (ceritinib in ALK-rearranged NSCLC)")))
    g.add((DATASET, DCTERMS.description, Literal(
        f"{claims} curated claims of the introduction of Shaw et al., N Engl J Med 2014;370:1189-1197, "
        "each with its exact quote, character offsets, cited references, polarity, modality and evidence.")))
    g.add((DATASET, DCTERMS.license, URIRef(CC_BY_4)))
    g.add((DATASET, DCTERMS.source, URIRef("https://doi.org/10.1056/NEJMoa1311107")))
    g.add((DATASET, DCTERMS.issued, Literal(release.release_date, datatype=XSD.date)))
    g.add((DATASET, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(release.version)))
    g.add((DATASET, VOID.triples, Literal(len(flat), datatype=XSD.integer)))
    g.add((DATASET, VOID.distinctSubjects, Literal(len(set(flat.subjects())), datatype=XSD.integer)))
    g.add((DATASET, VOID.uriSpace, Literal("https://w3id.org/alkkg/")))
    for prefix in ("alkkg", "prov", "oa", "np", "dcterms", "skos"):
        g.add((DATASET, VOID.vocabulary, URIRef(PREFIX_MAP[prefix])))
    for name in sorted(files):
        suffix = "." + name.rsplit(".", 1)[-1]
        if name not in DESCRIPTIONS:
            continue
        dump = URIRef(f"https://w3id.org/alkkg/releases/{release.release_date}/{name}")
        g.add((DATASET, VOID.dataDump, dump))
        g.add((DATASET, DCAT.distribution, dump))
        g.add((dump, RDF.type, DCAT.Distribution))
        g.add((dump, RDFS.label, Literal(name)))
        g.add((dump, DCTERMS.description, Literal(DESCRIPTIONS[name])))
        g.add((dump, DCAT.mediaType, Literal(MEDIA_TYPES[suffix])))
    return g
