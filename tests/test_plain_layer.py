"""The plain layer says exactly what the text says: a hedge is never a fact, a number never floats free.

"Plain layer" = every place a triplestore user or a reasoner reads (subject, predicate, object) as
fact: the default graph of alkkg.ttl, each nanopublication's assertion graph, and the inferred graph.
"""

from __future__ import annotations

from rdflib import OWL, RDF, Graph, URIRef

from alkkg.claims import QUALIFIER_PROPERTIES, claim_iri, hypothesis_iri, qualified_statement_iri
from alkkg.pipeline import Artifacts
from alkkg.prefixes import ALKKG, ALKKGE, OA, expand

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


def test_no_qualifier_lives_only_on_the_claim_node(artifacts: Artifacts) -> None:
    """Every qualifier of a claim is also in the plain layer: on its measurement, its hypothesis or
    its qualified statement, which names the claim's own triple."""
    layers = _layers(artifacts)
    flat = artifacts.flat
    checked = 0
    for claim in _claims(artifacts):
        iri = claim_iri(artifacts.documents[0].curation.document, claim.id)
        qualifiers = {(p, o) for p in QUALIFIER_PROPERTIES.values() for o in flat.objects(iri, p)}
        if not qualifiers or claim.measurement is not None:
            continue  # measurement context: test_every_measurement_names_its_drug_or_population
        s, p, o = _spo(artifacts, claim.id)
        node = hypothesis_iri(iri) if claim.modality != "stated" else qualified_statement_iri(iri)
        for name, graph in layers.items():
            on_node = {(q, v) for q in QUALIFIER_PROPERTIES.values() for v in graph.objects(node, q)}
            assert on_node == qualifiers, f"{claim.id}: qualifiers in {name} are {on_node}, claim has {qualifiers}"
            if claim.modality == "stated":
                assert (node, RDF.type, ALKKG.QualifiedStatement) in graph
                assert (node, ALKKG.statementSubject, s) in graph and (node, ALKKG.statementPredicate, p) in graph
                assert (node, ALKKG.statementObject, o) in graph
                assert (node, ALKKG.polarity, ALKKG[claim.polarity]) in graph
        checked += 1
    assert checked >= 10


def test_the_expressed_driver_is_the_activated_or_fusion_protein_not_the_normal_receptor(artifacts: Artifacts) -> None:
    objects = {_spo(artifacts, f"s02-{kind}-expresses-alk-driver")[2]
               for kind in ("mutation", "amplification", "rearrangement")}
    assert objects == {ALKKGE["activated-ALK-protein"], ALKKGE["ALK-fusion-protein"]}
    assert _spo(artifacts, "s02-rearrangement-expresses-alk-driver")[2] == ALKKGE["ALK-fusion-protein"]
    inferred = artifacts.inferred
    drivers = set(inferred.subjects(RDF.type, ALKKG.OncogenicDriver))
    assert drivers == {ALKKGE["activated-ALK-protein"], ALKKGE["ALK-fusion-protein"]}
    assert (ALKKGE["ALK-fusion-gene"], ALKKG.encodes, ALKKGE["ALK-fusion-protein"]) in inferred


def test_the_class_claim_keeps_its_class_and_its_example(artifacts: Artifacts) -> None:
    assert _spo(artifacts, "s03-tumor-sensitive-to-alk-inhibitors") == (
        ALKKGE["ALK-rearranged-tumor"], ALKKG.sensitiveTo, ALKKGE["ALK-inhibitors"])
    assert (ALKKGE.crizotinib, ALKKG.memberOfDrugClass, ALKKGE["ALK-inhibitors"]) in artifacts.flat
    assert (ALKKGE["ALK-rearranged-tumor"], ALKKG.sensitiveTo, ALKKGE.crizotinib) not in artifacts.inferred


def test_every_curated_mention_is_a_web_annotation_at_its_offsets(artifacts: Artifacts) -> None:
    flat = artifacts.flat
    seen = 0
    for compiled in artifacts.documents:
        for item in compiled.located:
            iri = claim_iri(compiled.curation.document, item.claim.id)
            mentions = sorted(flat.objects(iri, ALKKG.hasMention), key=str)
            assert len(mentions) == len(item.mention_spans), item.claim.id
            for mention, (start, end, entity) in zip(mentions, item.mention_spans, strict=True):
                assert flat.value(mention, OA.hasBody) == ALKKGE[entity]
                assert flat.value(mention, OA.motivatedBy) == OA.identifying
                target = flat.value(mention, OA.hasTarget)
                selectors = set(flat.objects(target, OA.hasSelector))
                exact = {str(flat.value(s, OA.exact)) for s in selectors if flat.value(s, OA.exact)}
                offsets = {(flat.value(s, OA.start).toPython(), flat.value(s, OA.end).toPython())
                           for s in selectors if flat.value(s, OA.start) is not None}
                assert exact == {compiled.text[start:end]} and offsets == {(start, end)}
                seen += 1
    assert seen == sum(len(c.mentions) for c in _claims(artifacts)) >= 2
