"""The plain layer says exactly what the text says: a hedge is never a fact, a number never floats free.

"Plain layer" = every place a triplestore user or a reasoner reads (subject, predicate, object) as
fact: the default graph of alkkg.ttl, each nanopublication's assertion graph, and the inferred graph.
"""

from __future__ import annotations

from rdflib import OWL, RDF, Graph, URIRef

from alkkg.claims import claim_iri, hypothesis_iri
from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, ALKKGE, expand

IS_ABOUT = URIRef(expand("IAO:0000136"))


def _spo(artifacts: Artifacts, claim_id: str) -> tuple[URIRef, URIRef, URIRef]:
    flat = artifacts.flat
    iri = next(claim_iri(d.curation.document, claim_id) for d in artifacts.documents
               if any(c.id == claim_id for c in d.curation.claims))
    s, p, o = (flat.value(iri, prop) for prop in (ALKKG.claimSubject, ALKKG.claimPredicate, ALKKG.claimObject))
    assert isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)
    return s, p, o


def _assertion_graphs(artifacts: Artifacts) -> dict[str, Graph]:
    found = {}
    for compiled in artifacts.documents:
        for context in compiled.nanopubs.graphs():
            if str(context.identifier).endswith("#assertion"):
                found[str(context.identifier)] = context
    return found


def _layers(artifacts: Artifacts) -> dict[str, Graph]:
    assertions = Graph()
    for graph in _assertion_graphs(artifacts).values():
        assertions += graph
    return {"alkkg.ttl": artifacts.flat, "nanopublication assertions": assertions,
            "alkkg-inferred.ttl": artifacts.inferred}


def _claims(artifacts: Artifacts):  # type: ignore[no-untyped-def]
    return [c for d in artifacts.documents for c in d.curation.claims]


def test_there_are_hedged_claims_to_check(artifacts: Artifacts) -> None:
    assert len([c for c in _claims(artifacts) if c.modality != "stated"]) >= 2


def test_no_hedged_claim_is_a_plain_fact_anywhere(artifacts: Artifacts) -> None:
    layers = _layers(artifacts)
    for claim in _claims(artifacts):
        if claim.modality == "stated":
            continue
        triple = _spo(artifacts, claim.id)
        for name, graph in layers.items():
            assert triple not in graph, f"hedged claim {claim.id} is a plain triple in {name}"
        hypothesis = hypothesis_iri(claim_iri(artifacts.documents[0].curation.document, claim.id))
        for name, graph in layers.items():
            assert (hypothesis, RDF.type, ALKKG.Hypothesis) in graph, f"{claim.id}: no hypothesis in {name}"
            assert (hypothesis, ALKKG.hypothesisSubject, triple[0]) in graph
            assert (hypothesis, ALKKG.hypothesisPredicate, triple[1]) in graph
            assert (hypothesis, ALKKG.hypothesisObject, triple[2]) in graph
            assert (hypothesis, ALKKG.modality, ALKKG[claim.modality]) in graph


def test_stated_claims_are_plain_facts_everywhere(artifacts: Artifacts) -> None:
    layers = _layers(artifacts)
    checked = 0
    for claim in _claims(artifacts):
        if claim.modality != "stated" or claim.polarity != "asserted":
            continue
        triple = _spo(artifacts, claim.id)
        for name, graph in layers.items():
            assert triple in graph, f"stated claim {claim.id} is missing from {name}"
        checked += 1
    assert checked >= 30


def test_negated_claims_stay_negative_property_assertions(artifacts: Artifacts) -> None:
    layers = _layers(artifacts)
    negated = [c for c in _claims(artifacts) if c.polarity == "negated"]
    assert negated
    for claim in negated:
        s, p, o = _spo(artifacts, claim.id)
        for name, graph in layers.items():
            assert (s, p, o) not in graph, f"negated claim {claim.id} is a plain triple in {name}"
            axioms = set(graph.subjects(OWL.sourceIndividual, s)) & set(graph.subjects(OWL.targetIndividual, o))
            assert any((a, OWL.assertionProperty, p) in graph for a in axioms), f"{claim.id}: no NPA in {name}"


def test_every_measurement_names_its_drug_or_population(artifacts: Artifacts) -> None:
    flat = artifacts.flat
    measurements = [c for c in _claims(artifacts) if c.measurement is not None]
    assert len(measurements) >= 6
    for claim in measurements:
        node = _spo(artifacts, claim.id)[2]
        assert (set(flat.objects(node, ALKKG.ofDrug)) | set(flat.objects(node, ALKKG.measuredInPopulation))), \
            f"the measurement of {claim.id} names neither a drug nor a population"
        qualifiers = dict(claim.qualifiers)
        for key, prop in (("comparator", ALKKG.measuredAgainst), ("target", ALKKG.ofTarget),
                          ("population", ALKKG.measuredInPopulation), ("disease", ALKKG.measuredInDisease),
                          ("assay", ALKKG.measuredInAssay), ("model", ALKKG.measuredInModel)):
            if key in qualifiers:
                assert (node, prop, ALKKGE[qualifiers[key]]) in flat, f"{claim.id}: {key} is not on its measurement"


def test_the_resistance_share_is_about_the_two_on_target_mechanisms(artifacts: Artifacts) -> None:
    node = _spo(artifacts, "s06-alk-alteration-resistance-share")[2]
    assert set(artifacts.flat.objects(node, IS_ABOUT)) == {ALKKGE["ALK-kinase-domain-mutation"],
                                                          ALKKGE["ALK-fusion-gene-amplification"]}


def test_the_majority_is_a_proportion_above_one_half_within_12_months(artifacts: Artifacts) -> None:
    flat = artifacts.flat
    node = _spo(artifacts, "s05-relapse-within-12-months")[2]
    assert (node, RDF.type, ALKKG.RelapseProportion) in flat
    assert (int(flat.value(node, ALKKG.numerator)), int(flat.value(node, ALKKG.denominator))) == (1, 2)
    assert flat.value(node, ALKKG.isLowerBound).toPython() is True
    assert float(flat.value(node, ALKKG.timeWindowValue)) == 12.0
    assert (node, ALKKG.ofDrug, ALKKGE.crizotinib) in flat


def test_words_that_grade_a_claim_are_terms(artifacts: Artifacts) -> None:
    flat = artifacts.flat
    degrees = {str(o).rsplit("/", 1)[-1] for o in flat.objects(None, ALKKG.withDegree)}
    assert degrees == {"aberrant", "limited", "marked", "potent"}
    assert (ALKKGE["ALK-kinase-domain-mutation"], RDF.type, ALKKG.AcquiredAlteration) in artifacts.ontology


def test_every_label_is_english(artifacts: Artifacts) -> None:
    from rdflib import RDFS, Literal

    untagged = [(s, o) for s, o in artifacts.flat.subject_objects(RDFS.label)
                if isinstance(o, Literal) and o.language != "en" and str(s).startswith("https://w3id.org/alkkg/")]
    assert not untagged[:5]


def test_sentences_carry_their_text(artifacts: Artifacts) -> None:
    compiled = artifacts.documents[0]
    for sentence in compiled.sentences:
        node = URIRef(f"https://w3id.org/alkkg/doc/{compiled.curation.document.id}-sentence-{sentence.number:02d}")
        assert str(artifacts.flat.value(node, ALKKG.sentenceText)) == sentence.text
