// name: edge_evidence
// description: The evidence for the facts linking two things: document, page, span, sentence, written form, the rule that read it
// param: subject string  # the name of the fact's subject (郝文保, 市水利局 …)
// param: object string = ""  # part of the object's name; empty for every object
// example: subject=郝文保
// The subject label by label, through the `name` indexes (agencies and places also by a written
// form): an unlabelled pattern scans every node of the graph.
OPTIONAL MATCH (official:Official {name: $subject})
WITH collect(official) AS s1
OPTIONAL MATCH (post:Post {name: $subject})
WITH s1, collect(post) AS s2
OPTIONAL MATCH (agency:Agency) WHERE agency.name = $subject OR $subject IN agency.written
WITH s1, s2, collect(agency) AS s3
OPTIONAL MATCH (program:Program) WHERE program.name = $subject OR $subject IN program.written
WITH s1, s2, s3, collect(program) AS s4
OPTIONAL MATCH (river:River) WHERE river.name = $subject OR $subject IN river.written
WITH s1, s2, s3, s4, collect(river) AS s5
OPTIONAL MATCH (district:District) WHERE district.name = $subject OR $subject IN district.written
WITH s1, s2, s3, s4, s5, collect(district) AS s6
UNWIND s1 + s2 + s3 + s4 + s5 + s6 AS a
MATCH (a)-[r]->(b)
WHERE coalesce(b.name, b.heading, b.title, '') CONTAINS $object
RETURN type(r) AS fact, coalesce(b.name, b.heading, b.title) AS object, r.doc AS doc, r.page AS page,
       r.span AS span, r.evidence AS evidence, r.written AS written, r.resolution AS resolution,
       r.rule AS rule
ORDER BY doc, fact
