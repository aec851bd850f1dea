// name: edge_evidence
// description: The evidence for the facts linking two things: document, page, span, sentence, written form, extractor
// param: subject string  # the name of the fact's subject (郝文保, 市水利局 …)
// param: object string = ""  # part of the object's name; empty for every object
// example: subject=郝文保
MATCH (a)-[r]->(b)
WHERE (a.name = $subject OR $subject IN a.written) AND coalesce(b.name, b.heading, b.title, '') CONTAINS $object
RETURN type(r) AS fact, coalesce(b.name, b.heading, b.title) AS object, r.doc AS doc, r.page AS page,
       r.span AS span, r.evidence AS evidence, r.written AS written, r.resolution AS resolution,
       r.extractor AS extractor
ORDER BY doc, fact
