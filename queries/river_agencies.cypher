// name: river_agencies
// description: Agencies that answer for a river: by the tasks concerning it, counted by role
// param: river string  # the river's name (桃河)
// example: river=桃河
MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t:Task)-[:CONCERNS]->(rv:River)
WHERE rv.name = $river OR $river IN rv.written
RETURN a.name AS agency, type(r) AS role, count(DISTINCT t.id) AS tasks
ORDER BY tasks DESC, agency
