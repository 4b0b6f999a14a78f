"""HermiT: consistent, classifies from claims, refuses contradictions with names a curator can act on."""

from __future__ import annotations

from pathlib import Path

import random

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef

from alkkg.errors import ReasoningError
from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, ALKKGE, compress, new_graph
from alkkg.reasoning import materialise_closure, reason


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


# ------------------------------------------------------------------ closure over the class hierarchy

def test_resistance_mechanisms_are_typed_without_property_paths(artifacts: Artifacts) -> None:
    """The two on-target mechanisms (inferred) and the ALK-independent one (asserted in the
    ontology) are resistance mechanisms: a superclass of their most specific class."""
    expected = {ALKKGE["ALK-kinase-domain-mutation"], ALKKGE["ALK-fusion-gene-amplification"],
                ALKKGE["ALK-independent-resistance-mechanisms"]}
    assert set(artifacts.inferred.subjects(RDF.type, ALKKG.ResistanceMechanism)) == expected
    assert not set(artifacts.flat.subjects(RDF.type, ALKKG.ResistanceMechanism)) & expected
    # every subject of an asserted confersResistanceTo is one (the class's definition)
    assert set(artifacts.flat.subjects(ALKKG.confersResistanceTo, None)) <= expected
    rows = artifacts.inferred.query(
        "SELECT ?m WHERE { ?m a alkkg:ResistanceMechanism }", initNs={"alkkg": ALKKG})
    assert {row[0] for row in rows} == expected  # type: ignore[index]


def test_alk_protein_is_a_protein_kinase(artifacts: Artifacts) -> None:
    alk = ALKKGE["ALK-protein"]
    assert (alk, RDF.type, ALKKG.ProteinKinase) not in artifacts.flat
    for cls in (ALKKG.ReceptorTyrosineKinase, ALKKG.ProteinKinase, ALKKG.Protein, ALKKG.DrugTarget):
        assert (alk, RDF.type, cls) in artifacts.inferred, compress(str(cls))
    assert (ALKKG.DrugTarget, RDFS.subClassOf, ALKKG.Protein) in artifacts.inferred


def _named_superclasses(graph: Graph, cls: URIRef) -> set[URIRef]:
    """rdfs:subClassOf+ of *cls* in *graph*, named classes only, without owl:Thing."""
    found = {o for o in graph.transitive_objects(cls, RDFS.subClassOf) if o != cls}
    return {o for o in found if isinstance(o, URIRef) and o != OWL.Thing}


def test_every_individual_has_every_named_superclass_of_its_types(artifacts: Artifacts) -> None:
    inferred = artifacts.inferred
    missing = []
    for individual, cls in inferred.subject_objects(RDF.type):
        if not isinstance(individual, URIRef) or not isinstance(cls, URIRef):
            continue
        for superclass in _named_superclasses(inferred, cls):
            if (individual, RDF.type, superclass) not in inferred:
                missing.append(f"{compress(str(individual))} a {compress(str(superclass))}")
    assert not missing, missing[:20]


def test_the_subclass_closure_is_materialised(artifacts: Artifacts) -> None:
    """`?c rdfs:subClassOf ?super` is enough on the inferred graph: no property path."""
    inferred = artifacts.inferred
    missing = []
    for cls in set(inferred.subjects(RDFS.subClassOf, None)):
        if not isinstance(cls, URIRef):
            continue
        for superclass in _named_superclasses(inferred, cls):
            if (cls, RDFS.subClassOf, superclass) not in inferred:
                missing.append(f"{compress(str(cls))} < {compress(str(superclass))}")
    assert not missing, missing[:20]
    assert (ALKKG.OnTargetResistanceMechanism, RDFS.subClassOf, ALKKG.ResistanceMechanism) in inferred
    assert (ALKKG.ProgressedOnDrugPopulation, RDFS.subClassOf, ALKKG.PatientPopulation) in inferred


def test_reasoning_adds_only_types_and_subclass_links(artifacts: Artifacts) -> None:
    """Between named terms, nothing already asserted, and nothing else: in particular no statement
    of a hedged claim (those are the claim compiler's to publish, or not)."""
    added = artifacts.inferred - artifacts.flat
    assert len(added) > 0
    for s, p, o in added:
        assert p in (RDF.type, RDFS.subClassOf), (s, p, o)
        assert isinstance(s, URIRef) and isinstance(o, URIRef), (s, p, o)
        assert s != o and o not in (OWL.Thing, OWL.NamedIndividual, OWL.Nothing), (s, p, o)
    hedged = list(artifacts.flat.subjects(ALKKG.modality, ALKKG.hedged))
    assert hedged, "the curation has hedged claims"
    for claim in hedged:
        statement = (artifacts.flat.value(claim, ALKKG.claimSubject),
                     artifacts.flat.value(claim, ALKKG.claimPredicate),
                     artifacts.flat.value(claim, ALKKG.claimObject))
        assert (statement in artifacts.inferred) == (statement in artifacts.flat), claim


def test_reasoning_report_lists_every_added_triple(artifacts: Artifacts, built: Path) -> None:
    lines = (built / "reports" / "reasoning.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "subject\tpredicate\tobject"
    rows = {tuple(line.split("\t")) for line in lines[1:]}
    added = {(compress(str(s)), compress(str(p)), compress(str(o)))
             for s, p, o in artifacts.inferred - artifacts.flat}
    assert rows == added and len(lines) - 1 == len(added)
    assert ("alkkge:ALK-protein", "rdf:type", "alkkg:ProteinKinase") in rows


def test_closure_follows_equivalences_skips_restrictions_and_is_deterministic() -> None:
    """materialise_closure alone (no HermiT): cycles end, blank nodes and owl:Thing are left out,
    asserted triples are not repeated, and the input order does not matter."""
    a, b, c, d, x = (URIRef(f"urn:t:{n}") for n in "abcdx")
    restriction = BNode()
    asserted = new_graph()
    asserted.add((b, RDFS.subClassOf, c))
    asserted.add((c, OWL.equivalentClass, d))
    asserted.add((a, RDFS.subClassOf, restriction))
    asserted.add((d, RDFS.subClassOf, OWL.Thing))
    asserted.add((x, RDF.type, OWL.NamedIndividual))
    asserted.add((x, RDF.type, c))
    derived = [(a, RDFS.subClassOf, b), (x, RDF.type, a), (x, RDF.type, OWL.Thing)]
    expected = {(a, RDFS.subClassOf, b), (a, RDFS.subClassOf, c), (a, RDFS.subClassOf, d),
                (b, RDFS.subClassOf, d), (c, RDFS.subClassOf, d), (d, RDFS.subClassOf, c),
                (x, RDF.type, a), (x, RDF.type, b), (x, RDF.type, d)}
    for seed in range(5):
        shuffled = list(derived)
        random.Random(seed).shuffle(shuffled)
        assert set(materialise_closure(asserted, shuffled)) == expected


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
