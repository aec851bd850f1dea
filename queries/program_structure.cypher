// name: program_structure
// description: The tasks of a program (河长制, 蓝天保卫战 …) with their lead, cooperating and responsible agencies
// param: program string  # the program's name
// example: program=河长制
MATCH (t:Task)-[:PART_OF]->(p:Program)
WHERE p.name = $program
OPTIONAL MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t)
RETURN p.name AS program, t.doc AS doc, t.item AS item, t.heading AS task,
       collect(CASE WHEN type(r) = 'LEADS' THEN a.name END) AS lead,
       collect(CASE WHEN type(r) = 'COOPERATES_ON' THEN a.name END) AS cooperate,
       collect(CASE WHEN type(r) = 'RESPONSIBLE_FOR' THEN a.name END) AS responsible
ORDER BY doc, item
