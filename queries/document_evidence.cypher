// name: document_evidence
// description: Every fact a document states, with its page, character span, sentence and the rule that read it
// param: doc string  # the document's 文号 (阳政办发〔2020〕33号) or id
// param: limit integer = 1000
// example: doc=阳政任字〔2020〕6号
// Type by type, each through its `doc` index: an untyped pattern scans every edge of the graph.
OPTIONAL MATCH (a1)-[r1:APPOINTED_TO {doc: $doc}]->(b1)
WITH collect([a1, r1, b1]) AS f1
OPTIONAL MATCH (a2)-[r2:REMOVED_FROM {doc: $doc}]->(b2)
WITH f1, collect([a2, r2, b2]) AS f2
OPTIONAL MATCH (a3)-[r3:POST_OF {doc: $doc}]->(b3)
WITH f1, f2, collect([a3, r3, b3]) AS f3
OPTIONAL MATCH (a4)-[r4:LEADS {doc: $doc}]->(b4)
WITH f1, f2, f3, collect([a4, r4, b4]) AS f4
OPTIONAL MATCH (a5)-[r5:COOPERATES_ON {doc: $doc}]->(b5)
WITH f1, f2, f3, f4, collect([a5, r5, b5]) AS f5
OPTIONAL MATCH (a6)-[r6:RESPONSIBLE_FOR {doc: $doc}]->(b6)
WITH f1, f2, f3, f4, f5, collect([a6, r6, b6]) AS f6
OPTIONAL MATCH (a7)-[r7:PART_OF {doc: $doc}]->(b7)
WITH f1, f2, f3, f4, f5, f6, collect([a7, r7, b7]) AS f7
OPTIONAL MATCH (a8)-[r8:STATED_IN {doc: $doc}]->(b8)
WITH f1, f2, f3, f4, f5, f6, f7, collect([a8, r8, b8]) AS f8
OPTIONAL MATCH (a9)-[r9:CONCERNS {doc: $doc}]->(b9)
WITH f1, f2, f3, f4, f5, f6, f7, f8, collect([a9, r9, b9]) AS f9
OPTIONAL MATCH (a10)-[r10:MEMBER_OF {doc: $doc}]->(b10)
WITH f1, f2, f3, f4, f5, f6, f7, f8, f9, collect([a10, r10, b10]) AS f10
OPTIONAL MATCH (a11)-[r11:OFFICE_AT {doc: $doc}]->(b11)
WITH f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, collect([a11, r11, b11]) AS f11
OPTIONAL MATCH (a12)-[r12:MENTIONS {doc: $doc}]->(b12)
WITH f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, collect([a12, r12, b12]) AS f12
OPTIONAL MATCH (a13)-[r13:ISSUED_BY {doc: $doc}]->(b13)
WITH f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, collect([a13, r13, b13]) AS f13
UNWIND f1 + f2 + f3 + f4 + f5 + f6 + f7 + f8 + f9 + f10 + f11 + f12 + f13 AS fact
WITH fact[0] AS a, fact[1] AS r, fact[2] AS b
WHERE r IS NOT NULL
RETURN type(r) AS fact, coalesce(a.name, a.item, a.title) AS subject, coalesce(b.name, b.item, b.title) AS object,
       r.page AS page, r.span AS span, r.evidence AS evidence, r.rule AS rule
ORDER BY fact, subject, object
LIMIT $limit
