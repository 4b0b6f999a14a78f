"""HermiT: consistent, classifies from claims, refuses contradictions with names a curator can act on."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph

from alkkg.errors import ReasoningError
from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, ALKKGE, new_graph
from alkkg.reasoning import reason


def _base_and_parts(artifacts: Artifacts) -> tuple[Graph, dict[str, Graph]]:
    base = new_graph()
    base += artifacts.ontology
    parts = {}
    for compiled in artifacts.documents:
        base += compiled.document_graph
        parts.update(compiled.claim_graphs)
    return base, parts


def test_both_drugs_are_classified_as_alk_inhibitors_from_claims(artifacts: Artifacts) -> None:
    for drug in (ALKKGE.ceritinib, ALKKGE.crizotinib):
        assert (drug, RDF.type, ALKKG.ALKInhibitor) not in artifacts.ontology, "must not be asserted"
        assert (drug, RDF.type, ALKKG.ALKInhibitor) in artifacts.inferred


def test_crizotinib_but_not_ceritinib_is_a_met_inhibitor(artifacts: Artifacts) -> None:
    assert (ALKKGE.crizotinib, RDF.type, ALKKG.METInhibitor) in artifacts.inferred
    assert (ALKKGE.ceritinib, RDF.type, ALKKG.METInhibitor) not in artifacts.inferred


def test_inferred_file_has_the_inferences(built: Path) -> None:
    inferred = Graph().parse(built / "alkkg-inferred.ttl", format="turtle")
    assert (ALKKGE.ceritinib, RDF.type, ALKKG.ALKInhibitor) in inferred
    asserted = Graph().parse(built / "alkkg.ttl", format="turtle")
    assert (ALKKGE.ceritinib, RDF.type, ALKKG.ALKInhibitor) not in asserted


def test_asserting_what_a_negated_claim_denies_is_refused(artifacts: Artifacts) -> None:
    base, parts = _base_and_parts(artifacts)
    contradiction = new_graph()
    contradiction.add((ALKKGE.ceritinib, ALKKG.inhibits, ALKKGE["MET-protein"]))
    parts["s99-ceritinib-inhibits-met"] = contradiction
    with pytest.raises(ReasoningError) as caught:
        reason(base, parts)
    message = str(caught.value)
    assert "s99-ceritinib-inhibits-met" in message and "s11-" in message
    assert "alkkge:ceritinib alkkg:inhibits alkkge:MET-protein" in message


@pytest.mark.slow
def test_hermit_inconsistency_names_the_claims_involved(artifacts: Artifacts) -> None:
    """A contradiction only the reasoner can see (disjoint classes) is traced to its claims."""
    base = new_graph()
    base += artifacts.ontology
    drug_claim = new_graph()
    drug_claim.add((ALKKGE.ceritinib, ALKKG.inhibits, ALKKGE["ALK-protein"]))
    gene_claim = new_graph()
    gene_claim.add((ALKKGE.ceritinib, RDF.type, ALKKG.Gene))
    harmless = new_graph()
    harmless.add((ALKKGE.crizotinib, ALKKG.inhibits, ALKKGE["ALK-protein"]))
    with pytest.raises(ReasoningError) as caught:
        reason(base, {"a-harmless": harmless, "b-drug": drug_claim, "c-gene": gene_claim})
    message = str(caught.value)
    assert "c-gene" in message and "a-harmless" not in message


@pytest.mark.slow
def test_inconsistent_ontology_names_the_terms_involved() -> None:
    """Without any claim, the statements that conflict are traced to the terms they describe."""
    ontology = new_graph().parse(data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix alkkg: <https://w3id.org/alkkg/vocab/> .
        @prefix alkkge: <https://w3id.org/alkkg/entity/> .
        <https://w3id.org/alkkg/ontology> a owl:Ontology .
        alkkg:Drug a owl:Class . alkkg:Gene a owl:Class ; owl:disjointWith alkkg:Drug .
        alkkg:Protein a owl:Class .
        alkkge:ceritinib a owl:NamedIndividual, alkkg:Drug, alkkg:Gene .
        alkkge:ALK-protein a owl:NamedIndividual, alkkg:Protein .
    """, format="turtle")
    with pytest.raises(ReasoningError) as caught:
        reason(ontology, {})
    message = str(caught.value)
    assert "ontology itself is inconsistent" in message
    assert "alkkge:ceritinib" in message and "alkkge:ALK-protein" not in message
