"""A VoID/DCAT description of a release: what the dataset is, which file holds what, and which
named graph of ``alkkg.trig`` / ``alkkg.nq`` holds what."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef

from .prefixes import CC_BY_4, DCTERMS, PREFIX_MAP, new_graph
from .release import Release

VOID = Namespace(PREFIX_MAP["void"])
DCAT = Namespace(PREFIX_MAP["dcat"])
#: SPARQL 1.1 Service Description: names a graph of a dataset (bound in void.ttl only)
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DATASET = URIRef("https://w3id.org/alkkg/dataset")
ONTOLOGY_SUBSET = URIRef("https://w3id.org/alkkg/dataset/ontology-graph")
NANOPUB_SUBSET = URIRef("https://w3id.org/alkkg/dataset/nanopublications")
#: the four graphs of each nanopublication <np>: graph IRI suffix -> what it holds
NANOPUB_PARTS = {
    "Head": "the head graph: the nanopublication and its three other graphs (4 triples)",
    "assertion": "the assertion graph: the claim's plain triples (or, for the document nanopublication, "
                 "the description of the source document, its sentences and references)",
    "provenance": "the provenance graph: where the assertion comes from, and the claim node with its quote, "
                  "offsets, polarity, modality, qualifiers and evidence",
    "pubinfo": "the publication-info graph: creation date, license and curator of the nanopublication",
}
MEDIA_TYPES = {
    ".ttl": "text/turtle", ".trig": "application/trig", ".nq": "application/n-quads",
    ".jsonld": "application/ld+json", ".owl": "application/rdf+xml",
}
DESCRIPTIONS = {
    "alkkg.ttl": "Ontology, source document and every claim in one default graph: the file to load into a triplestore.",
    "alkkg.trig": "The complete release as named graphs: the ontology, in the graph named by its versionIRI, "
                  "and one nanopublication per claim plus one for the source document description (head, "
                  "assertion, provenance, publication-info graphs each); see the void:subset descriptions.",
    "alkkg.nq": "alkkg.trig as sorted N-Quads: one file that gives a quad store the ontology and every nanopublication.",
    "alkkg.jsonld": "alkkg.ttl as JSON-LD.",
    "alkkg-ontology.ttl": "The released ontology.",
    "alkkg-ontology.owl": "The released ontology as RDF/XML.",
    "alkkg-inferred.ttl": "alkkg.ttl plus the class memberships and subclass links HermiT inferred.",
}


def describe(release: Release, flat: Graph, claims: int, files: list[str], quads: Dataset | None = None) -> Graph:
    """The VoID description of a build (release date as an input, never the clock).

    *quads*, the dataset of ``alkkg.trig`` / ``alkkg.nq``, adds one ``void:subset`` per kind of
    named graph: the ontology graph (``sd:name`` its versionIRI) and the nanopublications, with a
    subset per part (head, assertion, provenance, publication info).
    """
    g = new_graph()
    g.bind("sd", SD)
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
    if quads is not None:
        _describe_graphs(g, release, quads)
    return g


def _describe_graphs(g: Graph, release: Release, quads: Dataset) -> None:
    """Which named graph of the quad files holds what: a subset per kind, sizes counted."""
    ontology_graph = URIRef(release.version_iri)
    sizes = {graph.identifier: len(graph) for graph in quads.graphs() if len(graph)}
    g.add((DATASET, VOID.subset, ONTOLOGY_SUBSET))
    g.add((ONTOLOGY_SUBSET, RDF.type, VOID.Dataset))
    g.add((ONTOLOGY_SUBSET, RDF.type, SD.NamedGraph))
    g.add((ONTOLOGY_SUBSET, SD.name, ontology_graph))
    g.add((ONTOLOGY_SUBSET, DCTERMS.title, Literal("The ontology graph")))
    g.add((ONTOLOGY_SUBSET, DCTERMS.description, Literal(
        f"The released ontology (alkkg-ontology.ttl), in the named graph <{ontology_graph}> (its versionIRI) "
        "of alkkg.trig and alkkg.nq.")))
    g.add((ONTOLOGY_SUBSET, VOID.triples, Literal(sizes.get(ontology_graph, 0), datatype=XSD.integer)))

    nanopub_type = URIRef(PREFIX_MAP["np"] + "Nanopublication")
    nanopubs = {str(s) for s, _, _, _ in quads.quads((None, RDF.type, nanopub_type, None))}
    g.add((DATASET, VOID.subset, NANOPUB_SUBSET))
    g.add((NANOPUB_SUBSET, RDF.type, VOID.Dataset))
    g.add((NANOPUB_SUBSET, DCTERMS.title, Literal("The nanopublications")))
    g.add((NANOPUB_SUBSET, DCTERMS.description, Literal(
        "The named graphs of alkkg.trig and alkkg.nq other than the ontology graph: "
        f"{len(nanopubs)} nanopublications, one per claim and one describing the source document, each in four "
        "named graphs <NP#Head>, <NP#assertion>, <NP#provenance> and <NP#pubinfo>, where NP is the "
        "nanopublication IRI https://w3id.org/alkkg/np/DOCUMENT-CLAIM "
        "(https://w3id.org/alkkg/np/DOCUMENT-document for the document).")))
    g.add((NANOPUB_SUBSET, VOID.uriSpace, Literal("https://w3id.org/alkkg/np/")))
    g.add((NANOPUB_SUBSET, VOID.triples,
           Literal(sum(n for name, n in sizes.items() if name != ontology_graph), datatype=XSD.integer)))
    for part, what in NANOPUB_PARTS.items():
        subset = URIRef(f"{NANOPUB_SUBSET}/{part}")
        count = sum(n for name, n in sizes.items()
                    if str(name).endswith(f"#{part}") and str(name).split("#")[0] in nanopubs)
        g.add((NANOPUB_SUBSET, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, DCTERMS.description, Literal(f"The graph <NP#{part}> of every nanopublication NP: {what}.")))
        g.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
