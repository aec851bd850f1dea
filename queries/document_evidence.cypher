// name: document_evidence
// description: Every fact a document states, with its page, character span, sentence and extractor
// param: doc string  # the document's 文号 (阳政办发〔2020〕33号) or id
// param: limit integer = 1000
// example: doc=阳政任字〔2020〕6号
MATCH (a)-[r]->(b)
WHERE r.doc = $doc
RETURN type(r) AS fact, coalesce(a.name, a.item, a.title) AS subject, coalesce(b.name, b.item, b.title) AS object,
       r.page AS page, r.span AS span, r.evidence AS evidence, r.extractor AS extractor
ORDER BY fact, subject, object
LIMIT $limit
