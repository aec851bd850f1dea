// name: river_tasks
// description: Tasks concerning a river and the agencies that lead or answer for them
// param: river string  # the river's name (桃河)
// example: river=桃河
MATCH (t:Task)-[:CONCERNS]->(rv:River)
WHERE rv.name = $river OR $river IN rv.written
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR]->(t)
RETURN rv.name AS river, t.doc AS doc, t.item AS item, t.heading AS task, collect(DISTINCT a.name) AS agencies
ORDER BY doc, item
