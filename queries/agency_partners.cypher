// name: agency_partners
// description: Agencies that share tasks with an agency, ranked by the number of shared tasks
// param: agency string  # canonical or written name
// param: limit integer = 20
// example: agency=市水利局
MATCH (a:Agency)-[:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t:Task)<-[:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]-(b:Agency)
WHERE (a.name = $agency OR $agency IN a.written) AND a.id <> b.id
RETURN b.name AS partner, count(DISTINCT t.id) AS shared_tasks
ORDER BY shared_tasks DESC, partner
LIMIT $limit
