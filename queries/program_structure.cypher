// name: program_structure
// description: The tasks of a program (河长制, 蓝天保卫战 …) with their lead, cooperating and responsible agencies
// param: program string  # the program's name
// example: program=河长制
// Role by role, each through its own edge type and grouped by the task node: one CASE per
// role over every (task, agency) row, grouped by the task's properties, took twice as long.
MATCH (t:Task)-[:PART_OF]->(p:Program)
WHERE p.name = $program
OPTIONAL MATCH (lead:Agency)-[:LEADS]->(t)
WITH p, t, collect(lead.name) AS lead
OPTIONAL MATCH (partner:Agency)-[:COOPERATES_ON]->(t)
WITH p, t, lead, collect(partner.name) AS cooperate
OPTIONAL MATCH (answerer:Agency)-[:RESPONSIBLE_FOR]->(t)
WITH p, t, lead, cooperate, collect(answerer.name) AS responsible
RETURN p.name AS program, t.doc AS doc, t.item AS item, t.heading AS task, lead, cooperate, responsible
ORDER BY doc, item
