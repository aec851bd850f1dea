// name: group_composition
// description: The members of leadership groups whose name contains a text, by role
// param: group string = 领导小组  # part of the group's name
// example: group=草地贪夜蛾
MATCH (o:Official)-[m:MEMBER_OF]->(g:Agency)
WHERE g.name CONTAINS $group
OPTIONAL MATCH (g)-[:OFFICE_AT]->(office:Agency)
RETURN g.name AS group, m.role AS role, o.name AS official, m.title AS title, office.name AS office_at,
       CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 WHEN 'member' THEN 2 ELSE 3 END AS rank,
       m.doc AS doc
ORDER BY group, rank, official
