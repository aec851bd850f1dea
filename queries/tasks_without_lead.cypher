// name: tasks_without_lead
// description: Data quality: tasks that name no lead agency, with the agencies that answer for them
// param: limit integer = 200
// example:
// OPTIONAL MATCH and a null test rather than `NOT (t)<-[:LEADS]-()`: FalkorDB runs that
// pattern once per task (24 s on 330k tasks); the optional traversal goes in batches.
MATCH (t:Task)
OPTIONAL MATCH (lead:Agency)-[:LEADS]->(t)
WITH t, lead
WHERE lead IS NULL
OPTIONAL MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(t)
RETURN t.doc AS doc, t.item AS item, t.heading AS task, collect(a.name) AS responsible
ORDER BY doc, item
LIMIT $limit
