// name: tasks_without_lead
// description: Data quality: tasks that name no lead agency, with the agencies that answer for them
// param: limit integer = 200
// example:
MATCH (t:Task)
WHERE NOT (t)<-[:LEADS]-(:Agency)
OPTIONAL MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(t)
RETURN t.doc AS doc, t.item AS item, t.heading AS task, collect(a.name) AS responsible
ORDER BY doc, item
LIMIT $limit
