"""Load the hand-edited ontology and stamp it with the release version."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, Graph, Literal, URIRef

from .errors import InputError
from .canon import relabel_blank_nodes
from .rdfio import parse_file
from .release import Release

ONTOLOGY_IRI = URIRef("https://w3id.org/alkkg/ontology")


def load_ontology(path: Path, release: Release) -> Graph:
    """Parse ``ontology/alkkg.ttl``, set versionIRI/versionInfo from *release*, canonicalise blank nodes."""
    graph = parse_file(path)
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in graph:
        raise InputError(f"{path}: no '<{ONTOLOGY_IRI}> a owl:Ontology' header; the ontology source "
                         "must declare it")
    graph.remove((ONTOLOGY_IRI, OWL.versionIRI, None))
    graph.remove((ONTOLOGY_IRI, OWL.versionInfo, None))
    graph.add((ONTOLOGY_IRI, OWL.versionIRI, URIRef(release.version_iri)))
    graph.add((ONTOLOGY_IRI, OWL.versionInfo, Literal(f"{release.version} ({release.release_date})")))
    # Restrictions and lists are blank nodes; stable labels make every serialisation stable.
    return relabel_blank_nodes(graph)
