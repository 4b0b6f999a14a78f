window.ALKKG_SEARCH = [
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-rearrangement-expresses-alk-driver",
"kind": "claim",
"label": "Aberrant activation of ALK by chromosomal rearrangement leads to the expression of an ALK fusion protein, a potent oncogenic driver.",
"path": "claim/shaw-2014-s02-rearrangement-expresses-alk-driver/index.html",
"synonyms": [
"chromosomal rearrangement, leading to the expression of a potent oncogenic driver",
"shaw-2014 s02-rearrangement-expresses-alk-driver",
"shaw-2014-s02-rearrangement-expresses-alk-driver"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-amplification-expresses-alk-driver",
"kind": "claim",
"label": "Aberrant activation of ALK by gene amplification leads to the expression of aberrantly activated (over-expressed) ALK, a potent oncogenic driver.",
"path": "claim/shaw-2014-s02-amplification-expresses-alk-driver/index.html",
"synonyms": [
"gene amplification, or chromosomal rearrangement, leading to the expression of a potent oncogenic driver",
"shaw-2014 s02-amplification-expresses-alk-driver",
"shaw-2014-s02-amplification-expresses-alk-driver"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-mutation-expresses-alk-driver",
"kind": "claim",
"label": "Aberrant activation of ALK by mutation leads to the expression of aberrantly activated ALK, a potent oncogenic driver.",
"path": "claim/shaw-2014-s02-mutation-expresses-alk-driver/index.html",
"synonyms": [
"mutation aberrantly, gene amplification, or chromosomal rearrangement, leading to the expression of a potent oncogenic driver",
"shaw-2014 s02-mutation-expresses-alk-driver",
"shaw-2014-s02-mutation-expresses-alk-driver"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-alk-oncogenic-driver",
"kind": "claim",
"label": "Aberrantly activated ALK (mutant or over-expressed) is a potent oncogenic driver.",
"path": "claim/shaw-2014-s02-alk-oncogenic-driver/index.html",
"synonyms": [
"a potent oncogenic driver",
"shaw-2014 s02-alk-oncogenic-driver",
"shaw-2014-s02-alk-oncogenic-driver"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-rearrangement-activates-alk",
"kind": "claim",
"label": "ALK can be aberrantly activated by chromosomal rearrangement.",
"path": "claim/shaw-2014-s02-rearrangement-activates-alk/index.html",
"synonyms": [
"chromosomal rearrangement",
"shaw-2014 s02-rearrangement-activates-alk",
"shaw-2014-s02-rearrangement-activates-alk"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-amplification-activates-alk",
"kind": "claim",
"label": "ALK can be aberrantly activated by gene amplification.",
"path": "claim/shaw-2014-s02-amplification-activates-alk/index.html",
"synonyms": [
"gene amplification",
"shaw-2014 s02-amplification-activates-alk",
"shaw-2014-s02-amplification-activates-alk"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-mutation-activates-alk",
"kind": "claim",
"label": "ALK can be aberrantly activated by mutation.",
"path": "claim/shaw-2014-s02-mutation-activates-alk/index.html",
"synonyms": [
"ALK can be activated by mutation aberrantly",
"shaw-2014 s02-mutation-activates-alk",
"shaw-2014-s02-mutation-activates-alk"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s03-tumor-depends-on-alk",
"kind": "claim",
"label": "ALK-rearranged tumors depend on ALK for growth and survival.",
"path": "claim/shaw-2014-s03-tumor-depends-on-alk/index.html",
"synonyms": [
"ALK-rearranged tumors depend on ALK for growth and survival",
"shaw-2014 s03-tumor-depends-on-alk",
"shaw-2014-s03-tumor-depends-on-alk"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s03-tumor-sensitive-to-alk-inhibitors",
"kind": "claim",
"label": "ALK-rearranged tumors show marked sensitivity to ALK inhibitors (crizotinib being one).",
"path": "claim/shaw-2014-s03-tumor-sensitive-to-alk-inhibitors/index.html",
"synonyms": [
"shaw-2014 s03-tumor-sensitive-to-alk-inhibitors",
"shaw-2014-s03-tumor-sensitive-to-alk-inhibitors",
"show marked sensitivity to ALK inhibitors such as crizotinib"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s04-crizotinib-median-pfs",
"kind": "claim",
"label": "Among patients with advanced ALK-rearranged NSCLC, crizotinib has been associated with a median progression-free survival of 8 to 10 months.",
"path": "claim/shaw-2014-s04-crizotinib-median-pfs/index.html",
"synonyms": [
"a median progression-free survival of 8 to 10 months",
"shaw-2014 s04-crizotinib-median-pfs",
"shaw-2014-s04-crizotinib-median-pfs"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s04-crizotinib-response-rate",
"kind": "claim",
"label": "Among patients with advanced ALK-rearranged NSCLC, crizotinib has been associated with response rates of approximately 60 percent across multiple studies.",
"path": "claim/shaw-2014-s04-crizotinib-response-rate/index.html",
"synonyms": [
"crizotinib has been connected with response rates of approximately 60 percent",
"shaw-2014 s04-crizotinib-response-rate",
"shaw-2014-s04-crizotinib-response-rate"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s06-fusion-gene-amplification-confers-resistance",
"kind": "claim",
"label": "Amplification of the ALK fusion gene causes relapse on crizotinib in patients with ALK-rearranged NSCLC, that is, it confers resistance to crizotinib.",
"path": "claim/shaw-2014-s06-fusion-gene-amplification-confers-resistance/index.html",
"synonyms": [
"amplification of the ALK fusion gene",
"shaw-2014 s06-fusion-gene-amplification-confers-resistance",
"shaw-2014-s06-fusion-gene-amplification-confers-resistance"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s06-kinase-domain-mutation-confers-resistance",
"kind": "claim",
"label": "An acquired mutation in the ALK tyrosine kinase domain causes relapse on crizotinib in patients with ALK-rearranged NSCLC, that is, it confers resistance to crizotinib.",
"path": "claim/shaw-2014-s06-kinase-domain-mutation-confers-resistance/index.html",
"synonyms": [
"an acquired mutation within the ALK tyrosine kinase domain",
"shaw-2014 s06-kinase-domain-mutation-confers-resistance",
"shaw-2014-s06-kinase-domain-mutation-confers-resistance"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s06-alk-alteration-resistance-share",
"kind": "claim",
"label": "Approximately one third of patients with ALK-rearranged NSCLC who relapse on crizotinib do so because of an acquired ALK tyrosine kinase domain mutation or amplification of the ALK fusion gene.",
"path": "claim/shaw-2014-s06-alk-alteration-resistance-share/index.html",
"synonyms": [
"Approximately 1 / 3 of patients with ALK-rearranged NSCLC possess a relapse due to an acquired mutation within the ALK tyrosine kinase domain or amplification of the ALK fusion gene",
"shaw-2014 s06-alk-alteration-resistance-share",
"shaw-2014-s06-alk-alteration-resistance-share"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s01-author-boral",
"kind": "claim",
"label": "Boral, M.D., Ph.D., is an author of the document.",
"path": "claim/shaw-2014-s01-author-boral/index.html",
"synonyms": [
"Boral",
"shaw-2014 s01-author-boral",
"shaw-2014-s01-author-boral"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s11-ceritinib-inhibits-igf1r",
"kind": "claim",
"label": "Ceritinib inhibits the insulin-like growth factor 1 receptor (IGF-1R).",
"path": "claim/shaw-2014-s11-ceritinib-inhibits-igf1r/index.html",
"synonyms": [
"it can inhibit the insulin-like development aspect 1 receptor",
"shaw-2014 s11-ceritinib-inhibits-igf1r",
"shaw-2014-s11-ceritinib-inhibits-igf1r"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s09-ceritinib-inhibits-alk",
"kind": "claim",
"label": "Ceritinib inhibits the tyrosine kinase activity of ALK.",
"path": "claim/shaw-2014-s09-ceritinib-inhibits-alk/index.html",
"synonyms": [
"shaw-2014 s09-ceritinib-inhibits-alk",
"shaw-2014-s09-ceritinib-inhibits-alk",
"tyrosine kinase inhibitor of ALK"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s09-ceritinib-small-molecule",
"kind": "claim",
"label": "Ceritinib is a small-molecule drug.",
"path": "claim/shaw-2014-s09-ceritinib-small-molecule/index.html",
"synonyms": [
"shaw-2014 s09-ceritinib-small-molecule",
"shaw-2014-s09-ceritinib-small-molecule",
"small-molecule"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s09-ceritinib-tyrosine-kinase-inhibitor",
"kind": "claim",
"label": "Ceritinib is a tyrosine kinase inhibitor.",
"path": "claim/shaw-2014-s09-ceritinib-tyrosine-kinase-inhibitor/index.html",
"synonyms": [
"shaw-2014 s09-ceritinib-tyrosine-kinase-inhibitor",
"shaw-2014-s09-ceritinib-tyrosine-kinase-inhibitor",
"tyrosine kinase inhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s09-ceritinib-atp-competitive",
"kind": "claim",
"label": "Ceritinib is an ATP-competitive inhibitor.",
"path": "claim/shaw-2014-s09-ceritinib-atp-competitive/index.html",
"synonyms": [
"ATP-competitive",
"shaw-2014 s09-ceritinib-atp-competitive",
"shaw-2014-s09-ceritinib-atp-competitive"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s09-ceritinib-oral",
"kind": "claim",
"label": "Ceritinib is an oral drug.",
"path": "claim/shaw-2014-s09-ceritinib-oral/index.html",
"synonyms": [
"an oral",
"shaw-2014 s09-ceritinib-oral",
"shaw-2014-s09-ceritinib-oral"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s11-igf1r-inhibition-50-fold-less-potent",
"kind": "claim",
"label": "Ceritinib's inhibition of the IGF-1 receptor is less potent than its inhibition of ALK by a factor of 50.",
"path": "claim/shaw-2014-s11-igf1r-inhibition-50-fold-less-potent/index.html",
"synonyms": [
"shaw-2014 s11-igf1r-inhibition-50-fold-less-potent",
"shaw-2014-s11-igf1r-inhibition-50-fold-less-potent",
"the inhibition of the IGF-1 receptor is much less potent compared to the inhibition of ALK by a factor of 50"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s11-crizotinib-inhibits-met",
"kind": "claim",
"label": "Crizotinib inhibits the kinase activity of MET (implied by the contrast \"unlike crizotinib, ceritinib does not inhibit MET\").",
"path": "claim/shaw-2014-s11-crizotinib-inhibits-met/index.html",
"synonyms": [
"As opposed to crizotinib, ceritinib will not inhibit the kinase activity of MET",
"shaw-2014 s11-crizotinib-inhibits-met",
"shaw-2014-s11-crizotinib-inhibits-met"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s03-crizotinib-inhibits-alk",
"kind": "claim",
"label": "Crizotinib is an ALK inhibitor.",
"path": "claim/shaw-2014-s03-crizotinib-inhibits-alk/index.html",
"synonyms": [
"ALK inhibitors such as crizotinib",
"shaw-2014 s03-crizotinib-inhibits-alk",
"shaw-2014-s03-crizotinib-inhibits-alk"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s03-crizotinib-member-of-alk-inhibitors",
"kind": "claim",
"label": "Crizotinib is one of the ALK inhibitors.",
"path": "claim/shaw-2014-s03-crizotinib-member-of-alk-inhibitors/index.html",
"synonyms": [
"ALK inhibitors such as crizotinib",
"shaw-2014 s03-crizotinib-member-of-alk-inhibitors",
"shaw-2014-s03-crizotinib-member-of-alk-inhibitors"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s05-relapse-within-12-months",
"kind": "claim",
"label": "Despite initial responses to crizotinib, the majority of patients have a relapse within 12 months.",
"path": "claim/shaw-2014-s05-relapse-within-12-months/index.html",
"synonyms": [
"shaw-2014 s05-relapse-within-12-months",
"shaw-2014-s05-relapse-within-12-months",
"the majority of patients have got a relapse within 12 months"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s10-ceritinib-20-fold-more-potent",
"kind": "claim",
"label": "In enzymatic assays, ceritinib is 20 times as potent as crizotinib against ALK.",
"path": "claim/shaw-2014-s10-ceritinib-20-fold-more-potent/index.html",
"synonyms": [
"ceritinib is 20 moments as potent as crizotinib against ALK",
"shaw-2014 s10-ceritinib-20-fold-more-potent",
"shaw-2014-s10-ceritinib-20-fold-more-potent"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s07-alk-fusion-gene-unchanged",
"kind": "claim",
"label": "In the remaining crizotinib-resistant cases (those without an ALK kinase domain mutation or ALK fusion gene amplification), the ALK fusion gene is unaltered.",
"path": "claim/shaw-2014-s07-alk-fusion-gene-unchanged/index.html",
"synonyms": [
"shaw-2014 s07-alk-fusion-gene-unchanged",
"shaw-2014-s07-alk-fusion-gene-unchanged",
"the ALK fusion gene is unchanged"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s07-alk-independent-resistance-mechanisms",
"kind": "claim",
"label": "In the remaining crizotinib-resistant cases, several ALK-independent resistance mechanisms have been reported.",
"path": "claim/shaw-2014-s07-alk-independent-resistance-mechanisms/index.html",
"synonyms": [
"a number of resistance mechanisms have already been reported",
"shaw-2014 s07-alk-independent-resistance-mechanisms",
"shaw-2014-s07-alk-independent-resistance-mechanisms"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s12-activity-crizotinib-resistant-tumors",
"kind": "claim",
"label": "In xenograft models of ALK-rearranged NSCLC, ceritinib showed marked antitumor activity against crizotinib-resistant tumors.",
"path": "claim/shaw-2014-s12-activity-crizotinib-resistant-tumors/index.html",
"synonyms": [
"ceritinib showed marked antitumor activity against both crizotinib-sensitive and crizotinib-resistant tumors",
"shaw-2014 s12-activity-crizotinib-resistant-tumors",
"shaw-2014-s12-activity-crizotinib-resistant-tumors"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s12-activity-crizotinib-sensitive-tumors",
"kind": "claim",
"label": "In xenograft models of ALK-rearranged NSCLC, ceritinib showed marked antitumor activity against crizotinib-sensitive tumors.",
"path": "claim/shaw-2014-s12-activity-crizotinib-sensitive-tumors/index.html",
"synonyms": [
"ceritinib showed marked antitumor activity against both crizotinib-sensitive",
"shaw-2014 s12-activity-crizotinib-sensitive-tumors",
"shaw-2014-s12-activity-crizotinib-sensitive-tumors"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s01-author-engelman",
"kind": "claim",
"label": "Jeffrey A. Engelman, M.D., Ph.D., is an author of the document.",
"path": "claim/shaw-2014-s01-author-engelman/index.html",
"synonyms": [
"Jeffrey A. Engelman",
"shaw-2014 s01-author-engelman",
"shaw-2014-s01-author-engelman"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s05-initial-response-to-crizotinib",
"kind": "claim",
"label": "Patients treated with crizotinib show initial responses to crizotinib.",
"path": "claim/shaw-2014-s05-initial-response-to-crizotinib/index.html",
"synonyms": [
"preliminary responses to crizotinib",
"shaw-2014 s05-initial-response-to-crizotinib",
"shaw-2014-s05-initial-response-to-crizotinib"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s05-resistance-causes-relapse",
"kind": "claim",
"label": "Relapse on crizotinib is owing to the development of (acquired) resistance to crizotinib.",
"path": "claim/shaw-2014-s05-resistance-causes-relapse/index.html",
"synonyms": [
"owing to the development of resistance",
"shaw-2014 s05-resistance-causes-relapse",
"shaw-2014-s05-resistance-causes-relapse"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s02-alk-fusion-protein-oncogenic-driver",
"kind": "claim",
"label": "The ALK fusion protein expressed after a chromosomal rearrangement is a potent oncogenic driver.",
"path": "claim/shaw-2014-s02-alk-fusion-protein-oncogenic-driver/index.html",
"synonyms": [
"a potent oncogenic driver",
"shaw-2014 s02-alk-fusion-protein-oncogenic-driver",
"shaw-2014-s02-alk-fusion-protein-oncogenic-driver"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s13-active-after-crizotinib-progression",
"kind": "claim",
"label": "These preclinical studies suggest that ceritinib may also be active in patients with NSCLC who have had disease progression during crizotinib treatment.",
"path": "claim/shaw-2014-s13-active-after-crizotinib-progression/index.html",
"synonyms": [
"ceritinib may be active in sufferers with NSCLC who have not received crizotinib previously, and also in patients who have had disease progression during crizotinib treatment",
"shaw-2014 s13-active-after-crizotinib-progression",
"shaw-2014-s13-active-after-crizotinib-progression"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s13-active-in-crizotinib-naive-patients",
"kind": "claim",
"label": "These preclinical studies suggest that ceritinib may be active in patients with NSCLC who have not previously received crizotinib.",
"path": "claim/shaw-2014-s13-active-in-crizotinib-naive-patients/index.html",
"synonyms": [
"ceritinib may be active in sufferers with NSCLC who have not received crizotinib previously",
"shaw-2014 s13-active-in-crizotinib-naive-patients",
"shaw-2014-s13-active-in-crizotinib-naive-patients"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s08-option-cytotoxic-chemotherapy",
"kind": "claim",
"label": "Treatment options after the failure of crizotinib are limited and include cytotoxic chemotherapy.",
"path": "claim/shaw-2014-s08-option-cytotoxic-chemotherapy/index.html",
"synonyms": [
"cytotoxic chemotherapy",
"shaw-2014 s08-option-cytotoxic-chemotherapy",
"shaw-2014-s08-option-cytotoxic-chemotherapy"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s08-option-palliative-radiotherapy",
"kind": "claim",
"label": "Treatment options after the failure of crizotinib are limited and include palliative radiotherapy.",
"path": "claim/shaw-2014-s08-option-palliative-radiotherapy/index.html",
"synonyms": [
"palliative radiotherapy",
"shaw-2014 s08-option-palliative-radiotherapy",
"shaw-2014-s08-option-palliative-radiotherapy"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s08-option-supportive-care",
"kind": "claim",
"label": "Treatment options after the failure of crizotinib are limited and include supportive care.",
"path": "claim/shaw-2014-s08-option-supportive-care/index.html",
"synonyms": [
"shaw-2014 s08-option-supportive-care",
"shaw-2014-s08-option-supportive-care",
"supportive caution"
]
},
{
"iri": "https://w3id.org/alkkg/claim/shaw-2014-s11-ceritinib-does-not-inhibit-met",
"kind": "claim",
"label": "Unlike crizotinib, ceritinib does not inhibit the kinase activity of MET.",
"path": "claim/shaw-2014-s11-ceritinib-does-not-inhibit-met/index.html",
"synonyms": [
"ceritinib will not inhibit the kinase activity of MET",
"shaw-2014 s11-ceritinib-does-not-inhibit-met",
"shaw-2014-s11-ceritinib-does-not-inhibit-met"
]
},
{
"iri": "https://w3id.org/alkkg/doc/shaw-2014",
"kind": "document",
"label": "Shaw et al. 2014: Ceritinib in ALK-Rearranged Non-Small-Cell Lung Cancer",
"path": "doc/shaw-2014/index.html",
"synonyms": [
"Ceritinib in ALK-Rearranged Non-Small-Cell Lung Cancer"
]
},
{
"iri": "https://w3id.org/alkkg/entity/activated-ALK-protein",
"kind": "entity",
"label": "aberrantly activated ALK protein",
"path": "entity/activated-ALK-protein/index.html",
"synonyms": [
"aberrantly activated ALK",
"activated ALK",
"activated-ALK-protein"
]
},
{
"iri": "https://w3id.org/alkkg/entity/acquired-crizotinib-resistance",
"kind": "entity",
"label": "acquired crizotinib resistance",
"path": "entity/acquired-crizotinib-resistance/index.html",
"synonyms": [
"acquired-crizotinib-resistance"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-fusion-gene",
"kind": "entity",
"label": "ALK fusion gene",
"path": "entity/ALK-fusion-gene/index.html",
"synonyms": [
"ALK-fusion-gene"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-fusion-gene-amplification",
"kind": "entity",
"label": "ALK fusion gene amplification",
"path": "entity/ALK-fusion-gene-amplification/index.html",
"synonyms": [
"ALK-fusion-gene-amplification",
"amplification of the ALK fusion gene"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-fusion-protein",
"kind": "entity",
"label": "ALK fusion protein",
"path": "entity/ALK-fusion-protein/index.html",
"synonyms": [
"ALK fusion kinase",
"ALK fusion product",
"ALK-fusion-protein"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-gene",
"kind": "entity",
"label": "ALK gene",
"path": "entity/ALK-gene/index.html",
"synonyms": [
"ALK",
"ALK receptor tyrosine kinase",
"ALK-gene",
"CD246",
"anaplastic lymphoma receptor tyrosine kinase"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-gene-amplification",
"kind": "entity",
"label": "ALK gene amplification",
"path": "entity/ALK-gene-amplification/index.html",
"synonyms": [
"ALK-gene-amplification"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-inhibitors",
"kind": "entity",
"label": "ALK inhibitors",
"path": "entity/ALK-inhibitors/index.html",
"synonyms": [
"ALK inhibitor",
"ALK tyrosine kinase inhibitor",
"ALK-inhibitors"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-kinase-domain-mutation",
"kind": "entity",
"label": "ALK kinase domain mutation",
"path": "entity/ALK-kinase-domain-mutation/index.html",
"synonyms": [
"ALK-kinase-domain-mutation",
"mutation within the ALK tyrosine kinase domain"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-mutation",
"kind": "entity",
"label": "ALK mutation",
"path": "entity/ALK-mutation/index.html",
"synonyms": [
"ALK-mutation"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-protein",
"kind": "entity",
"label": "ALK protein",
"path": "entity/ALK-protein/index.html",
"synonyms": [
"ALK",
"ALK tyrosine kinase receptor",
"ALK-protein",
"CD246",
"anaplastic lymphoma kinase"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-rearrangement",
"kind": "entity",
"label": "ALK rearrangement",
"path": "entity/ALK-rearrangement/index.html",
"synonyms": [
"ALK-rearrangement"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-kinase-domain",
"kind": "entity",
"label": "ALK tyrosine kinase domain",
"path": "entity/ALK-kinase-domain/index.html",
"synonyms": [
"ALK-kinase-domain"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-independent-resistance-mechanisms",
"kind": "entity",
"label": "ALK-independent mechanisms of crizotinib resistance",
"path": "entity/ALK-independent-resistance-mechanisms/index.html",
"synonyms": [
"ALK-independent-resistance-mechanisms"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-rearranged-NSCLC",
"kind": "entity",
"label": "ALK-rearranged non-small cell lung cancer",
"path": "entity/ALK-rearranged-NSCLC/index.html",
"synonyms": [
"ALK-positive NSCLC",
"ALK-rearranged NSCLC",
"ALK-rearranged non-small-cell lung cancer",
"ALK-rearranged-NSCLC"
]
},
{
"iri": "https://w3id.org/alkkg/entity/ALK-rearranged-tumor",
"kind": "entity",
"label": "ALK-rearranged tumor",
"path": "entity/ALK-rearranged-tumor/index.html",
"synonyms": [
"ALK-rearranged-tumor"
]
},
{
"iri": "https://w3id.org/alkkg/entity/byline",
"kind": "entity",
"label": "byline",
"path": "entity/byline/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/entity/ceritinib",
"kind": "entity",
"label": "ceritinib",
"path": "entity/ceritinib/index.html",
"synonyms": [
"LDK-378",
"LDK378",
"Zykadia"
]
},
{
"iri": "https://w3id.org/alkkg/entity/clinical-study",
"kind": "entity",
"label": "clinical study",
"path": "entity/clinical-study/index.html",
"synonyms": [
"clinical-study"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib",
"kind": "entity",
"label": "crizotinib",
"path": "entity/crizotinib/index.html",
"synonyms": [
"PF-02341066",
"Xalkori"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-naive-NSCLC-patients",
"kind": "entity",
"label": "crizotinib-naive patients with NSCLC",
"path": "entity/crizotinib-naive-NSCLC-patients/index.html",
"synonyms": [
"crizotinib-naive-NSCLC-patients"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-resistant-tumor",
"kind": "entity",
"label": "crizotinib-resistant tumor",
"path": "entity/crizotinib-resistant-tumor/index.html",
"synonyms": [
"crizotinib-resistant-tumor"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-sensitive-tumor",
"kind": "entity",
"label": "crizotinib-sensitive tumor",
"path": "entity/crizotinib-sensitive-tumor/index.html",
"synonyms": [
"crizotinib-sensitive-tumor"
]
},
{
"iri": "https://w3id.org/alkkg/entity/cytotoxic-chemotherapy",
"kind": "entity",
"label": "cytotoxic chemotherapy",
"path": "entity/cytotoxic-chemotherapy/index.html",
"synonyms": [
"cytotoxic-chemotherapy"
]
},
{
"iri": "https://w3id.org/alkkg/entity/disease-progression",
"kind": "entity",
"label": "disease progression",
"path": "entity/disease-progression/index.html",
"synonyms": [
"disease-progression"
]
},
{
"iri": "https://w3id.org/alkkg/entity/enzymatic-assay",
"kind": "entity",
"label": "enzymatic assay",
"path": "entity/enzymatic-assay/index.html",
"synonyms": [
"enzymatic-assay"
]
},
{
"iri": "https://w3id.org/alkkg/entity/growth-and-survival",
"kind": "entity",
"label": "growth and survival",
"path": "entity/growth-and-survival/index.html",
"synonyms": [
"growth-and-survival"
]
},
{
"iri": "https://w3id.org/alkkg/entity/IGF1R-gene",
"kind": "entity",
"label": "IGF1R gene",
"path": "entity/IGF1R-gene/index.html",
"synonyms": [
"CD221",
"IGF1R",
"IGF1R-gene",
"IGFIR",
"JTK13",
"insulin like growth factor 1 receptor"
]
},
{
"iri": "https://w3id.org/alkkg/entity/IGF1R-protein",
"kind": "entity",
"label": "IGF1R protein",
"path": "entity/IGF1R-protein/index.html",
"synonyms": [
"CD221",
"IGF-1 receptor",
"IGF-1R",
"IGF1R",
"IGF1R-protein",
"insulin-like growth factor 1 receptor"
]
},
{
"iri": "https://w3id.org/alkkg/entity/initial-response",
"kind": "entity",
"label": "initial response",
"path": "entity/initial-response/index.html",
"synonyms": [
"initial-response"
]
},
{
"iri": "https://w3id.org/alkkg/entity/MET-gene",
"kind": "entity",
"label": "MET gene",
"path": "entity/MET-gene/index.html",
"synonyms": [
"HGFR",
"MET",
"MET proto-oncogene, receptor tyrosine kinase",
"MET-gene",
"c-Met"
]
},
{
"iri": "https://w3id.org/alkkg/entity/MET-protein",
"kind": "entity",
"label": "MET protein",
"path": "entity/MET-protein/index.html",
"synonyms": [
"HGF receptor",
"MET",
"MET-protein",
"c-Met",
"hepatocyte growth factor receptor"
]
},
{
"iri": "https://w3id.org/alkkg/entity/NSCLC",
"kind": "entity",
"label": "non-small cell lung cancer",
"path": "entity/NSCLC/index.html",
"synonyms": [
"NSCLC",
"lung non-small cell carcinoma",
"non-small cell lung carcinoma",
"non-small-cell lung cancer"
]
},
{
"iri": "https://w3id.org/alkkg/entity/oncogenic-driver-role",
"kind": "entity",
"label": "oncogenic driver role",
"path": "entity/oncogenic-driver-role/index.html",
"synonyms": [
"oncogenic-driver-role"
]
},
{
"iri": "https://w3id.org/alkkg/entity/oral-route",
"kind": "entity",
"label": "oral route",
"path": "entity/oral-route/index.html",
"synonyms": [
"oral route of administration",
"oral-route"
]
},
{
"iri": "https://w3id.org/alkkg/entity/palliative-radiotherapy",
"kind": "entity",
"label": "palliative radiotherapy",
"path": "entity/palliative-radiotherapy/index.html",
"synonyms": [
"palliative-radiotherapy"
]
},
{
"iri": "https://w3id.org/alkkg/entity/advanced-ALK-rearranged-NSCLC-patients",
"kind": "entity",
"label": "patients with advanced ALK-rearranged NSCLC",
"path": "entity/advanced-ALK-rearranged-NSCLC-patients/index.html",
"synonyms": [
"advanced-ALK-rearranged-NSCLC-patients"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-treated-patients",
"kind": "entity",
"label": "patients with ALK-rearranged NSCLC treated with crizotinib",
"path": "entity/crizotinib-treated-patients/index.html",
"synonyms": [
"crizotinib-treated-patients"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-resistant-patients",
"kind": "entity",
"label": "patients with crizotinib-resistant ALK-rearranged NSCLC",
"path": "entity/crizotinib-resistant-patients/index.html",
"synonyms": [
"crizotinib-resistant-patients"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-resistant-patients-without-ALK-alteration",
"kind": "entity",
"label": "patients with crizotinib-resistant ALK-rearranged NSCLC and no ALK alteration",
"path": "entity/crizotinib-resistant-patients-without-ALK-alteration/index.html",
"synonyms": [
"crizotinib-resistant-patients-without-ALK-alteration"
]
},
{
"iri": "https://w3id.org/alkkg/entity/crizotinib-progressed-NSCLC-patients",
"kind": "entity",
"label": "patients with NSCLC who progressed on crizotinib",
"path": "entity/crizotinib-progressed-NSCLC-patients/index.html",
"synonyms": [
"crizotinib-progressed-NSCLC-patients"
]
},
{
"iri": "https://w3id.org/alkkg/entity/preclinical-study",
"kind": "entity",
"label": "preclinical study",
"path": "entity/preclinical-study/index.html",
"synonyms": [
"preclinical-study"
]
},
{
"iri": "https://w3id.org/alkkg/entity/relapse",
"kind": "entity",
"label": "relapse",
"path": "entity/relapse/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/entity/supportive-care",
"kind": "entity",
"label": "supportive care",
"path": "entity/supportive-care/index.html",
"synonyms": [
"supportive-care"
]
},
{
"iri": "https://w3id.org/alkkg/entity/xenograft-model",
"kind": "entity",
"label": "xenograft model",
"path": "entity/xenograft-model/index.html",
"synonyms": [
"xenograft-model"
]
},
{
"iri": "https://w3id.org/alkkg/query/relative-potency",
"kind": "query",
"label": "How potent is a drug compared with another drug or against another target (fold differences)?",
"path": "query/relative-potency/index.html",
"synonyms": [
"relative-potency"
]
},
{
"iri": "https://w3id.org/alkkg/query/inferred-types",
"kind": "query",
"label": "Into which defined classes does the reasoner place each entity (ALK inhibitor, on-target resistance mechanism, drug target, ...)?",
"path": "query/inferred-types/index.html",
"synonyms": [
"inferred-types"
]
},
{
"iri": "https://w3id.org/alkkg/query/treatment-options-after-failure",
"kind": "query",
"label": "What are the treatment options for patients whose disease progressed on a drug, and how firmly does the source state each?",
"path": "query/treatment-options-after-failure/index.html",
"synonyms": [
"treatment-options-after-failure"
]
},
{
"iri": "https://w3id.org/alkkg/query/drug-comparison",
"kind": "query",
"label": "What distinguishes two drugs: which targets does one inhibit that the other does not?",
"path": "query/drug-comparison/index.html",
"synonyms": [
"drug-comparison"
]
},
{
"iri": "https://w3id.org/alkkg/query/describe-entity",
"kind": "query",
"label": "What does the source claim about an entity, as subject, object or qualifier of a claim?",
"path": "query/describe-entity/index.html",
"synonyms": [
"describe-entity"
]
},
{
"iri": "https://w3id.org/alkkg/query/claim-evidence",
"kind": "query",
"label": "What exact words, offsets and cited references stand behind a claim?",
"path": "query/claim-evidence/index.html",
"synonyms": [
"claim-evidence"
]
},
{
"iri": "https://w3id.org/alkkg/query/drug-outcomes",
"kind": "query",
"label": "What outcomes (response rate, median progression-free survival, relapse) does a drug have in a population, with values, units and qualifiers?",
"path": "query/drug-outcomes/index.html",
"synonyms": [
"drug-outcomes"
]
},
{
"iri": "https://w3id.org/alkkg/query/claim-support",
"kind": "query",
"label": "Which claims does a claim rest on, with what evidence and how firmly stated?",
"path": "query/claim-support/index.html",
"synonyms": [
"claim-support"
]
},
{
"iri": "https://w3id.org/alkkg/query/sentence-claims",
"kind": "query",
"label": "Which claims does each sentence of the source yield?",
"path": "query/sentence-claims/index.html",
"synonyms": [
"sentence-claims"
]
},
{
"iri": "https://w3id.org/alkkg/query/hedged-and-negated-claims",
"kind": "query",
"label": "Which claims does the source make only tentatively (hedged), and which does it deny (negated)?",
"path": "query/hedged-and-negated-claims/index.html",
"synonyms": [
"hedged-and-negated-claims"
]
},
{
"iri": "https://w3id.org/alkkg/query/claims-by-evidence",
"kind": "query",
"label": "Which claims rest on preclinical and which on clinical evidence, and of what kind?",
"path": "query/claims-by-evidence/index.html",
"synonyms": [
"claims-by-evidence"
]
},
{
"iri": "https://w3id.org/alkkg/query/alk-inhibitors",
"kind": "query",
"label": "Which drugs does the reasoner classify as ALK inhibitors, and on which claims does that rest?",
"path": "query/alk-inhibitors/index.html",
"synonyms": [
"alk-inhibitors"
]
},
{
"iri": "https://w3id.org/alkkg/query/drugs-inhibiting-target",
"kind": "query",
"label": "Which drugs inhibit a given target, according to which claims?",
"path": "query/drugs-inhibiting-target/index.html",
"synonyms": [
"drugs-inhibiting-target"
]
},
{
"iri": "https://w3id.org/alkkg/query/activity-against-resistant-tumours",
"kind": "query",
"label": "Which drugs show activity against crizotinib-resistant tumours, in which model and disease, and how firmly?",
"path": "query/activity-against-resistant-tumours/index.html",
"synonyms": [
"activity-against-resistant-tumours"
]
},
{
"iri": "https://w3id.org/alkkg/query/resistance-mechanisms",
"kind": "query",
"label": "Which mechanisms confer resistance to a drug, are they on-target (ALK) or ALK-independent, and what share of resistant patients do they explain?",
"path": "query/resistance-mechanisms/index.html",
"synonyms": [
"resistance-mechanisms"
]
},
{
"iri": "https://w3id.org/alkkg/query/most-cited-references",
"kind": "query",
"label": "Which references of the source are cited most, by how many claims and sentences?",
"path": "query/most-cited-references/index.html",
"synonyms": [
"most-cited-references"
]
},
{
"iri": "https://w3id.org/alkkg/query/targets-of-drug",
"kind": "query",
"label": "Which targets does a drug inhibit, and which does the source say it does not inhibit?",
"path": "query/targets-of-drug/index.html",
"synonyms": [
"targets-of-drug"
]
},
{
"iri": "https://w3id.org/alkkg/query/alk-activating-alterations",
"kind": "query",
"label": "Which types of gene alteration activate ALK, and how does the source grade the activation?",
"path": "query/alk-activating-alterations/index.html",
"synonyms": [
"alk-activating-alterations"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/aberrant",
"kind": "term",
"label": "aberrant",
"path": "vocab/aberrant/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/AcquiredDrugResistance",
"kind": "term",
"label": "acquired drug resistance",
"path": "vocab/AcquiredDrugResistance/index.html",
"synonyms": [
"AcquiredDrugResistance"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/AcquiredAlteration",
"kind": "term",
"label": "acquired gene alteration",
"path": "vocab/AcquiredAlteration/index.html",
"synonyms": [
"AcquiredAlteration"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/AcquiredMutation",
"kind": "term",
"label": "acquired mutation",
"path": "vocab/AcquiredMutation/index.html",
"synonyms": [
"AcquiredMutation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/activates",
"kind": "term",
"label": "activates",
"path": "vocab/activates/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/ActivatingAlteration",
"kind": "term",
"label": "activating alteration",
"path": "vocab/ActivatingAlteration/index.html",
"synonyms": [
"ActivatingAlteration"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/AdvancedDiseasePopulation",
"kind": "term",
"label": "advanced-disease patient population",
"path": "vocab/AdvancedDiseasePopulation/index.html",
"synonyms": [
"AdvancedDiseasePopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/againstTarget",
"kind": "term",
"label": "against target",
"path": "vocab/againstTarget/index.html",
"synonyms": [
"againstTarget"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ALKInhibitor",
"kind": "term",
"label": "ALK inhibitor",
"path": "vocab/ALKInhibitor/index.html",
"synonyms": [
"ALKInhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ALKIndependentResistanceMechanism",
"kind": "term",
"label": "ALK-independent resistance mechanism",
"path": "vocab/ALKIndependentResistanceMechanism/index.html",
"synonyms": [
"ALKIndependentResistanceMechanism"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ALKRearrangedNSCLC",
"kind": "term",
"label": "ALK-rearranged non-small cell lung carcinoma",
"path": "vocab/ALKRearrangedNSCLC/index.html",
"synonyms": [
"ALKRearrangedNSCLC"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/AlteredProtein",
"kind": "term",
"label": "altered protein",
"path": "vocab/AlteredProtein/index.html",
"synonyms": [
"AlteredProtein"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/altersGene",
"kind": "term",
"label": "alters gene",
"path": "vocab/altersGene/index.html",
"synonyms": [
"altersGene"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/AntitumorActivity",
"kind": "term",
"label": "antitumor activity",
"path": "vocab/AntitumorActivity/index.html",
"synonyms": [
"AntitumorActivity"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/asserted",
"kind": "term",
"label": "asserted",
"path": "vocab/asserted/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/assertionOf",
"kind": "term",
"label": "assertion of",
"path": "vocab/assertionOf/index.html",
"synonyms": [
"assertionOf"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ATPCompetitiveInhibitor",
"kind": "term",
"label": "ATP-competitive inhibitor",
"path": "vocab/ATPCompetitiveInhibitor/index.html",
"synonyms": [
"ATPCompetitiveInhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/authorPosition",
"kind": "term",
"label": "author position",
"path": "vocab/authorPosition/index.html",
"synonyms": [
"authorPosition"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Authorship",
"kind": "term",
"label": "authorship",
"path": "vocab/Authorship/index.html",
"synonyms": [
"Authorship"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/authorshipAgent",
"kind": "term",
"label": "authorship agent",
"path": "vocab/authorshipAgent/index.html",
"synonyms": [
"authorshipAgent"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/BibliographicReference",
"kind": "term",
"label": "bibliographic reference",
"path": "vocab/BibliographicReference/index.html",
"synonyms": [
"BibliographicReference"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/BiologicalProcess",
"kind": "term",
"label": "biological process",
"path": "vocab/BiologicalProcess/index.html",
"synonyms": [
"BiologicalProcess"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/causes",
"kind": "term",
"label": "causes",
"path": "vocab/causes/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Chemotherapy",
"kind": "term",
"label": "chemotherapy",
"path": "vocab/Chemotherapy/index.html",
"synonyms": [
"Chemotherapy"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ChromosomalRearrangement",
"kind": "term",
"label": "chromosomal rearrangement",
"path": "vocab/ChromosomalRearrangement/index.html",
"synonyms": [
"ChromosomalRearrangement"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/citationMarker",
"kind": "term",
"label": "citation marker",
"path": "vocab/citationMarker/index.html",
"synonyms": [
"citationMarker"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/citesReference",
"kind": "term",
"label": "cites reference",
"path": "vocab/citesReference/index.html",
"synonyms": [
"citesReference"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Claim",
"kind": "term",
"label": "claim",
"path": "vocab/Claim/index.html",
"synonyms": [
"Claim"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Modality",
"kind": "term",
"label": "claim modality",
"path": "vocab/Modality/index.html",
"synonyms": [
"Modality"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/claimObject",
"kind": "term",
"label": "claim object",
"path": "vocab/claimObject/index.html",
"synonyms": [
"claimObject"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Polarity",
"kind": "term",
"label": "claim polarity",
"path": "vocab/Polarity/index.html",
"synonyms": [
"Polarity"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/claimPredicate",
"kind": "term",
"label": "claim predicate",
"path": "vocab/claimPredicate/index.html",
"synonyms": [
"claimPredicate"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/claimSubject",
"kind": "term",
"label": "claim subject",
"path": "vocab/claimSubject/index.html",
"synonyms": [
"claimSubject"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ClinicalEvidenceType",
"kind": "term",
"label": "clinical evidence type",
"path": "vocab/ClinicalEvidenceType/index.html",
"synonyms": [
"ClinicalEvidenceType"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ClinicalOutcome",
"kind": "term",
"label": "clinical outcome",
"path": "vocab/ClinicalOutcome/index.html",
"synonyms": [
"ClinicalOutcome"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ClinicalTrial",
"kind": "term",
"label": "clinical trial",
"path": "vocab/ClinicalTrial/index.html",
"synonyms": [
"ClinicalTrial"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/comparedWith",
"kind": "term",
"label": "compared with",
"path": "vocab/comparedWith/index.html",
"synonyms": [
"comparedWith"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/confersResistanceTo",
"kind": "term",
"label": "confers resistance to",
"path": "vocab/confersResistanceTo/index.html",
"synonyms": [
"confersResistanceTo"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/decrease",
"kind": "term",
"label": "decrease",
"path": "vocab/decrease/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Degree",
"kind": "term",
"label": "degree qualifier",
"path": "vocab/Degree/index.html",
"synonyms": [
"Degree"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/denominator",
"kind": "term",
"label": "denominator",
"path": "vocab/denominator/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/dependsOn",
"kind": "term",
"label": "depends on",
"path": "vocab/dependsOn/index.html",
"synonyms": [
"dependsOn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/direction",
"kind": "term",
"label": "direction",
"path": "vocab/direction/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Direction",
"kind": "term",
"label": "direction of change",
"path": "vocab/Direction/index.html",
"synonyms": [
"Direction"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Disease",
"kind": "term",
"label": "disease",
"path": "vocab/Disease/index.html",
"synonyms": [
"Disease"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Drug",
"kind": "term",
"label": "drug",
"path": "vocab/Drug/index.html",
"synonyms": [
"Drug"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugClass",
"kind": "term",
"label": "drug class",
"path": "vocab/DrugClass/index.html",
"synonyms": [
"DrugClass"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugResistance",
"kind": "term",
"label": "drug resistance",
"path": "vocab/DrugResistance/index.html",
"synonyms": [
"DrugResistance"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugTarget",
"kind": "term",
"label": "drug target",
"path": "vocab/DrugTarget/index.html",
"synonyms": [
"DrugTarget"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugNaivePopulation",
"kind": "term",
"label": "drug-naive patient population",
"path": "vocab/DrugNaivePopulation/index.html",
"synonyms": [
"DrugNaivePopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugResistantPopulation",
"kind": "term",
"label": "drug-resistant patient population",
"path": "vocab/DrugResistantPopulation/index.html",
"synonyms": [
"DrugResistantPopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugResistantTumor",
"kind": "term",
"label": "drug-resistant tumor",
"path": "vocab/DrugResistantTumor/index.html",
"synonyms": [
"DrugResistantTumor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugSensitivePopulation",
"kind": "term",
"label": "drug-sensitive patient population",
"path": "vocab/DrugSensitivePopulation/index.html",
"synonyms": [
"DrugSensitivePopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugSensitiveTumor",
"kind": "term",
"label": "drug-sensitive tumor",
"path": "vocab/DrugSensitiveTumor/index.html",
"synonyms": [
"DrugSensitiveTumor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/DrugTreatedPopulation",
"kind": "term",
"label": "drug-treated patient population",
"path": "vocab/DrugTreatedPopulation/index.html",
"synonyms": [
"DrugTreatedPopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/encodes",
"kind": "term",
"label": "encodes",
"path": "vocab/encodes/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/EvidenceType",
"kind": "term",
"label": "evidence type",
"path": "vocab/EvidenceType/index.html",
"synonyms": [
"EvidenceType"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/fold",
"kind": "term",
"label": "fold",
"path": "vocab/fold/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/formOf",
"kind": "term",
"label": "form of",
"path": "vocab/formOf/index.html",
"synonyms": [
"formOf"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/FusionGene",
"kind": "term",
"label": "fusion gene",
"path": "vocab/FusionGene/index.html",
"synonyms": [
"FusionGene"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/FusionGeneAmplification",
"kind": "term",
"label": "fusion gene amplification",
"path": "vocab/FusionGeneAmplification/index.html",
"synonyms": [
"FusionGeneAmplification"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Gene",
"kind": "term",
"label": "gene",
"path": "vocab/Gene/index.html",
"synonyms": [
"Gene"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/GeneAlteration",
"kind": "term",
"label": "gene alteration",
"path": "vocab/GeneAlteration/index.html",
"synonyms": [
"GeneAlteration"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/GeneAmplification",
"kind": "term",
"label": "gene amplification",
"path": "vocab/GeneAmplification/index.html",
"synonyms": [
"GeneAmplification"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/GeneFusion",
"kind": "term",
"label": "gene fusion",
"path": "vocab/GeneFusion/index.html",
"synonyms": [
"GeneFusion"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasAntitumorActivityAgainst",
"kind": "term",
"label": "has antitumor activity against",
"path": "vocab/hasAntitumorActivityAgainst/index.html",
"synonyms": [
"hasAntitumorActivityAgainst"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasAuthor",
"kind": "term",
"label": "has author",
"path": "vocab/hasAuthor/index.html",
"synonyms": [
"hasAuthor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasAuthorship",
"kind": "term",
"label": "has authorship",
"path": "vocab/hasAuthorship/index.html",
"synonyms": [
"hasAuthorship"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasCondition",
"kind": "term",
"label": "has condition",
"path": "vocab/hasCondition/index.html",
"synonyms": [
"hasCondition"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasDomain",
"kind": "term",
"label": "has domain",
"path": "vocab/hasDomain/index.html",
"synonyms": [
"hasDomain"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasEvidenceType",
"kind": "term",
"label": "has evidence type",
"path": "vocab/hasEvidenceType/index.html",
"synonyms": [
"hasEvidenceType"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasFusionPartner",
"kind": "term",
"label": "has fusion partner",
"path": "vocab/hasFusionPartner/index.html",
"synonyms": [
"hasFusionPartner"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasMaterialBasisIn",
"kind": "term",
"label": "has material basis in",
"path": "vocab/hasMaterialBasisIn/index.html",
"synonyms": [
"hasMaterialBasisIn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasMeasurement",
"kind": "term",
"label": "has measurement",
"path": "vocab/hasMeasurement/index.html",
"synonyms": [
"hasMeasurement"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasMeasurementContext",
"kind": "term",
"label": "has measurement context",
"path": "vocab/hasMeasurementContext/index.html",
"synonyms": [
"hasMeasurementContext"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasMention",
"kind": "term",
"label": "has mention",
"path": "vocab/hasMention/index.html",
"synonyms": [
"hasMention"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasPosition",
"kind": "term",
"label": "has position",
"path": "vocab/hasPosition/index.html",
"synonyms": [
"hasPosition"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasQualifiedStatement",
"kind": "term",
"label": "has qualified statement",
"path": "vocab/hasQualifiedStatement/index.html",
"synonyms": [
"hasQualifiedStatement"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasQualifier",
"kind": "term",
"label": "has qualifier",
"path": "vocab/hasQualifier/index.html",
"synonyms": [
"hasQualifier"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasRole",
"kind": "term",
"label": "has role",
"path": "vocab/hasRole/index.html",
"synonyms": [
"hasRole"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasRouteOfAdministration",
"kind": "term",
"label": "has route of administration",
"path": "vocab/hasRouteOfAdministration/index.html",
"synonyms": [
"hasRouteOfAdministration"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasText",
"kind": "term",
"label": "has text",
"path": "vocab/hasText/index.html",
"synonyms": [
"hasText"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hasTreatmentOption",
"kind": "term",
"label": "has treatment option",
"path": "vocab/hasTreatmentOption/index.html",
"synonyms": [
"hasTreatmentOption"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hedged",
"kind": "term",
"label": "hedged",
"path": "vocab/hedged/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Hypothesis",
"kind": "term",
"label": "hypothesis",
"path": "vocab/Hypothesis/index.html",
"synonyms": [
"Hypothesis"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hypothesisObject",
"kind": "term",
"label": "hypothesis object",
"path": "vocab/hypothesisObject/index.html",
"synonyms": [
"hypothesisObject"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hypothesisPredicate",
"kind": "term",
"label": "hypothesis predicate",
"path": "vocab/hypothesisPredicate/index.html",
"synonyms": [
"hypothesisPredicate"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/hypothesisSubject",
"kind": "term",
"label": "hypothesis subject",
"path": "vocab/hypothesisSubject/index.html",
"synonyms": [
"hypothesisSubject"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/IGF1RInhibitor",
"kind": "term",
"label": "IGF1R inhibitor",
"path": "vocab/IGF1RInhibitor/index.html",
"synonyms": [
"IGF1RInhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/inAssay",
"kind": "term",
"label": "in assay",
"path": "vocab/inAssay/index.html",
"synonyms": [
"inAssay"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/inContext",
"kind": "term",
"label": "in context",
"path": "vocab/inContext/index.html",
"synonyms": [
"inContext"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/inDiseaseContext",
"kind": "term",
"label": "in disease context",
"path": "vocab/inDiseaseContext/index.html",
"synonyms": [
"inDiseaseContext"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/inModel",
"kind": "term",
"label": "in model",
"path": "vocab/inModel/index.html",
"synonyms": [
"inModel"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/inPopulation",
"kind": "term",
"label": "in population",
"path": "vocab/inPopulation/index.html",
"synonyms": [
"inPopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/inSentence",
"kind": "term",
"label": "in sentence",
"path": "vocab/inSentence/index.html",
"synonyms": [
"inSentence"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/increase",
"kind": "term",
"label": "increase",
"path": "vocab/increase/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/inhibits",
"kind": "term",
"label": "inhibits",
"path": "vocab/inhibits/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/isActiveIn",
"kind": "term",
"label": "is active in",
"path": "vocab/isActiveIn/index.html",
"synonyms": [
"isActiveIn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/isApproximate",
"kind": "term",
"label": "is approximate",
"path": "vocab/isApproximate/index.html",
"synonyms": [
"isApproximate"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/isLowerBound",
"kind": "term",
"label": "is lower bound",
"path": "vocab/isLowerBound/index.html",
"synonyms": [
"isLowerBound"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/isSubtypeOf",
"kind": "term",
"label": "is subtype of",
"path": "vocab/isSubtypeOf/index.html",
"synonyms": [
"isSubtypeOf"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/isUpperBound",
"kind": "term",
"label": "is upper bound",
"path": "vocab/isUpperBound/index.html",
"synonyms": [
"isUpperBound"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/journal",
"kind": "term",
"label": "journal",
"path": "vocab/journal/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/KinaseDomain",
"kind": "term",
"label": "kinase domain",
"path": "vocab/KinaseDomain/index.html",
"synonyms": [
"KinaseDomain"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/KinaseDomainMutation",
"kind": "term",
"label": "kinase domain mutation",
"path": "vocab/KinaseDomainMutation/index.html",
"synonyms": [
"KinaseDomainMutation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/leadsToExpressionOf",
"kind": "term",
"label": "leads to expression of",
"path": "vocab/leadsToExpressionOf/index.html",
"synonyms": [
"leadsToExpressionOf"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/limited",
"kind": "term",
"label": "limited",
"path": "vocab/limited/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/locatedInDomain",
"kind": "term",
"label": "located in domain",
"path": "vocab/locatedInDomain/index.html",
"synonyms": [
"locatedInDomain"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/marked",
"kind": "term",
"label": "marked",
"path": "vocab/marked/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/maxValue",
"kind": "term",
"label": "maximum value",
"path": "vocab/maxValue/index.html",
"synonyms": [
"maxValue"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/measuredAgainst",
"kind": "term",
"label": "measured against",
"path": "vocab/measuredAgainst/index.html",
"synonyms": [
"measuredAgainst"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/measuredInAssay",
"kind": "term",
"label": "measured in assay",
"path": "vocab/measuredInAssay/index.html",
"synonyms": [
"measuredInAssay"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/measuredInContext",
"kind": "term",
"label": "measured in context",
"path": "vocab/measuredInContext/index.html",
"synonyms": [
"measuredInContext"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/measuredInDisease",
"kind": "term",
"label": "measured in disease",
"path": "vocab/measuredInDisease/index.html",
"synonyms": [
"measuredInDisease"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/measuredInModel",
"kind": "term",
"label": "measured in model",
"path": "vocab/measuredInModel/index.html",
"synonyms": [
"measuredInModel"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/measuredInPopulation",
"kind": "term",
"label": "measured in population",
"path": "vocab/measuredInPopulation/index.html",
"synonyms": [
"measuredInPopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Measurement",
"kind": "term",
"label": "measurement",
"path": "vocab/Measurement/index.html",
"synonyms": [
"Measurement"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/MedianProgressionFreeSurvival",
"kind": "term",
"label": "median progression-free survival",
"path": "vocab/MedianProgressionFreeSurvival/index.html",
"synonyms": [
"MedianProgressionFreeSurvival"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/memberOfDrugClass",
"kind": "term",
"label": "member of drug class",
"path": "vocab/memberOfDrugClass/index.html",
"synonyms": [
"memberOfDrugClass"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/METInhibitor",
"kind": "term",
"label": "MET inhibitor",
"path": "vocab/METInhibitor/index.html",
"synonyms": [
"METInhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/minValue",
"kind": "term",
"label": "minimum value",
"path": "vocab/minValue/index.html",
"synonyms": [
"minValue"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/modality",
"kind": "term",
"label": "modality",
"path": "vocab/modality/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/modelledIn",
"kind": "term",
"label": "modelled in",
"path": "vocab/modelledIn/index.html",
"synonyms": [
"modelledIn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/MolecularDiseaseSubtype",
"kind": "term",
"label": "molecular disease subtype",
"path": "vocab/MolecularDiseaseSubtype/index.html",
"synonyms": [
"MolecularDiseaseSubtype"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Mutation",
"kind": "term",
"label": "mutation",
"path": "vocab/Mutation/index.html",
"synonyms": [
"Mutation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/negated",
"kind": "term",
"label": "negated",
"path": "vocab/negated/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/NonSmallCellLungCarcinoma",
"kind": "term",
"label": "non-small cell lung carcinoma",
"path": "vocab/NonSmallCellLungCarcinoma/index.html",
"synonyms": [
"NonSmallCellLungCarcinoma"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/notPreviouslyTreatedWith",
"kind": "term",
"label": "not previously treated with",
"path": "vocab/notPreviouslyTreatedWith/index.html",
"synonyms": [
"notPreviouslyTreatedWith"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/numerator",
"kind": "term",
"label": "numerator",
"path": "vocab/numerator/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/numericValue",
"kind": "term",
"label": "numeric value",
"path": "vocab/numericValue/index.html",
"synonyms": [
"numericValue"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ObjectiveResponseRate",
"kind": "term",
"label": "objective response rate",
"path": "vocab/ObjectiveResponseRate/index.html",
"synonyms": [
"ObjectiveResponseRate"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ofDrug",
"kind": "term",
"label": "of drug",
"path": "vocab/ofDrug/index.html",
"synonyms": [
"ofDrug"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ofTarget",
"kind": "term",
"label": "of target",
"path": "vocab/ofTarget/index.html",
"synonyms": [
"ofTarget"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/OnTargetResistanceMechanism",
"kind": "term",
"label": "on-target resistance mechanism",
"path": "vocab/OnTargetResistanceMechanism/index.html",
"synonyms": [
"OnTargetResistanceMechanism"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/OncogenicDriver",
"kind": "term",
"label": "oncogenic driver",
"path": "vocab/OncogenicDriver/index.html",
"synonyms": [
"OncogenicDriver"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/OralDrug",
"kind": "term",
"label": "orally administered drug",
"path": "vocab/OralDrug/index.html",
"synonyms": [
"OralDrug"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/PalliativeTherapy",
"kind": "term",
"label": "palliative therapy",
"path": "vocab/PalliativeTherapy/index.html",
"synonyms": [
"PalliativeTherapy"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/PatientPopulation",
"kind": "term",
"label": "patient population",
"path": "vocab/PatientPopulation/index.html",
"synonyms": [
"PatientPopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ProgressedOnDrugPopulation",
"kind": "term",
"label": "patient population progressed on a drug",
"path": "vocab/ProgressedOnDrugPopulation/index.html",
"synonyms": [
"ProgressedOnDrugPopulation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/PointMutation",
"kind": "term",
"label": "point mutation",
"path": "vocab/PointMutation/index.html",
"synonyms": [
"PointMutation"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/polarity",
"kind": "term",
"label": "polarity",
"path": "vocab/polarity/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/potent",
"kind": "term",
"label": "potent",
"path": "vocab/potent/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/PreclinicalEvidenceType",
"kind": "term",
"label": "preclinical evidence type",
"path": "vocab/PreclinicalEvidenceType/index.html",
"synonyms": [
"PreclinicalEvidenceType"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/progressedOn",
"kind": "term",
"label": "progressed on",
"path": "vocab/progressedOn/index.html",
"synonyms": [
"progressedOn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/proportion",
"kind": "term",
"label": "proportion",
"path": "vocab/proportion/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Protein",
"kind": "term",
"label": "protein",
"path": "vocab/Protein/index.html",
"synonyms": [
"Protein"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ProteinDomain",
"kind": "term",
"label": "protein domain",
"path": "vocab/ProteinDomain/index.html",
"synonyms": [
"ProteinDomain"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ProteinKinase",
"kind": "term",
"label": "protein kinase",
"path": "vocab/ProteinKinase/index.html",
"synonyms": [
"ProteinKinase"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ProteinKinaseInhibitor",
"kind": "term",
"label": "protein kinase inhibitor",
"path": "vocab/ProteinKinaseInhibitor/index.html",
"synonyms": [
"ProteinKinaseInhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/publicationYear",
"kind": "term",
"label": "publication year",
"path": "vocab/publicationYear/index.html",
"synonyms": [
"publicationYear"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/pmcid",
"kind": "term",
"label": "PubMed Central identifier",
"path": "vocab/pmcid/index.html",
"synonyms": [
"pmcid"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/QualifiedStatement",
"kind": "term",
"label": "qualified statement",
"path": "vocab/QualifiedStatement/index.html",
"synonyms": [
"QualifiedStatement"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/quote",
"kind": "term",
"label": "quote",
"path": "vocab/quote/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Radiotherapy",
"kind": "term",
"label": "radiotherapy",
"path": "vocab/Radiotherapy/index.html",
"synonyms": [
"Radiotherapy"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ReceptorTyrosineKinase",
"kind": "term",
"label": "receptor tyrosine kinase",
"path": "vocab/ReceptorTyrosineKinase/index.html",
"synonyms": [
"ReceptorTyrosineKinase"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/referenceNumber",
"kind": "term",
"label": "reference number",
"path": "vocab/referenceNumber/index.html",
"synonyms": [
"referenceNumber"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/referenceOf",
"kind": "term",
"label": "reference of",
"path": "vocab/referenceOf/index.html",
"synonyms": [
"referenceOf"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/RelapseProportion",
"kind": "term",
"label": "relapse proportion",
"path": "vocab/RelapseProportion/index.html",
"synonyms": [
"RelapseProportion"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/RelativePotency",
"kind": "term",
"label": "relative potency",
"path": "vocab/RelativePotency/index.html",
"synonyms": [
"RelativePotency"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/reportsTrial",
"kind": "term",
"label": "reports trial",
"path": "vocab/reportsTrial/index.html",
"synonyms": [
"reportsTrial"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ResistanceMechanism",
"kind": "term",
"label": "resistance mechanism",
"path": "vocab/ResistanceMechanism/index.html",
"synonyms": [
"ResistanceMechanism"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/ResistanceMechanismShare",
"kind": "term",
"label": "resistance mechanism share",
"path": "vocab/ResistanceMechanismShare/index.html",
"synonyms": [
"ResistanceMechanismShare"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/resistantTo",
"kind": "term",
"label": "resistant to",
"path": "vocab/resistantTo/index.html",
"synonyms": [
"resistantTo"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/respondsTo",
"kind": "term",
"label": "responds to",
"path": "vocab/respondsTo/index.html",
"synonyms": [
"respondsTo"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/restsOn",
"kind": "term",
"label": "rests on",
"path": "vocab/restsOn/index.html",
"synonyms": [
"restsOn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Role",
"kind": "term",
"label": "role",
"path": "vocab/Role/index.html",
"synonyms": [
"Role"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/RouteOfAdministration",
"kind": "term",
"label": "route of administration",
"path": "vocab/RouteOfAdministration/index.html",
"synonyms": [
"RouteOfAdministration"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Selectivity",
"kind": "term",
"label": "selectivity",
"path": "vocab/Selectivity/index.html",
"synonyms": [
"Selectivity"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/sensitiveTo",
"kind": "term",
"label": "sensitive to",
"path": "vocab/sensitiveTo/index.html",
"synonyms": [
"sensitiveTo"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Sentence",
"kind": "term",
"label": "sentence",
"path": "vocab/Sentence/index.html",
"synonyms": [
"Sentence"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/sentenceCites",
"kind": "term",
"label": "sentence cites",
"path": "vocab/sentenceCites/index.html",
"synonyms": [
"sentenceCites"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/sentenceNumber",
"kind": "term",
"label": "sentence number",
"path": "vocab/sentenceNumber/index.html",
"synonyms": [
"sentenceNumber"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/sentenceOf",
"kind": "term",
"label": "sentence of",
"path": "vocab/sentenceOf/index.html",
"synonyms": [
"sentenceOf"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/sentenceText",
"kind": "term",
"label": "sentence text",
"path": "vocab/sentenceText/index.html",
"synonyms": [
"sentenceText"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/SmallMoleculeDrug",
"kind": "term",
"label": "small-molecule drug",
"path": "vocab/SmallMoleculeDrug/index.html",
"synonyms": [
"SmallMoleculeDrug"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/SourceDocument",
"kind": "term",
"label": "source document",
"path": "vocab/SourceDocument/index.html",
"synonyms": [
"SourceDocument"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/SourceText",
"kind": "term",
"label": "source text",
"path": "vocab/SourceText/index.html",
"synonyms": [
"SourceText"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/stated",
"kind": "term",
"label": "stated",
"path": "vocab/stated/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/statement",
"kind": "term",
"label": "statement",
"path": "vocab/statement/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/statementObject",
"kind": "term",
"label": "statement object",
"path": "vocab/statementObject/index.html",
"synonyms": [
"statementObject"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/statementPredicate",
"kind": "term",
"label": "statement predicate",
"path": "vocab/statementPredicate/index.html",
"synonyms": [
"statementPredicate"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/statementSubject",
"kind": "term",
"label": "statement subject",
"path": "vocab/statementSubject/index.html",
"synonyms": [
"statementSubject"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/statesHypothesis",
"kind": "term",
"label": "states hypothesis",
"path": "vocab/statesHypothesis/index.html",
"synonyms": [
"statesHypothesis"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/text",
"kind": "term",
"label": "text",
"path": "vocab/text/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/Therapy",
"kind": "term",
"label": "therapy",
"path": "vocab/Therapy/index.html",
"synonyms": [
"Therapy"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/TimeToRelapse",
"kind": "term",
"label": "time to relapse",
"path": "vocab/TimeToRelapse/index.html",
"synonyms": [
"TimeToRelapse"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/timeWindowUnit",
"kind": "term",
"label": "time window unit",
"path": "vocab/timeWindowUnit/index.html",
"synonyms": [
"timeWindowUnit"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/timeWindowValue",
"kind": "term",
"label": "time window value",
"path": "vocab/timeWindowValue/index.html",
"synonyms": [
"timeWindowValue"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/treatedWith",
"kind": "term",
"label": "treated with",
"path": "vocab/treatedWith/index.html",
"synonyms": [
"treatedWith"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/Tumor",
"kind": "term",
"label": "tumor",
"path": "vocab/Tumor/index.html",
"synonyms": [
"Tumor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/TyrosineKinaseInhibitor",
"kind": "term",
"label": "tyrosine kinase inhibitor",
"path": "vocab/TyrosineKinaseInhibitor/index.html",
"synonyms": [
"TyrosineKinaseInhibitor"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/unchangedIn",
"kind": "term",
"label": "unchanged in",
"path": "vocab/unchangedIn/index.html",
"synonyms": [
"unchangedIn"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/unit",
"kind": "term",
"label": "unit",
"path": "vocab/unit/index.html",
"synonyms": []
},
{
"iri": "https://w3id.org/alkkg/vocab/UnitOfMeasure",
"kind": "term",
"label": "unit of measure",
"path": "vocab/UnitOfMeasure/index.html",
"synonyms": [
"UnitOfMeasure"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/withDegree",
"kind": "term",
"label": "with degree",
"path": "vocab/withDegree/index.html",
"synonyms": [
"withDegree"
]
},
{
"iri": "https://w3id.org/alkkg/vocab/withDrug",
"kind": "term",
"label": "with drug",
"path": "vocab/withDrug/index.html",
"synonyms": [
"withDrug"
]
}
];
